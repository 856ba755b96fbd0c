/**
 * Runs once per `npm run test:e2e`: checks for Chromium, starts the emulator + portal pair,
 * creates the demo portal configurations, and hands the origins to the test files.
 */
import { existsSync, rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { demoConfigurations } from "../../../worker/api/demo-configuration";
import { startMerchantSite } from "./merchant-site";
import { CHROMIUM_PATH, SHOT_DIR } from "./paths";
import { startServers } from "./servers";

declare module "vitest" {
  export interface ProvidedContext {
    portalOrigin: string;
    emulatorOrigin: string;
    persistDir: string;
    merchantOrigin: string;
  }
}

/**
 * Creates the demo configurations through the merchant API, exactly as `npm run dev` does
 * (same module, same JSON bodies), so the journeys see the portal a developer sees.
 */
async function seedDemoConfigurations(portalOrigin: string): Promise<void> {
  for (const { account, params } of demoConfigurations()) {
    const headers: Record<string, string> = {
      Authorization: "Bearer sk_test_portal_dev",
      "Content-Type": "application/json",
    };
    if (account) headers["Stripe-Account"] = account;
    const res = await fetch(`${portalOrigin}/v1/billing_portal/configurations`, {
      method: "POST",
      headers,
      body: JSON.stringify(params),
    });
    if (!res.ok) throw new Error(`demo configuration for ${account ?? "the platform"}: ${await res.text()}`);
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}. The browser suite uses Debian's Chromium: ` +
        "install the Debian package `chromium` (apt-get install -y chromium), or set CHROMIUM_PATH.",
    );
  }
  rmSync(SHOT_DIR, { recursive: true, force: true });
  const servers = await startServers();
  try {
    await seedDemoConfigurations(servers.portalOrigin);
  } catch (error) {
    await servers.stop();
    throw error;
  }
  project.provide("portalOrigin", servers.portalOrigin);
  project.provide("emulatorOrigin", servers.emulatorOrigin);
  project.provide("persistDir", servers.persistDir);
  const merchant = await startMerchantSite();
  project.provide("merchantOrigin", merchant.origin);

  return async () => {
    await Promise.all([servers.stop(), merchant.stop()]);
    console.log(`\nScreenshots of every page state: ${SHOT_DIR}\n`);
  };
}
