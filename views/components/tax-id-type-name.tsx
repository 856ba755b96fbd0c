import { isTaxIdType } from "../../worker/billing/tax-id-types";
import type { MessageKey, Translator } from "../../worker/lib/i18n";
import { useRequest } from "../context";

/** The translated name of a tax ID type; `unknown` and future types get a generic name. */
export function taxIdTypeName(type: string, t: Translator): string {
  return isTaxIdType(type) ? t(`tax_ids.types.${type}` as MessageKey) : t("tax_ids.types.unknown");
}

/** Renders {@link taxIdTypeName}. */
export function TaxIdTypeName(props: { type: string }) {
  const { t } = useRequest();
  return <>{taxIdTypeName(props.type, t)}</>;
}
