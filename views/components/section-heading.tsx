/** A section title that is the page's h1 on a feature page and an h2 on the home page. */
export function SectionHeading(props: { level: 1 | 2; id: string; text: string }) {
  return props.level === 1 ? <h1 id={props.id}>{props.text}</h1> : <h2 id={props.id}>{props.text}</h2>;
}
