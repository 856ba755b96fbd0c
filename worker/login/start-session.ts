/**
 * Turns a passed login challenge into a portal session, the same record the merchant API
 * creates, with the configuration's default return URL and `source: "login_page"`.
 */
import { randomId } from "../lib/crypto";
import { createSession } from "../store/session-store";
import type { ChallengeRecord } from "./challenge-store";

/**
 * Stores the session and returns its bearer token (for the cookie). The redirect to `/p` that
 * follows is its first use, which starts the 1-hour idle window as for an API session.
 */
export async function startLoginSession(
  kv: KVNamespace,
  challenge: ChallengeRecord & { customer: string },
  returnUrl: string | null,
  now: number,
): Promise<string> {
  const { token } = await createSession(
    kv,
    {
      id: randomId("bps"),
      account: challenge.account,
      customer: challenge.customer,
      configuration: challenge.configuration,
      locale: null,
      preferredLocales: challenge.preferredLocales,
      returnUrl,
      onBehalfOf: null,
      flow: null,
      livemode: false,
      created: Math.floor(now / 1000),
      prefetch: null,
      source: "login_page",
    },
    now,
  );
  return token;
}
