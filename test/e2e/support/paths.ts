/** Where the e2e run finds the repository and leaves what a person looks at afterwards. */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
/** One folder per journey, one PNG per page state and width. */
export const SHOT_DIR = resolve(REPO_ROOT, "test-results/e2e-screenshots");
/** The emulator's and wrangler's output of the latest run. */
export const LOG_DIR = resolve(REPO_ROOT, "test-results/e2e-logs");
/** Debian's Chromium; Playwright's own browser download does not work on these machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
