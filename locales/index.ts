/**
 * Registers every shipped catalog. Importing this module once (the locale middleware does)
 * is all the app needs; adding `locales/<tag>.json` for a supported tag is all a translator
 * needs. esbuild (wrangler) bundles every `locales/*.json` from the import pattern below; the
 * tests' module runner resolves it at run time (Vite cannot pre-bundle an import of its own
 * folder, hence the ignore hint). A tag without a file is skipped here and reported by the
 * catalog tests, and the translator falls back to English for it.
 */
import { registerCatalog } from "../worker/lib/i18n";
import { SUPPORTED_LOCALES } from "../worker/lib/locales";

async function loadCatalog(tag: string): Promise<void> {
  try {
    const module: { default: unknown } = await import(/* @vite-ignore */ `./${tag}.json`);
    registerCatalog(tag, module.default);
  } catch {
    // No catalog for this tag yet.
  }
}

await Promise.all(SUPPORTED_LOCALES.filter((tag) => tag !== "en").map(loadCatalog));
