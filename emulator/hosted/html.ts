/** Escapes text for HTML content and attribute values. */
export function esc(value: unknown): string {
  return String(value ?? "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** A minimal standalone page (the hosted pages need no script). */
export function page(title: string, body: string, status = 200): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1f2937}
.badge{display:inline-block;padding:.1rem .5rem;border-radius:1rem;background:#e5e7eb;font-size:.85rem}
table{width:100%;border-collapse:collapse}td,th{padding:.4rem;border-bottom:1px solid #e5e7eb;text-align:left}
td.num,th.num{text-align:right}fieldset{border:1px solid #d1d5db;border-radius:.5rem;margin:1rem 0}
button{padding:.6rem 1.2rem;border:0;border-radius:.4rem;background:#4f46e5;color:#fff;font-size:1rem}
.note{color:#6b7280;font-size:.9rem}
</style></head><body>
<p class="note">Stripe emulator — a local stand-in for a Stripe-hosted page</p>
${body}
</body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8" } });
}

/** Formats minor units for display (2-decimal currencies; zero-decimal ones as integers). */
export function money(amount: number, currency: string): string {
  const zeroDecimal = ["jpy", "krw", "vnd", "clp", "isk", "ugx", "xaf", "xof"].includes(
    currency.toLowerCase(),
  );
  const value = zeroDecimal ? amount : amount / 100;
  return `${value.toFixed(zeroDecimal ? 0 : 2)} ${currency.toUpperCase()}`;
}
