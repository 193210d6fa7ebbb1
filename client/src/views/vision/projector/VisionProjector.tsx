/** PLACEHOLDER (being written): the vision projector. */
import type { VisionProjectorState } from '../../../../../shared/activities/vision/views';

export default function VisionProjector({ state }: { state: VisionProjectorState }) {
  return <p>{state.workshop.config.title}</p>;
}
