/**
 * The passcode email, built in the customer's language. Plain text plus a small HTML part;
 * nothing in it links anywhere, so a forwarded or phished copy carries no sign-in link.
 */
import type { Translator } from "../../lib/i18n";
import type { Locale } from "../../lib/locales";
import { CHALLENGE_TTL_MS } from "../challenge-store";

/** One message for the mail transport. */
export interface LoginEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The language the message is written in (also useful to the merchant's mailer). */
  locale: Locale;
  /** The passcode itself, for mailers that render their own template. */
  passcode: string;
  /** Unix seconds after which the passcode no longer works. */
  expiresAt: number;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Builds the message for `to` carrying `passcode`, valid until `now` + the challenge TTL. */
export function buildLoginEmail(
  t: Translator,
  locale: Locale,
  fields: { to: string; passcode: string; business: string; now: number },
): LoginEmail {
  const minutes = Math.round(CHALLENGE_TTL_MS / 60_000);
  const subject = t("login.email.subject", { code: fields.passcode });
  const intro = t("login.email.intro", { business: fields.business });
  const expiry = t("login.email.expiry", { count: minutes });
  const ignore = t("login.email.ignore");
  const text = `${intro}\n\n${fields.passcode}\n\n${expiry}\n\n${ignore}\n`;
  const html = [
    `<!doctype html><html lang="${escapeHtml(locale)}"><body style="font-family:sans-serif;line-height:1.5">`,
    `<p>${escapeHtml(intro)}</p>`,
    `<p style="font-size:28px;letter-spacing:4px;font-weight:bold">${escapeHtml(fields.passcode)}</p>`,
    `<p>${escapeHtml(expiry)}</p>`,
    `<p style="color:#555">${escapeHtml(ignore)}</p>`,
    "</body></html>",
  ].join("");
  return {
    to: fields.to,
    subject,
    text,
    html,
    locale,
    passcode: fields.passcode,
    expiresAt: Math.floor((fields.now + CHALLENGE_TTL_MS) / 1000),
  };
}
