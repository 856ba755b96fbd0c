import type { Context } from "hono";
import type { VNode } from "preact";
import { render } from "preact-render-to-string";
import { RequestContext, type RequestContextValue } from "../../views/context";
import { Layout, type PageProps } from "../../views/layout";
import type { AppEnv } from "../env";

/**
 * Renders a page inside the layout as a full HTML document. Pages are synchronous pure
 * functions of their props, so one `render()` call is the whole cost.
 */
export function renderPage(c: Context<AppEnv>, page: VNode, props: PageProps): Response {
  const context: RequestContextValue = { locale: c.var.locale, t: c.var.t, nonce: c.var.nonce };
  const html = render(
    <RequestContext.Provider value={context}>
      <Layout {...props}>{page}</Layout>
    </RequestContext.Provider>,
  );
  return c.html(`<!doctype html>${html}`, props.status ?? 200);
}
