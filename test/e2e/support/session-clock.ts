/**
 * Ageing a session without waiting: `wrangler dev` runs on the real clock, so the suite moves
 * the one thing time changes, the stored `expiresAt`, into the past. The record itself is the
 * portal's own (written by the merchant API); the edit goes through `wrangler kv --local`
 * against the run's KV directory, as an operator's tool would.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "./paths";
import { persistDir } from "./servers-client";

const run = promisify(execFile);
const WRANGLER = join(REPO_ROOT, "node_modules/.bin/wrangler");

async function kv(args: string[]): Promise<string> {
  const { stdout } = await run(
    WRANGLER,
    ["kv", "key", ...args, "--binding", "SESSIONS", "--local", "--persist-to", persistDir],
    { cwd: REPO_ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" } },
  );
  return stdout;
}

/** The KV key of a session URL's token: the portal stores only the token's SHA-256. */
function sessionKey(sessionUrl: string): string {
  const token = new URL(sessionUrl).pathname.split("/").pop() ?? "";
  return `session:v1:${createHash("sha256").update(token).digest("hex")}`;
}

/** Makes the session behind this URL expire now, as if its time had run out. */
export async function expireSession(sessionUrl: string): Promise<void> {
  const key = sessionKey(sessionUrl);
  const record = JSON.parse(await kv(["get", key])) as { expiresAt: number };
  record.expiresAt = Date.now() - 1_000;
  await kv(["put", key, JSON.stringify(record)]);
}
