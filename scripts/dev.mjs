#!/usr/bin/env node
// `npm run dev`: the Stripe emulator on 127.0.0.1:12111 and the portal (wrangler dev) on
// 127.0.0.1:8787. Extra arguments after `--` go to wrangler, so `npm run dev -- --port 9000`
// moves the portal. Ctrl-C stops both.
import { spawn } from "node:child_process";

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

start("portal", "wrangler", [
  "dev",
  "--ip",
  "127.0.0.1",
  "--port",
  portalPort,
  "--var",
  "PORTAL_ENV:development",
  "--var",
  `STRIPE_API_BASE:${emulatorOrigin}`,
  "--var",
  "STRIPE_SECRET_KEY:sk_test_emulator",
  "--var",
  "PORTAL_API_KEYS:sk_test_portal_dev",
  "--show-interactive-dev-session=false",
  ...passThrough,
]);
console.log(`[dev] portal at http://127.0.0.1:${portalPort}`);
