import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Translator } from "../worker/lib/i18n";
import type { Locale } from "../worker/lib/locales";

/** What every view may read besides its props: never data, only request-wide settings. */
export interface RequestContextValue {
  locale: Locale;
  t: Translator;
  nonce: string;
}

export const RequestContext = createContext<RequestContextValue | null>(null);

/** The request context; throws when a view renders outside the renderer. */
export function useRequest(): RequestContextValue {
  const value = useContext(RequestContext);
  if (!value) throw new Error("views must render inside RequestContext");
  return value;
}
