/**
 * What happens after a deep-link flow succeeds (`flow.after_completion`, stripe-portal-api.md
 * §1.2): a redirect to the merchant, the hosted confirmation page, or the portal home. Without
 * an `after_completion`, Stripe's default is the confirmation page with no custom message.
 */
import type { SessionFlow } from "../store/session-store";

/** The resolved next step after a completed flow. */
export type AfterCompletion =
  | { kind: "redirect"; url: string }
  | { kind: "confirmation"; message: string | null }
  | { kind: "home" };

/** Resolves a flow's `after_completion`, falling back to the hosted confirmation. */
export function resolveAfterCompletion(flow: Pick<SessionFlow, "after_completion"> | null): AfterCompletion {
  const after = flow?.after_completion;
  if (!after) return { kind: "confirmation", message: null };
  if (after.type === "redirect" && after.redirect?.return_url) {
    return { kind: "redirect", url: after.redirect.return_url };
  }
  if (after.type === "portal_homepage") return { kind: "home" };
  return { kind: "confirmation", message: after.hosted_confirmation?.custom_message ?? null };
}
