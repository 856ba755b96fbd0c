#!/usr/bin/env node
/**
 * What each translated catalog still lacks, for translators.
 *
 *   npm run check:catalogs                 one summary line per locale
 *   npm run check:catalogs -- de ru        every problem in de.json and ru.json
 *   npm run check:catalogs -- --all        every problem in every catalog
 *
 * Exits 1 while any checked catalog is incomplete. Uses the very rules of
 * test/unit/i18n/catalogs.test.ts (Node 24 runs the .ts files by stripping their types).
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

// Imported after this check, so an old Node says what to do instead of failing on ".ts".
if (Number(process.versions.node.split(".")[0]) < 23) {
  console.error("check-catalogs needs Node 24 (the project's): run it as `npm run check:catalogs`.");
  process.exit(2);
}
const { checkCatalog } = await import("../test/unit/i18n/catalog-rules.ts");
const { sameAsEnglishAllowed } = await import("../test/unit/i18n/same-as-english.ts");
const { SUPPORTED_LOCALES, intlLocale } = await import("../worker/lib/locales.ts");

const localesDir = fileURLToPath(new URL("../locales/", import.meta.url));
const args = process.argv.slice(2);
const all = args.includes("--all");
const asked = args.filter((a) => !a.startsWith("--"));
const unknown = asked.filter((tag) => !SUPPORTED_LOCALES.includes(tag));
if (unknown.length > 0) {
  console.error(`Not supported locales: ${unknown.join(", ")}. Supported: ${SUPPORTED_LOCALES.join(" ")}`);
  process.exit(2);
}
const tags = asked.length > 0 ? asked : SUPPORTED_LOCALES.filter((tag) => tag !== "en");
const detailed = all || asked.length > 0;

const english = JSON.parse(await readFile(`${localesDir}en.json`, "utf8"));

/** Reads a catalog; a missing or broken file is reported, not thrown. */
async function readCatalog(tag) {
  let text;
  try {
    text = await readFile(`${localesDir}${tag}.json`, "utf8");
  } catch {
    return { error: "file missing: copy en.json and translate every value" };
  }
  try {
    return { catalog: JSON.parse(text) };
  } catch (error) {
    return { error: `not valid JSON: ${error.message}` };
  }
}

let incomplete = 0;
for (const tag of tags) {
  const { catalog, error } = await readCatalog(tag);
  if (error) {
    incomplete++;
    console.log(`${tag}: ${error}`);
    continue;
  }
  const report = checkCatalog(english, catalog, {
    pluralCategories: new Intl.PluralRules(intlLocale(tag)).resolvedOptions().pluralCategories,
    mustDifferFromEnglish: !tag.startsWith("en-"),
    sameAsEnglishAllowed: (key, value) => sameAsEnglishAllowed(tag, key, value),
  });
  const counts = Object.entries(report).filter(([, lines]) => lines.length > 0);
  if (counts.length === 0) {
    console.log(`${tag}: complete`);
    continue;
  }
  incomplete++;
  console.log(`${tag}: ${counts.map(([kind, lines]) => `${lines.length} ${kind}`).join(", ")}`);
  if (!detailed) continue;
  for (const [kind, lines] of counts) {
    console.log(`  ${kind}:`);
    for (const line of lines) console.log(`    - ${line}`);
  }
}
console.log(`\n${tags.length - incomplete} of ${tags.length} catalogs complete.`);
process.exit(incomplete > 0 ? 1 : 0);
