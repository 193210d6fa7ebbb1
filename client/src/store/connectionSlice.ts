import type { StateCreator } from 'zustand';
import type { ErrorCode } from '../../../shared/protocol';
import type { Store } from './index';

export type ConnectionStatus = 'idle' | 'connecting' | 'online' | 'offline';

/** A refusal that stops the screen (wrong code, wrong secret, old version), 'network', 'deleted' (the workshop is gone) or 'removed' (the facilitator removed this tablet, SPEC J-6). */
export type Problem = ErrorCode | 'network' | 'deleted' | 'removed';

export interface ConnectionSlice {
  connection: ConnectionStatus;
  problem: Problem | null;
  setConnection(status: ConnectionStatus): void;
  setProblem(problem: Problem | null): void;
}

export const connectionSlice: StateCreator<Store, [], [], ConnectionSlice> = (set) => ({
  connection: 'idle',
  problem: null,
  setConnection: (connection) => set({ connection }),
  setProblem: (problem) => set({ problem }),
});
