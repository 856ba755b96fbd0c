/**
 * Measurement 4: page weight. Per read-only page: the HTML as served, raw and compressed
 * (node:zlib defaults: gzip level 6, brotli quality 11), the CSS it links, and the JavaScript
 * it loads (every `<script>`, inline or external: the pages are meant to need none). And the
 * worker bundle as `wrangler deploy --dry-run` builds it, gzipped (what Cloudflare's size
 * limit counts).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { pageAssets } from "../lib/html-assets";
import { REPO_ROOT } from "../lib/servers";

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

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesBelow(path).map((f) => join(entry, f)) : [entry];
  });
}

/** Builds the worker with `wrangler deploy --dry-run --outdir` and weighs what it would upload. */
export async function weighBundle(): Promise<BundleWeight> {
  const outdir = mkdtempSync(join(tmpdir(), "portal-bench-bundle-"));
  try {
    const bin = join(REPO_ROOT, "node_modules/.bin");
    const output: string[] = [];
    const code = await new Promise<number | null>((done, fail) => {
      const child = spawn(join(bin, "wrangler"), ["deploy", "--dry-run", "--outdir", outdir], {
        cwd: REPO_ROOT,
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          PATH: `${bin}:${process.env.PATH ?? ""}`,
          WRANGLER_SEND_METRICS: "false",
          NO_COLOR: "1",
        },
      });
      child.stdout.on("data", (d: Buffer) => output.push(d.toString()));
      child.stderr.on("data", (d: Buffer) => output.push(d.toString()));
      child.once("error", fail);
      child.once("exit", done);
    });
    if (code !== 0)
      throw new Error(`wrangler deploy --dry-run failed (${code}):\n${output.join("").slice(-2000)}`);
    // Source maps are not uploaded by default and do not count towards the size limit; wrangler
    // also writes a README.md about the folder.
    const files = filesBelow(outdir).filter((f) => !f.endsWith(".map") && f !== "README.md");
    const contents = files.map((f) => readFileSync(join(outdir, f)));
    return {
      files,
      raw: contents.reduce((sum, c) => sum + c.length, 0),
      gzip: contents.reduce((sum, c) => sum + gzipSync(c).length, 0),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
