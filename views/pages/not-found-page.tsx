import { useRequest } from "../context";

/** Shown for any unknown path and for objects that are not the customer's. */
export function NotFoundPage() {
  const { t } = useRequest();
  return (
    <section class="card message">
      <h1>{t("errors.not_found_title")}</h1>
      <p>{t("errors.not_found_body")}</p>
    </section>
  );
}
