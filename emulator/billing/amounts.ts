import type { AccountData } from "../core/store";
import type { WPrice } from "../core/wire";
import { priceTiers } from "../resources/catalog";

/** The amount of `quantity` units of a price for one period (tiers included). */
export function priceAmount(account: AccountData, price: WPrice, quantity: number): number {
  if (price.billing_scheme !== "tiered") return (price.unit_amount ?? 0) * quantity;
  const tiers = priceTiers(account, price.id) ?? [];
  if (price.tiers_mode === "volume") {
    const tier = tiers.find((t) => t.up_to === null || quantity <= t.up_to) ?? tiers[tiers.length - 1];
    return tier ? (tier.unit_amount ?? 0) * quantity + (tier.flat_amount ?? 0) : 0;
  }
  let total = 0;
  let previous = 0;
  for (const tier of tiers) {
    if (quantity <= previous) break;
    const upTo = tier.up_to ?? Number.POSITIVE_INFINITY;
    const units = Math.min(quantity, upTo) - previous;
    total += units * (tier.unit_amount ?? 0) + (tier.flat_amount ?? 0);
    previous = upTo;
  }
  return total;
}

/** Whether a price is billed in arrears by usage (never prorated, never charged up front). */
export function isMetered(price: WPrice): boolean {
  return price.recurring?.usage_type === "metered";
}

/** "$9.00 / month" style text for descriptions. */
export function priceText(price: WPrice): string {
  const amount = ((price.unit_amount ?? 0) / 100).toFixed(2);
  const symbol =
    price.currency === "usd" ? "$" : price.currency === "eur" ? "€" : `${price.currency.toUpperCase()} `;
  const interval = price.recurring
    ? price.recurring.interval_count > 1
      ? ` / every ${price.recurring.interval_count} ${price.recurring.interval}s`
      : ` / ${price.recurring.interval}`
    : "";
  return `${symbol}${amount}${interval}`;
}
