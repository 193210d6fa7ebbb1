/** PLACEHOLDER (being written): the project selection console. */
import type { SelectionFacilitatorState } from '../../../../../shared/activities/selection/views';
import type { FacilitatorAccess } from '../../../net/facilitator';

export default function SelectionConsole({ state }: { state: SelectionFacilitatorState; workshopId: string; access: FacilitatorAccess; processId: string | null }) {
  return <p>{state.workshop.config.title}</p>;
}
