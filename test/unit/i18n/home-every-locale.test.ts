/**
 * The portal home rendered in every supported locale: the right `lang` and `dir`, no raw
 * message key, and the subscription's price and next invoice date formatted for that locale.
 * Until a catalog exists the page falls back to English text, but `lang`, `dir`, money and
 * dates are already the locale's; this test guards those and the absence of raw keys.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../../emulator/seed/ids";
import en from "../../../locales/en.json";
import { currentPeriodEnd } from "../../../worker/billing/cancel-mode";
import { formatDate, formatMoney } from "../../../worker/lib/format";
import { directionOf, SUPPORTED_LOCALES } from "../../../worker/lib/locales";
import { createHarness, type Harness } from "../../helpers/harness";
import { openFullPortal, type PortalBrowser, pageText } from "../../helpers/portal-session";

/** A dotted word starting with one of en.json's namespaces: what a missing message looks like. */
const RAW_KEY = new RegExp(`\\b(?:${Object.keys(en).join("|")})(?:\\.[a-z0-9_]+)+\\b`, "g");
/** Page text collapses every kind of space to one, as `pageText` does. */
const spaced = (text: string) => text.replace(/\s+/g, " ");

describe("portal home in every locale", () => {
  let h: Harness;
  let browser: PortalBrowser;
  let price: { amount: number; currency: string };
  let renews: number;

  beforeAll(async () => {
    h = createHarness();
    browser = await openFullPortal(h);
    const sub = await h.stripe.subscriptions.retrieve(DEMO.subscriptions.monthly);
    const item = sub.items.data[0];
    if (!item?.price.unit_amount) throw new Error("the monthly demo subscription needs a priced item");
    price = { amount: item.price.unit_amount, currency: item.price.currency };
    renews = currentPeriodEnd(sub);
  });

  it.each(SUPPORTED_LOCALES)("%s", async (locale) => {
    const res = await browser.get(`/p?locale=${locale}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<html lang="${locale}" dir="${directionOf(locale)}">`);
    const text = pageText(html);
    expect(text.match(RAW_KEY) ?? []).toEqual([]);
    expect(text).toContain(spaced(formatMoney(price.amount, price.currency, locale)));
    expect(text).toContain(spaced(formatDate(renews, locale)));
  });

  it("carries the language menu, and a choice made with it sticks for the session", async () => {
    const chooser = await openFullPortal(h);
    const before = await (await chooser.get("/p")).text();
    expect(before).toContain('<form method="get" class="language-menu">');
    expect(before).toContain('<option value="ja" lang="ja" dir="ltr">日本語</option>');
    expect((await chooser.get("/p?locale=ja")).status).toBe(200);
    expect(await (await chooser.get("/p")).text()).toContain('<html lang="ja" dir="ltr">');
  });
});
