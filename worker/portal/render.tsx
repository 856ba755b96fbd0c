/**
 * Renders a customer page inside the portal frame: branding, header with logo and headline,
 * the return link, footer links. Navigation to other sections is hidden while a deep-link flow
 * is in progress.
 */
import type { Context } from "hono";
import type { VNode } from "preact";
import type { PageProps } from "../../views/layout";
import { PortalFrame, type PortalFrameProps } from "../../views/portal-layout";
import type { AppEnv } from "../env";
import { renderPage } from "../lib/render-page";
import { brandingCss, logoUrl } from "./branding";

/** True while the session is in a deep-link flow (completing to the home page ends it). */
export function inFlow(c: Context<AppEnv>): boolean {
  return c.var.session.record.flow !== null;
}

/** The frame's props for this session and configuration. */
export function frameProps(c: Context<AppEnv>): Omit<PortalFrameProps, "children"> {
  const config = c.var.configuration;
  return {
    brandCss: brandingCss(config.branding),
    logoUrl: logoUrl(config.branding),
    headline: config.business_profile.headline,
    returnUrl: c.var.session.record.returnUrl,
    privacyUrl: config.business_profile.privacy_policy_url,
    termsUrl: config.business_profile.terms_of_service_url,
    inFlow: inFlow(c),
  };
}

/** `renderPage` for customer pages: the same, inside the branded portal frame. */
export function renderPortalPage(c: Context<AppEnv>, page: VNode, props: PageProps): Response {
  return renderPage(c, <PortalFrame {...frameProps(c)}>{page}</PortalFrame>, props);
}
