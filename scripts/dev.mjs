#!/usr/bin/env node
// `npm run dev`: the Stripe emulator on 127.0.0.1:12111 and the portal (wrangler dev) on
// 127.0.0.1:8787. Extra arguments after `--` go to wrangler, so `npm run dev -- --port 9000`
// moves the portal. Ctrl-C stops both.
import { spawn } from "node:child_process";
import { tsImport } from "tsx/esm/api";

const args = process.argv.slice(2);
const emulatorPort = process.env.EMULATOR_PORT ?? "12111";
const emulatorOrigin = `http://127.0.0.1:${emulatorPort}`;
const portArg = args.indexOf("--port");
const portalPort = portArg >= 0 ? args[portArg + 1] : "8787";
const passThrough = portArg >= 0 ? args.filter((_, i) => i !== portArg && i !== portArg + 1) : args;

const children = [];
function start(name, command, commandArgs) {
  const child = spawn(command, commandArgs, { stdio: "inherit", env: process.env });
  child.on("exit", (code, signal) => {
    console.error(`[dev] ${name} exited (${signal ?? code})`);
    shutdown(code ?? 1);
  });
  children.push(child);
  return child;
}

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500).unref();
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${url}`);
}

start("emulator", "tsx", ["emulator/server.ts", "--port", emulatorPort]);
await waitFor(`${emulatorOrigin}/_emulator/health`, 30_000);
console.log(`[dev] Stripe emulator at ${emulatorOrigin}`);

const { devPortalVars } = await tsImport("./lib/child-processes.ts", import.meta.url);
start("portal", "wrangler", [
  "dev",
  "--ip",
  "127.0.0.1",
  "--port",
  portalPort,
  ...devPortalVars(emulatorOrigin),
  ...passThrough,
]);
console.log(`[dev] portal at http://127.0.0.1:${portalPort}`);

// Demo portal configurations, created through the merchant API once the portal answers, and
// only for an account that has none yet (a restarted `npm run dev` keeps what is in KV).
const portalOrigin = `http://127.0.0.1:${portalPort}`;
const { demoConfigurations } = await tsImport("../worker/api/demo-configuration.ts", import.meta.url);

async function portalApi(path, init = {}, account = null) {
  const headers = { Authorization: "Bearer sk_test_portal_dev", ...(init.headers ?? {}) };
  if (account) headers["Stripe-Account"] = account;
  return fetch(`${portalOrigin}${path}`, { ...init, headers });
}

async function seedDemoConfigurations() {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await portalApi("/v1/billing_portal/configurations?limit=1");
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error("timed out waiting for the portal's API");
    await new Promise((r) => setTimeout(r, 250));
  }
  for (const { account, params } of demoConfigurations()) {
    const existing = await (await portalApi("/v1/billing_portal/configurations?limit=1", {}, account)).json();
    if (existing.data?.length > 0) continue;
    const res = await portalApi(
      "/v1/billing_portal/configurations",
      { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(params) },
      account,
    );
    if (!res.ok) throw new Error(`demo configuration for ${account ?? "platform"}: ${await res.text()}`);
    console.log(`[dev] demo portal configuration created for ${account ?? "the platform"}`);
  }
}

seedDemoConfigurations().catch((error) => console.error(`[dev] ${error.message}`));
