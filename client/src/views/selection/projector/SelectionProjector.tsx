/** PLACEHOLDER (being written): the project selection projector. */
import type { SelectionProjectorState } from '../../../../../shared/activities/selection/views';

export default function SelectionProjector({ state }: { state: SelectionProjectorState }) {
  return <p>{state.workshop.config.title}</p>;
}
