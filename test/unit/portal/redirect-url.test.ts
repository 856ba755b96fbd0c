import { describe, expect, it } from "vitest";
import { isAuthenticationUrlAllowed } from "../../../worker/portal/payments/redirect-url";

const production = { apiBase: "https://api.stripe.com", dev: false };
const dev = { apiBase: "http://127.0.0.1:12111", dev: true };

describe("where the portal may send a customer to authenticate a payment", () => {
  it("allows Stripe's own https pages", () => {
    for (const url of [
      "https://hooks.stripe.com/3d_secure_2/hosted?merchant=acct_1&payment_intent=pi_1",
      "https://hooks.stripe.com/redirect/authenticate/src_1?client_secret=x",
      "https://stripe.com/x",
    ]) {
      expect(isAuthenticationUrlAllowed(url, production), url).toBe(true);
    }
  });

  it("refuses anything else in production, including look-alike hosts and plain http", () => {
    for (const url of [
      "http://hooks.stripe.com/3d_secure_2/hosted",
      "https://hooks.stripe.com.evil.example/x",
      "https://evilstripe.com/x",
      "https://stripe.com@evil.example/x",
      "https://user:pass@hooks.stripe.com/x",
      "https://evil.example/phish",
      "http://127.0.0.1:12111/hosted/authenticate/pi_1",
      "javascript:alert(1)",
      "//hooks.stripe.com/x",
      "/p",
      "",
    ]) {
      expect(isAuthenticationUrlAllowed(url, production), url).toBe(false);
    }
  });

  it("in development and tests also allows the configured Stripe API origin (the emulator)", () => {
    expect(isAuthenticationUrlAllowed("http://127.0.0.1:12111/hosted/authenticate/pi_1?attempt=a", dev)).toBe(
      true,
    );
    expect(isAuthenticationUrlAllowed("https://hooks.stripe.com/x", dev)).toBe(true);
    expect(isAuthenticationUrlAllowed("http://127.0.0.1:9999/hosted/authenticate/pi_1", dev)).toBe(false);
    expect(isAuthenticationUrlAllowed("http://localhost:12111/hosted/authenticate/pi_1", dev)).toBe(false);
    expect(isAuthenticationUrlAllowed("https://evil.example/x", dev)).toBe(false);
  });
});
