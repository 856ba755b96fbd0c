import type { ComponentChildren } from "preact";
import { LanguageMenu } from "./components/language-menu";
import { useRequest } from "./context";

/** What the portal frame shows around every customer page. */
export interface PortalFrameProps {
  /** `:root{…}` with the branding's custom properties (validated), or null. */
  brandCss: string | null;
  logoUrl: string | null;
  headline: string | null;
  /** The "back to the merchant" link; hidden when the session has none. */
  returnUrl: string | null;
  privacyUrl: string | null;
  termsUrl: string | null;
  /** In a deep-link flow: no link into the rest of the portal. */
  inFlow: boolean;
  children: ComponentChildren;
}

/** The merchant's site name for the return link: the host of the return URL. */
function siteName(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Header (logo, headline, return link), the page, footer (privacy and terms links). */
export function PortalFrame(props: PortalFrameProps) {
  const { t, nonce } = useRequest();
  return (
    <div class="portal">
      {props.brandCss ? (
        // Only validated colours and fixed font stacks reach this block (worker/portal/branding.ts);
        // set as raw text because CSS must not be HTML-escaped.
        <style nonce={nonce} dangerouslySetInnerHTML={{ __html: props.brandCss }} />
      ) : null}
      <header class="portal-header">
        {props.returnUrl ? (
          <a class="return-link" href={props.returnUrl}>
            <span aria-hidden="true" class="return-arrow">
              ←
            </span>{" "}
            {t("portal.return_to", { site: siteName(props.returnUrl) })}
          </a>
        ) : null}
        <div class="brand">
          {props.logoUrl ? <img class="brand-logo" src={props.logoUrl} alt="" /> : null}
          {/* Merchant text may be in another script than the page: let the browser pick its direction. */}
          {props.headline ? (
            <p class="brand-headline" dir="auto">
              {props.headline}
            </p>
          ) : null}
        </div>
      </header>
      <div class="portal-body">{props.children}</div>
      <footer class="portal-footer">
        {props.privacyUrl || props.termsUrl ? (
          <ul class="footer-links">
            {props.termsUrl ? (
              <li>
                <a href={props.termsUrl}>{t("portal.terms")}</a>
              </li>
            ) : null}
            {props.privacyUrl ? (
              <li>
                <a href={props.privacyUrl}>{t("portal.privacy")}</a>
              </li>
            ) : null}
          </ul>
        ) : null}
        <LanguageMenu />
      </footer>
    </div>
  );
}
