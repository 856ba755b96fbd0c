import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Child,
  DEV_PORTAL_API_KEY,
  devPortalVars,
  freePort,
  isRunning,
  REPO_ROOT,
  signalGroup,
  startChild,
  stopChild,
  waitForMerchantApi,
  waitUntil,
} from "../../scripts/lib/child-processes";
import { commandLine, descendants } from "./proc";

export { REPO_ROOT };

/** The portal's dev merchant API key (DESIGN.md). */
export const PORTAL_API_KEY = DEV_PORTAL_API_KEY;

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
    for (const child of children) if (isRunning(child)) signalGroup(child, "SIGKILL");
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
      ...devPortalVars(emulatorOrigin),
      "--log-level",
      "warn",
    ]);
    children.push(portal);
    await waitForMerchantApi(portal, portalOrigin);
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
