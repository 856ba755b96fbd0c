/**
 * The emulator as a local HTTP server for `npm run dev`, the e2e suite and the benchmarks:
 * `tsx emulator/server.ts [--port 12111] [--host 127.0.0.1] [--public-origin URL] [--no-seed]`.
 * The only file of the emulator that runs on Node rather than any web-standard runtime.
 */
import { serve } from "@hono/node-server";
import { createEmulator } from "./index";

// The root tsconfig checks this folder with Workers types only; these are the few Node
// globals this file uses.
declare const process: {
  argv: string[];
  env: Record<string, string | undefined>;
  on(signal: "SIGINT" | "SIGTERM", listener: () => void): void;
  exit(code?: number): never;
};

const args = process.argv.slice(2);

function option(name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

const port = Number(option("--port") ?? process.env.EMULATOR_PORT ?? 12111);
const host = option("--host") ?? "127.0.0.1";
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`invalid --port: ${option("--port")}`);
  process.exit(2);
}
const publicOrigin = option("--public-origin") ?? `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;
const emulator = createEmulator({ publicOrigin, seed: !args.includes("--no-seed") });

const server = serve({ fetch: (request: Request) => emulator.fetch(request), port, hostname: host }, () => {
  console.log(`Stripe emulator listening on ${publicOrigin} (health: ${publicOrigin}/_emulator/health)`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
