import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        // Tests never reach the network: Stripe is the in-process emulator.
        bindings: {
          PORTAL_ENV: "test",
          STRIPE_API_BASE: "http://127.0.0.1:12111",
          STRIPE_SECRET_KEY: "sk_test_emulator",
          PORTAL_API_KEYS: "sk_test_portal_dev",
        },
      },
    }),
  ],
  test: {
    include: [
      "test/unit/**/*.test.{ts,tsx}",
      "test/integration/**/*.test.{ts,tsx}",
      "test/security/**/*.test.{ts,tsx}",
    ],
    testTimeout: 20_000,
  },
});
