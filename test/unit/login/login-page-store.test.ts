import { describe, expect, it } from "vitest";
import { newLoginSlug, slugFromLoginUrl } from "../../../worker/login/login-page-store";
import { sessionConfiguration } from "../../../worker/login/login-restrictions";
import type { PortalConfiguration } from "../../../worker/store/configuration-types";
import { buildDefaultConfiguration } from "../../../worker/store/default-configuration";

describe("login page slugs", () => {
  it("are read back only from this portal's login URLs", () => {
    const slug = newLoginSlug();
    expect(slug).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(slugFromLoginUrl(`https://billing.example/p/login/${slug}`)).toBe(slug);
    for (const url of [
      null,
      "not a url",
      `https://billing.example/p/login/${slug}/code`,
      "https://x.example/p/login/short",
    ]) {
      expect(slugFromLoginUrl(url), String(url)).toBeNull();
    }
  });
});

describe("sessionConfiguration", () => {
  const config: PortalConfiguration = {
    ...buildDefaultConfiguration(0),
    id: "bpc_test",
    is_default: true,
    account: null,
  };

  it("takes email out of the editable fields for a login-page session only", () => {
    expect(config.features.customer_update.allowed_updates).toContain("email");
    const login = sessionConfiguration(config, { source: "login_page" });
    expect(login.features.customer_update.allowed_updates).not.toContain("email");
    expect(login.features.customer_update.allowed_updates).toContain("name");
    expect(sessionConfiguration(config, { source: "api" })).toBe(config);
    expect(sessionConfiguration(config, {})).toBe(config);
  });
});
