/**
 * The emulator + `wrangler dev` pair one e2e run talks to: fresh free ports (never the
 * developer's 8787/12111) and a fresh KV directory, so every run starts from the seed and an
 * empty session store. Both are stopped at the end, also when the run fails.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { LOG_DIR, REPO_ROOT } from "./paths";

/** What the tests need to know about the running pair. */
export interface RunningServers {
  portalOrigin: string;
  emulatorOrigin: string;
  /** The `--persist-to` directory wrangler keeps KV in (for `wrangler kv --local`). */
  persistDir: string;
  stop(): Promise<void>;
}

/** Asks the OS for a port nobody listens on right now. */
export async function freePort(): Promise<number> {
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

const BIN = resolve(REPO_ROOT, "node_modules/.bin");

interface Child {
  name: string;
  process: ChildProcess;
  logFile: string;
}

/**
 * Starts a command in its own process group (wrangler starts workerd below it), with output
 * in a log file: the run's console stays readable, and the log is there when startup fails.
 */
function startChild(name: string, command: string, args: string[]): Child {
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = join(LOG_DIR, `${name}.log`);
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

/** Stops a child's whole process group; waits for it to exit (at most a few seconds). */
async function stopChild(child: Child): Promise<void> {
  const pid = child.process.pid;
  if (pid === undefined || child.process.exitCode !== null || child.process.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.process.once("exit", () => done()));
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = new Promise<"timeout">((done) => setTimeout(() => done("timeout"), 5_000));
  if ((await Promise.race([exited, timer])) === "timeout") {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** Polls until `check` says yes; fails early, with the child's log, if the child dies. */
async function waitUntil(child: Child, what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
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

/**
 * Starts the emulator (`tsx emulator/server.ts`) and the portal (`wrangler dev` with the same
 * vars as `npm run dev`), waits until both answer, and returns how to reach and stop them.
 */
export async function startServers(): Promise<RunningServers> {
  const [emulatorPort, portalPort, inspectorPort] = [await freePort(), await freePort(), await freePort()];
  const emulatorOrigin = `http://127.0.0.1:${emulatorPort}`;
  const portalOrigin = `http://127.0.0.1:${portalPort}`;
  const persistDir = mkdtempSync(join(tmpdir(), "portal-e2e-kv-"));
  const children: Child[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopChild));
    rmSync(persistDir, { recursive: true, force: true });
  };
  // Should the test process die without running the teardown, take the servers along.
  const onExit = () => {
    for (const child of children) {
      if (child.process.pid !== undefined && child.process.exitCode === null) {
        try {
          process.kill(-child.process.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    }
  };
  process.once("exit", onExit);

  try {
    const emulator = startChild("emulator", "tsx", ["emulator/server.ts", "--port", String(emulatorPort)]);
    children.push(emulator);
    await waitUntil(
      emulator,
      `the emulator at ${emulatorOrigin}`,
      async () => (await fetch(`${emulatorOrigin}/_emulator/health`)).ok,
      30_000,
    );

    const portal = startChild("wrangler", "wrangler", [
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      String(portalPort),
      "--inspector-port",
      String(inspectorPort),
      "--persist-to",
      persistDir,
      "--var",
      "PORTAL_ENV:development",
      "--var",
      `STRIPE_API_BASE:${emulatorOrigin}`,
      "--var",
      "STRIPE_SECRET_KEY:sk_test_emulator",
      "--var",
      "PORTAL_API_KEYS:sk_test_portal_dev",
      "--show-interactive-dev-session=false",
      "--log-level",
      "warn",
    ]);
    children.push(portal);
    await waitUntil(
      portal,
      `the portal's merchant API at ${portalOrigin}`,
      async () =>
        (
          await fetch(`${portalOrigin}/v1/billing_portal/configurations?limit=1`, {
            headers: { Authorization: "Bearer sk_test_portal_dev" },
          })
        ).ok,
      90_000,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { portalOrigin, emulatorOrigin, persistDir, stop };
}
