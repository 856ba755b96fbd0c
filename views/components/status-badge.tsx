import type Stripe from "stripe";
import type { MessageKey } from "../../worker/lib/i18n";
import { useRequest } from "../context";

const STATUS_KEYS: Record<string, MessageKey> = {
  active: "status.active",
  trialing: "status.trialing",
  past_due: "status.past_due",
  unpaid: "status.unpaid",
  incomplete: "status.incomplete",
  incomplete_expired: "status.incomplete_expired",
  paused: "status.paused",
  canceled: "status.canceled",
};

const TONE: Record<string, string> = {
  active: "ok",
  trialing: "info",
  past_due: "warn",
  unpaid: "warn",
  incomplete: "warn",
  paused: "neutral",
  canceling: "neutral",
};

/** The subscription's status as a badge; a paused or cancel-scheduled one says so. */
export function StatusBadge(props: { subscription: Stripe.Subscription; canceling: boolean }) {
  const { t } = useRequest();
  const sub = props.subscription;
  let kind: string = sub.status;
  if (sub.pause_collection) kind = "paused";
  else if (props.canceling && (sub.status === "active" || sub.status === "trialing")) kind = "canceling";
  const label = kind === "canceling" ? t("status.canceling") : t(STATUS_KEYS[kind] ?? "status.active");
  return <span class={`badge badge-${TONE[kind] ?? "neutral"}`}>{label}</span>;
}
