/** The projector's read-only connection. */
import { connect } from './socket';

export function joinAsProjector(code: string): void {
  connect({ join: () => ({ role: 'projector', code }), onJoined: () => undefined });
}
