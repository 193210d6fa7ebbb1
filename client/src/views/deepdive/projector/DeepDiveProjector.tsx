/** PLACEHOLDER (being written): the deep-dive projector. */
import type { DeepDiveProjectorState } from '../../../../../shared/activities/deepdive/views';

export default function DeepDiveProjector({ state }: { state: DeepDiveProjectorState }) {
  return <p>{state.workshop.config.title}</p>;
}
