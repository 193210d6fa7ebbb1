/** PLACEHOLDER (being written): the vision tablet. */
export default function VisionTablet() {
  return <p />;
}
