/** What a page makes the browser load besides itself: stylesheets and scripts. */

function attr(tag: string, name: string): string | null {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
}

/** Stylesheet hrefs and scripts (src or inline text) of a page. */
export function pageAssets(html: string): {
  stylesheets: string[];
  scripts: { src: string | null; text: string }[];
} {
  const stylesheets = [...html.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => attr(tag, "rel") === "stylesheet")
    .flatMap((tag) => attr(tag, "href") ?? []);
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({
    src: attr(`${m[1] ?? ""}>`, "src"),
    text: m[2] ?? "",
  }));
  return { stylesheets, scripts };
}
