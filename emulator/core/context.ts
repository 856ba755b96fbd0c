import type { Params } from "./params";
import type { AccountData, State } from "./store";

/** Everything a handler needs for one request. */
export interface Ctx {
  state: State;
  /** The account the request acts in (Stripe-Account header, or the platform). */
  account: AccountData;
  params: Params;
  /** Milliseconds since the epoch, from the emulator's clock. */
  now(): number;
  /** Seconds since the epoch (Stripe timestamps). */
  ts(): number;
  /** Origin of the hosted pages (Checkout stand-in, hosted invoice, PDF). */
  publicOrigin: string;
}
