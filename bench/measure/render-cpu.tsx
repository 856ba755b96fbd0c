/**
 * Measurement 3: server CPU per render. The home page with realistic props (see
 * home-props.ts), rendered in-process the way `renderPortalPage` does (layout, portal frame,
 * page, one `render()` call), many times per locale; median and p99 microseconds per render.
 * The figure is CPU time (`process.cpuUsage`, user + system, this process only), so a busy
 * shared machine that preempts the bench does not inflate it; wall time is kept beside it.
 */
import { render } from "preact-render-to-string";
import "../../locales/index";
import { RequestContext } from "../../views/context";
import { Layout } from "../../views/layout";
import { HomePage } from "../../views/pages/home-page";
import { PortalFrame } from "../../views/portal-layout";
import { createTranslator, registeredCatalog } from "../../worker/lib/i18n";
import type { Locale } from "../../worker/lib/locales";
import { brandingCss, logoUrl } from "../../worker/portal/branding";
import type { HomeFixture } from "./home-props";

/** Render time of the home page in one locale. */
export interface RenderResult {
  locale: Locale;
  /** False when the locale has no catalog yet (the text falls back to English). */
  catalog: boolean;
  renders: number;
  /** CPU microseconds per render. */
  medianUs: number;
  p99Us: number;
  /** Wall-clock microseconds per render (includes time the OS gave to other processes). */
  wallMedianUs: number;
  wallP99Us: number;
  /** Size of the rendered document, bytes. */
  htmlBytes: number;
}

/** The locales the bench renders: left-to-right Latin, CJK, right-to-left. */
export const RENDER_LOCALES: readonly Locale[] = ["en", "de", "ja", "ar"];

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

function renderHome(fixture: HomeFixture, locale: Locale): string {
  const t = createTranslator(locale);
  const config = fixture.configuration;
  const title = t("home.title");
  return `<!doctype html>${render(
    <RequestContext.Provider value={{ locale, t, nonce: "bench-nonce" }}>
      <Layout title={title}>
        <PortalFrame
          brandCss={brandingCss(config.branding)}
          logoUrl={logoUrl(config.branding)}
          headline={config.business_profile.headline}
          returnUrl="https://merchant.example/account"
          privacyUrl={config.business_profile.privacy_policy_url}
          termsUrl={config.business_profile.terms_of_service_url}
          inFlow={false}
        >
          <HomePage {...fixture.props} />
        </PortalFrame>
      </Layout>
    </RequestContext.Provider>,
  )}`;
}

/** Renders the home page `renders` times per locale (after a warm-up of a fifth as many). */
export function measureRenderCpu(fixture: HomeFixture, renders: number): RenderResult[] {
  return RENDER_LOCALES.map((locale) => {
    const warmup = Math.max(10, Math.floor(renders / 5));
    let html = "";
    for (let i = 0; i < warmup; i += 1) html = renderHome(fixture, locale);
    const cpu: number[] = [];
    const wall: number[] = [];
    for (let i = 0; i < renders; i += 1) {
      const started = performance.now();
      const before = process.cpuUsage();
      renderHome(fixture, locale);
      const used = process.cpuUsage(before);
      wall.push((performance.now() - started) * 1000);
      cpu.push(used.user + used.system);
    }
    cpu.sort((a, b) => a - b);
    wall.sort((a, b) => a - b);
    return {
      locale,
      catalog: locale === "en" || registeredCatalog(locale) !== undefined,
      renders,
      medianUs: percentile(cpu, 50),
      p99Us: percentile(cpu, 99),
      wallMedianUs: percentile(wall, 50),
      wallP99Us: percentile(wall, 99),
      htmlBytes: Buffer.byteLength(html),
    };
  });
}
