/** PLACEHOLDER (being written): the project selection tablet. */
export default function SelectionTablet() {
  return <p />;
}
