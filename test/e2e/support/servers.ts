import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Child,
  devPortalVars,
  freePort,
  startChild as startLoggedChild,
  stopChild,
  waitForMerchantApi,
  waitUntil,
} from "../../../scripts/lib/child-processes";
import { LOG_DIR } from "./paths";

const startChild = (name: string, command: string, args: string[]): Child =>
  startLoggedChild(LOG_DIR, name, command, args);

/** What the tests need to know about the running pair. */
export interface RunningServers {
  portalOrigin: string;
  emulatorOrigin: string;
  /** The `--persist-to` directory wrangler keeps KV in (for `wrangler kv --local`). */
  persistDir: string;
  stop(): Promise<void>;
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
      ...devPortalVars(emulatorOrigin),
      "--log-level",
      "warn",
    ]);
    children.push(portal);
    await waitForMerchantApi(portal, portalOrigin);
  } catch (error) {
    await stop();
    throw error;
  }
  return { portalOrigin, emulatorOrigin, persistDir, stop };
}
