/** PLACEHOLDER (being written): the deep-dive console. */
import type { DeepDiveFacilitatorState } from '../../../../../shared/activities/deepdive/views';
import type { FacilitatorAccess } from '../../../net/facilitator';

export default function DeepDiveConsole({ state }: { state: DeepDiveFacilitatorState; workshopId: string; access: FacilitatorAccess; processId: string | null }) {
  return <p>{state.workshop.config.title}</p>;
}
