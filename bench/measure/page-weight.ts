/**
 * Measurement 4: page weight. Per read-only page: the HTML as served, raw and compressed
 * (node:zlib defaults: gzip level 6, brotli quality 11), the CSS it links, and the JavaScript
 * it loads (every `<script>`, inline or external: the pages are meant to need none). And the
 * worker bundle as `wrangler deploy --dry-run` builds it, gzipped (what Cloudflare's size
 * limit counts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import type { BuiltWorker } from "../lib/build";
import { pageAssets } from "../lib/html-assets";

/** Sizes of one resource, bytes. */
export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

/** Weight of one page. */
export interface PageWeight {
  name: string;
  html: Sizes;
  /** Linked stylesheets together. */
  css: Sizes;
  /** `<script>` elements on the page. */
  scripts: number;
  /** Their bytes (inline text plus fetched `src`), raw. */
  jsBytes: number;
}

/** The worker bundle. */
export interface BundleWeight {
  files: string[];
  raw: number;
  gzip: number;
}

/** Raw, gzip and brotli sizes of a text or buffer. */
export function sizes(content: string | Buffer): Sizes {
  const buffer = typeof content === "string" ? Buffer.from(content) : content;
  return { raw: buffer.length, gzip: gzipSync(buffer).length, brotli: brotliCompressSync(buffer).length };
}

const add = (a: Sizes, b: Sizes): Sizes => ({
  raw: a.raw + b.raw,
  gzip: a.gzip + b.gzip,
  brotli: a.brotli + b.brotli,
});
const ZERO: Sizes = { raw: 0, gzip: 0, brotli: 0 };

/** Weighs each page, fetching its linked CSS and external scripts from `origin` once each. */
export async function weighPages(
  pages: readonly { name: string; html: string }[],
  origin: string,
): Promise<PageWeight[]> {
  const fetched = new Map<string, Promise<Buffer>>();
  const load = (href: string) => {
    const url = new URL(href, origin).href;
    let body = fetched.get(url);
    if (!body) {
      body = fetch(url).then(async (res) => {
        if (!res.ok) throw new Error(`${url}: ${res.status}`);
        return Buffer.from(await res.arrayBuffer());
      });
      fetched.set(url, body);
    }
    return body;
  };
  const weights: PageWeight[] = [];
  for (const page of pages) {
    const assets = pageAssets(page.html);
    let css = ZERO;
    for (const href of assets.stylesheets) css = add(css, sizes(await load(href)));
    let jsBytes = 0;
    for (const script of assets.scripts) {
      jsBytes += Buffer.byteLength(script.text) + (script.src ? (await load(script.src)).length : 0);
    }
    weights.push({ name: page.name, html: sizes(page.html), css, scripts: assets.scripts.length, jsBytes });
  }
  return weights;
}

/** Weighs what `wrangler deploy` would upload of a built worker. */
export function weighBundle(worker: BuiltWorker): BundleWeight {
  const contents = worker.modules.map((f) => readFileSync(join(worker.dir, f)));
  return {
    files: worker.modules,
    raw: contents.reduce((sum, c) => sum + c.length, 0),
    gzip: contents.reduce((sum, c) => sum + gzipSync(c).length, 0),
  };
}
