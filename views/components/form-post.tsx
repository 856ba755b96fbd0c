import type { ComponentChildren } from "preact";
import { CsrfField } from "./csrf-field";

/**
 * A POST form carrying the session's CSRF token and a fresh submission nonce. Every
 * state-changing form of the payment, billing and invoice pages is one of these.
 */
export function PostForm(props: {
  action: string;
  csrfToken: string;
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <form method="post" action={props.action} class={props.class}>
      <CsrfField token={props.csrfToken} />
      {props.children}
    </form>
  );
}
