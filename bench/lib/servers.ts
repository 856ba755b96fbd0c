/**
 * The emulator + `wrangler dev` pair one bench run measures: fresh free ports (never the
 * developer's 8787/12111), a temporary KV directory, output in log files. `stop()` ends both
 * process groups and removes the temporary files; the caller runs it in `finally`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { commandLine, descendants } from "./proc";

/** The repository root (this file is bench/lib/servers.ts). */
export const REPO_ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(REPO_ROOT, "node_modules/.bin");

/** The portal's dev merchant API key (DESIGN.md). */
export const PORTAL_API_KEY = "sk_test_portal_dev";

/** What the measurements need to know about the running pair. */
export interface Servers {
  portalOrigin: string;
  emulatorOrigin: string;
  portalPort: number;
  /** wrangler's inspector (Chrome DevTools protocol) for the worker. */
  inspectorPort: number;
  /** The processes doing the work, found below the children we started. */
  processes(): ServerProcesses;
  stop(): Promise<void>;
}

/** A process of the pair, for CPU and memory readings. */
export interface ServerProcess {
  pid: number;
  /**
   * "worker": workerd running the portal; "proxy": wrangler's own workerd in front of it;
   * "emulator": the node process serving the emulator; "launcher": tsx, which started it.
   */
  role: "worker" | "proxy" | "emulator" | "launcher";
}

export type ServerProcesses = ServerProcess[];

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

interface Child {
  name: string;
  process: ChildProcess;
  logFile: string;
}

/** Starts a command in its own process group, so stopping it also stops what it started. */
function startChild(logDir: string, name: string, command: string, args: string[]): Child {
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

const running = (child: Child) => child.process.exitCode === null && child.process.signalCode === null;

function signalGroup(child: Child, signal: NodeJS.Signals): void {
  const pid = child.process.pid;
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM to the child's group, SIGKILL after 5 s if it is still there. */
async function stopChild(child: Child): Promise<void> {
  if (!running(child)) return;
  const exited = new Promise<void>((done) => child.process.once("exit", () => done()));
  signalGroup(child, "SIGTERM");
  const timeout = new Promise<"timeout">((done) => setTimeout(() => done("timeout"), 5_000).unref());
  if ((await Promise.race([exited, timeout])) === "timeout") signalGroup(child, "SIGKILL");
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** Polls `check` until it says yes; fails early, with the child's log, when the child dies. */
async function waitUntil(child: Child, what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!running(child)) {
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
 * Starts the emulator (`tsx emulator/server.ts`) and the portal (`wrangler dev` with the vars
 * of `npm run dev`, serving the built `workerEntry` as is), waits until both answer, and
 * returns how to reach and stop them.
 */
export async function startServers(workerEntry: string): Promise<Servers> {
  const emulatorPort = await freePort();
  const portalPort = await freePort();
  const inspectorPort = await freePort();
  const emulatorOrigin = `http://127.0.0.1:${emulatorPort}`;
  const portalOrigin = `http://127.0.0.1:${portalPort}`;
  const workDir = mkdtempSync(join(tmpdir(), "portal-bench-"));
  const children: Child[] = [];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off("exit", killAll);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await Promise.all(children.map(stopChild));
    rmSync(workDir, { recursive: true, force: true });
  };
  // Should the bench die without reaching its `finally`, take the servers along.
  const killAll = () => {
    for (const child of children) if (running(child)) signalGroup(child, "SIGKILL");
    rmSync(workDir, { recursive: true, force: true });
  };
  // The children run in their own process groups, so Ctrl-C does not reach them: pass it on.
  const onSignal = () => {
    killAll();
    process.exit(130);
  };
  process.once("exit", killAll);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    const emulator = startChild(workDir, "emulator", "tsx", [
      process.env.BENCH_EMULATOR_SCRIPT ?? "emulator/server.ts",
      "--port",
      String(emulatorPort),
    ]);
    children.push(emulator);
    await waitUntil(
      emulator,
      `the emulator at ${emulatorOrigin}`,
      async () => (await fetch(`${emulatorOrigin}/_emulator/health`)).ok,
      30_000,
    );

    const portal = startChild(workDir, "wrangler", "wrangler", [
      "dev",
      workerEntry,
      "--no-bundle",
      "--config",
      join(REPO_ROOT, "wrangler.toml"),
      "--ip",
      "127.0.0.1",
      "--port",
      String(portalPort),
      "--inspector-port",
      String(inspectorPort),
      "--persist-to",
      join(workDir, "state"),
      "--var",
      "PORTAL_ENV:development",
      "--var",
      `STRIPE_API_BASE:${emulatorOrigin}`,
      "--var",
      "STRIPE_SECRET_KEY:sk_test_emulator",
      "--var",
      `PORTAL_API_KEYS:${PORTAL_API_KEY}`,
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
            headers: { Authorization: `Bearer ${PORTAL_API_KEY}` },
          })
        ).ok,
      90_000,
    );
    const wranglerPid = portal.process.pid ?? -1;
    const emulatorPid = emulator.process.pid ?? -1;
    return {
      portalOrigin,
      emulatorOrigin,
      portalPort,
      inspectorPort,
      processes: () => [
        // wrangler runs two workerd processes; the portal's is the one with an inspector.
        ...descendants(wranglerPid)
          .filter((p) => p.name === "workerd")
          .map(
            (p): ServerProcess => ({
              pid: p.pid,
              role: commandLine(p.pid).includes("--inspector-addr") ? "worker" : "proxy",
            }),
          ),
        // tsx starts node below itself to run the emulator.
        { pid: emulatorPid, role: "launcher" },
        ...descendants(emulatorPid).map((p): ServerProcess => ({ pid: p.pid, role: "emulator" })),
      ],
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
