/** PLACEHOLDER (being written): the deep-dive tablet. */
export default function DeepDiveTablet() {
  return <p />;
}
