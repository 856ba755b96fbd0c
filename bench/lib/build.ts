/**
 * The worker as it would deploy: `wrangler deploy --dry-run --outdir`. The bench weighs this
 * bundle and serves this same bundle with `wrangler dev --no-bundle`, so what is measured is
 * what ships, and edits others make to the source tree during a run cannot reload the worker
 * under load (wrangler dev rebuilds on every change to the sources it bundles).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "./servers";

/** A built worker in a temporary folder. */
export interface BuiltWorker {
  dir: string;
  /** The entry module (`wrangler dev <entry> --no-bundle`). */
  entry: string;
  /** Files that would be uploaded, relative to `dir` (no source maps, no README). */
  modules: string[];
  /** Removes the folder. */
  remove(): void;
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesBelow(path).map((f) => join(entry, f)) : [entry];
  });
}

/** Builds the worker with wrangler, as `wrangler deploy` would, without deploying. */
export async function buildWorker(): Promise<BuiltWorker> {
  const dir = mkdtempSync(join(tmpdir(), "portal-bench-bundle-"));
  // Also on Ctrl-C, which exits without running the caller's `finally`.
  const remove = () => {
    process.off("exit", remove);
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", remove);
  const bin = join(REPO_ROOT, "node_modules/.bin");
  const output: string[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(join(bin, "wrangler"), ["deploy", "--dry-run", "--outdir", dir], {
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
  if (code !== 0) {
    remove();
    throw new Error(`wrangler deploy --dry-run failed (${code}):\n${output.join("").slice(-2000)}`);
  }
  // Source maps are not uploaded by default and do not count towards the size limit; wrangler
  // also writes a README.md about the folder.
  const modules = filesBelow(dir).filter((f) => !f.endsWith(".map") && f !== "README.md");
  const entry = modules.includes("index.js") ? "index.js" : (modules[0] ?? "index.js");
  return { dir, entry: join(dir, entry), modules, remove };
}
