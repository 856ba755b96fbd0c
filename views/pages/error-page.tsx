import { useRequest } from "../context";

/** Shown when something unexpected failed. It never includes the error's message or stack. */
export function ErrorPage() {
  const { t } = useRequest();
  return (
    <section class="card message">
      <h1>{t("errors.server_title")}</h1>
      <p>{t("errors.server_body")}</p>
    </section>
  );
}
