import type Stripe from "stripe";
import type { RemoveRefusal } from "../../billing/payment-method-rules";

/** What the payment methods section shows; `loadPaymentMethods` returns it. */
export interface PaymentMethodsData {
  /** Every saved method of the customer, any type, the default first. */
  methods: Stripe.PaymentMethod[];
  /** `invoice_settings.default_payment_method` of the customer, when set. */
  defaultPaymentMethodId: string | null;
  /** Why the last remaining method cannot be removed; null when removal is allowed. */
  removeRefusal: RemoveRefusal | null;
  /** Subscriptions (of this session) that charge a method of their own instead of the default. */
  overrideCount: number;
}
