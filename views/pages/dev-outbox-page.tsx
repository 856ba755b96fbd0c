import type { OutboxMessage } from "../../worker/login/mail/dev-outbox";
import { useRequest } from "../context";

/** Development only: the passcode emails the login page would have sent, newest first. */
export function DevOutboxPage(props: { messages: OutboxMessage[] }) {
  const { t, locale } = useRequest();
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium" });
  return (
    <section class="dev-landing">
      <h1>{t("dev.outbox_title")}</h1>
      <p>{t("dev.outbox_intro")}</p>
      {props.messages.length === 0 ? <p>{t("dev.outbox_empty")}</p> : null}
      {props.messages.map((m) => (
        <article class="card outbox-message" key={`${m.sentAt}-${m.to}`}>
          <h2 dir="auto">{m.subject}</h2>
          <p>
            {t("dev.outbox_to")}: <strong>{m.to}</strong> · {time.format(new Date(m.sentAt))}
          </p>
          <pre dir="auto">{m.text}</pre>
        </article>
      ))}
      <p>
        <a class="button" href="/">
          {t("dev.back")}
        </a>
      </p>
    </section>
  );
}
