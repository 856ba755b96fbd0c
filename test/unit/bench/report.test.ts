import { describe, expect, it } from "vitest";
import { pageAssets } from "../../../bench/lib/html-assets";
import { atMost } from "../../../bench/report/goals";
import { fixed, table } from "../../../bench/report/table";

describe("goal verdicts", () => {
  it("says ok at or under the goal, MISS over it, n/a without a figure", () => {
    expect(atMost(1, 1)).toBe("ok");
    expect(atMost(2, 1)).toBe("MISS");
    expect(atMost(1.2, 1.2, true)).toBe("MISS");
    expect(atMost(1.19, 1.2, true)).toBe("ok");
    expect(atMost(null, 1)).toBe("n/a");
    expect(atMost(Number.NaN, 1)).toBe("n/a");
  });
});

describe("table", () => {
  it("aligns text left and numbers right, with a dash for a missing figure", () => {
    const text = table(
      ["page", "ms"],
      [
        ["home", fixed(123.4)],
        ["confirm", fixed(null)],
        ["a long page name", fixed(9.5, 1)],
      ],
    );
    expect(text.split("\n")).toEqual([
      "page               ms",
      "----------------  ---",
      "home              123",
      "confirm             -",
      "a long page name  9.5",
    ]);
  });
});

describe("pageAssets", () => {
  it("finds linked stylesheets and every script, inline or external", () => {
    const html =
      '<link rel="stylesheet" href="/css/portal.css"/><link rel="icon" href="/favicon.svg"/>' +
      '<script src="/js/a.js"></script><script nonce="n">let x = 1;</script>';
    expect(pageAssets(html)).toEqual({
      stylesheets: ["/css/portal.css"],
      scripts: [
        { src: "/js/a.js", text: "" },
        { src: null, text: "let x = 1;" },
      ],
    });
  });

  it("finds nothing on a page without scripts", () => {
    expect(pageAssets("<p>hello</p>").scripts).toEqual([]);
  });
});
