/**
 * Starting and stopping the local servers (emulator, wrangler dev) that the browser suite and
 * the benchmark run against: one implementation for both.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";

/** The repository's root folder. */
export const REPO_ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(REPO_ROOT, "node_modules/.bin");

/** A started command, its process and where its output goes. */
export interface Child {
  name: string;
  process: ChildProcess;
  logFile: string;
}

/** Asks the OS for a port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/**
 * Starts a project binary in its own process group (wrangler starts workerd below it), so
 * stopping it also stops what it started; output goes to `<logDir>/<name>.log`, which keeps the
 * console readable and is there when startup fails.
 */
export function startChild(logDir: string, name: string, command: string, args: string[]): Child {
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${name}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(join(BIN, command), args, {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PATH: `${BIN}:${process.env.PATH ?? ""}`,
      WRANGLER_SEND_METRICS: "false",
      NO_COLOR: "1",
      FORCE_COLOR: "0",
    },
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return { name, process: child, logFile };
}

/** True while the child has neither exited nor been killed. */
export function isRunning(child: Child): boolean {
  return child.process.exitCode === null && child.process.signalCode === null;
}

/** Sends a signal to the child's whole process group. */
export function signalGroup(child: Child, signal: NodeJS.Signals): void {
  const pid = child.process.pid;
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM to the child's group, SIGKILL after 5 s if it is still there. */
export async function stopChild(child: Child): Promise<void> {
  if (!isRunning(child)) return;
  const exited = new Promise<void>((done) => child.process.once("exit", () => done()));
  signalGroup(child, "SIGTERM");
  const timeout = new Promise<"timeout">((done) => setTimeout(() => done("timeout"), 5_000).unref());
  if ((await Promise.race([exited, timeout])) === "timeout") signalGroup(child, "SIGKILL");
}

/** The last lines of a log file, for error messages. */
export function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** Polls `check` until it says yes; fails early, with the child's log, when the child dies. */
export async function waitUntil(
  child: Child,
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!isRunning(child)) {
      throw new Error(
        `${child.name} exited before ${what}. Last lines of ${child.logFile}:\n${tail(child.logFile)}`,
      );
    }
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${what}. Last lines of ${child.logFile}:\n${tail(child.logFile)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The dev merchant API key every local portal accepts (`PORTAL_ENV=development`). */
export const DEV_PORTAL_API_KEY = "sk_test_portal_dev";

/**
 * The `wrangler dev` arguments that point a local portal at an emulator: development mode,
 * the emulator as Stripe, the dev API key. One list for `npm run dev`, the e2e suite and the
 * bench, so the three always run the same portal.
 */
export function devPortalVars(emulatorOrigin: string): string[] {
  return [
    "--var",
    "PORTAL_ENV:development",
    "--var",
    `STRIPE_API_BASE:${emulatorOrigin}`,
    "--var",
    "STRIPE_SECRET_KEY:sk_test_emulator",
    "--var",
    `PORTAL_API_KEYS:${DEV_PORTAL_API_KEY}`,
    "--show-interactive-dev-session=false",
  ];
}

/** Waits until a local portal's merchant API answers (wrangler dev takes a while to build). */
export function waitForMerchantApi(child: Child, portalOrigin: string): Promise<void> {
  return waitUntil(
    child,
    `the portal's merchant API at ${portalOrigin}`,
    async () =>
      (
        await fetch(`${portalOrigin}/v1/billing_portal/configurations?limit=1`, {
          headers: { Authorization: `Bearer ${DEV_PORTAL_API_KEY}` },
        })
      ).ok,
    90_000,
  );
}
