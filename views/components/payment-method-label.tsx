import type Stripe from "stripe";
import type { MessageKey, Translator } from "../../worker/lib/i18n";
import { useRequest } from "../context";

/** Types from the seed's supported list, each with its own translated name. */
const NAMED_TYPES = new Set([
  "acss_debit",
  "amazon_pay",
  "au_becs_debit",
  "bacs_debit",
  "boleto",
  "card",
  "cashapp",
  "custom",
  "link",
  "nz_bank_account",
  "paypal",
  "sepa_debit",
  "us_bank_account",
]);
const BRANDS = new Set([
  "amex",
  "cartes_bancaires",
  "diners",
  "discover",
  "eftpos_au",
  "jcb",
  "link",
  "mastercard",
  "unionpay",
  "visa",
]);
const WALLETS = new Set([
  "amex_express_checkout",
  "apple_pay",
  "google_pay",
  "link",
  "masterpass",
  "samsung_pay",
  "visa_checkout",
]);

/** What a payment method looks like to the customer: a name, the last 4 and details. */
export interface PaymentMethodDescription {
  /** Brand, bank or method name, e.g. "Visa", "STRIPE TEST BANK", "PayPal". */
  name: string;
  last4: string | null;
  /** Secondary facts in display order: expiry, wallet, method type, account email. */
  details: string[];
}

/** The translated name of a method type; unknown types get a generic name with the raw type. */
export function paymentMethodTypeName(type: string, t: Translator): string {
  if (NAMED_TYPES.has(type)) return t(`payment_methods.types.${type}` as MessageKey);
  return t("payment_methods.types.generic");
}

/** A bank account: the bank's name first when Stripe knows it, the method type as detail. */
function bankAccount(
  account: { bank_name: string | null; last4: string | null } | undefined,
  typeName: string,
): PaymentMethodDescription {
  const bank = account?.bank_name;
  return { name: bank || typeName, last4: account?.last4 ?? null, details: bank ? [typeName] : [] };
}

/** Describes any payment method, including types the portal has no special wording for. */
export function describePaymentMethod(pm: Stripe.PaymentMethod, t: Translator): PaymentMethodDescription {
  const typeName = paymentMethodTypeName(pm.type, t);
  switch (pm.type) {
    case "card": {
      const card = pm.card;
      const brand = card?.brand ?? "unknown";
      const details: string[] = [];
      if (card?.exp_month && card.exp_year) {
        const month = String(card.exp_month).padStart(2, "0");
        details.push(t("payment_methods.expires", { month, year: card.exp_year }));
      }
      const wallet = card?.wallet?.type;
      if (wallet && WALLETS.has(wallet)) details.push(t(`payment_methods.wallets.${wallet}` as MessageKey));
      const name = BRANDS.has(brand) ? t(`payment_methods.brands.${brand}` as MessageKey) : typeName;
      return { name, last4: card?.last4 ?? null, details };
    }
    case "us_bank_account":
      return bankAccount(pm.us_bank_account, typeName);
    case "acss_debit":
      return bankAccount(pm.acss_debit, typeName);
    case "nz_bank_account":
      return bankAccount(pm.nz_bank_account, typeName);
    case "sepa_debit":
      return { name: typeName, last4: pm.sepa_debit?.last4 ?? null, details: [] };
    case "bacs_debit":
      return { name: typeName, last4: pm.bacs_debit?.last4 ?? null, details: [] };
    case "au_becs_debit":
      return { name: typeName, last4: pm.au_becs_debit?.last4 ?? null, details: [] };
    case "link":
      return { name: typeName, last4: null, details: pm.link?.email ? [pm.link.email] : [] };
    case "paypal":
      return { name: typeName, last4: null, details: pm.paypal?.payer_email ? [pm.paypal.payer_email] : [] };
    case "cashapp":
      return { name: typeName, last4: null, details: pm.cashapp?.cashtag ? [pm.cashapp.cashtag] : [] };
    case "boleto": {
      // The CPF/CNPJ is personal data: only its last 4 digits are shown.
      const digits = (pm.boleto?.tax_id ?? "").replace(/\D/g, "");
      return { name: typeName, last4: digits.length >= 4 ? digits.slice(-4) : null, details: [] };
    }
    case "custom":
      return { name: pm.custom?.display_name || typeName, last4: null, details: [] };
    default:
      return { name: typeName, last4: null, details: NAMED_TYPES.has(pm.type) ? [] : [pm.type] };
  }
}

/** One line of text for a method, e.g. "Visa ending in 4242" (used in confirmations). */
export function paymentMethodSummary(pm: Stripe.PaymentMethod, t: Translator): string {
  const d = describePaymentMethod(pm, t);
  return d.last4 ? t("payment_methods.ending_in", { name: d.name, last4: d.last4 }) : d.name;
}

/** A payment method as the customer recognises it: name, last 4, then the details. */
export function PaymentMethodLabel(props: { paymentMethod: Stripe.PaymentMethod }) {
  const { t } = useRequest();
  const d = describePaymentMethod(props.paymentMethod, t);
  return (
    <span class="pm-label">
      <span class="pm-name">
        {d.last4 ? t("payment_methods.ending_in", { name: d.name, last4: d.last4 }) : d.name}
      </span>
      {d.details.length > 0 ? <span class="pm-details">{d.details.join(" · ")}</span> : null}
    </span>
  );
}
