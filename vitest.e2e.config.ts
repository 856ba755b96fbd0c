import { defineConfig } from "vitest/config";

/**
 * The browser suite (`npm run test:e2e`): Node, not workerd. One emulator + `wrangler dev`
 * pair is started by the global setup; files run one after another because every journey
 * shares that pair and the machine has two cores.
 */
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.test.ts"],
    globalSetup: ["test/e2e/support/global-setup.ts"],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // Polls wait for the next page after a click; Playwright's own waits are 10 s too.
    expect: { poll: { timeout: 10_000 } },
  },
});
