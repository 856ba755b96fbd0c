/**
 * A stand-in for the merchant's own website, where return links and `after_completion`
 * redirects lead. A real local server rather than request interception, because a browser
 * follows a server redirect to another origin outside Playwright's routing.
 */
import { createServer } from "node:http";

/** The heading every page of the stand-in shows. */
export const MERCHANT_HEADING = "Merchant site";

export async function startMerchantSite(): Promise<{ origin: string; stop(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").replace(/[<>&"]/g, "");
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html lang="en"><title>${MERCHANT_HEADING}</title><h1>${MERCHANT_HEADING}</h1><p>${path}</p></html>`,
    );
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}
