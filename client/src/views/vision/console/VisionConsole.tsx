/** PLACEHOLDER (being written): the vision console. */
import type { VisionFacilitatorState } from '../../../../../shared/activities/vision/views';
import type { FacilitatorAccess } from '../../../net/facilitator';

export default function VisionConsole({ state }: { state: VisionFacilitatorState; workshopId: string; access: FacilitatorAccess; processId: string | null }) {
  return <p>{state.workshop.config.title}</p>;
}
