import { render } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { ProrationTable } from "../../../views/components/proration-table";
import { RequestContext } from "../../../views/context";
import "../../../locales/index";
import { createTranslator } from "../../../worker/lib/i18n";

function table(lines: Array<{ description: string | null; amount: number }>) {
  return render(
    <RequestContext.Provider value={{ locale: "en", t: createTranslator("en"), nonce: "n" }}>
      <ProrationTable
        lines={lines.map((l) => ({ ...l, start: 1_790_000_000, end: 1_792_000_000 }))}
        currency="usd"
        fromPlan="Basic"
        toPlan="Pro"
      />
    </RequestContext.Provider>,
  );
}

describe("ProrationTable", () => {
  it("names the old plan on a credit and the new plan on a charge when Stripe gives no description", () => {
    const html = table([
      { description: null, amount: -450 },
      { description: null, amount: 1450 },
    ]);
    expect(html).toContain("Credit for unused time on Basic");
    expect(html).toContain("Remaining time on Pro");
    expect(html).not.toContain("{plan}");
  });

  it("labels lines in the customer's language instead of Stripe's English description", () => {
    const html = render(
      <RequestContext.Provider value={{ locale: "de", t: createTranslator("de"), nonce: "n" }}>
        <ProrationTable
          lines={[{ description: "Unused time on Basic after 2 Nov 2026", amount: -450, start: 1, end: 2 }]}
          currency="usd"
          fromPlan="Basic"
          toPlan="Pro"
        />
      </RequestContext.Provider>,
    );
    expect(html).not.toContain("Unused time on Basic after");
    const german = createTranslator("de")("plan_change.unused_time", { plan: "Basic" });
    expect(german).not.toBe(createTranslator("en")("plan_change.unused_time", { plan: "Basic" }));
    expect(html).toContain(german);
  });
});
