/** Plain-text tables for the terminal: text left-aligned, numeric columns right-aligned. */

/** A cell; null shows as "-". */
export type Cell = string | number | null;

const show = (cell: Cell) => (cell === null ? "-" : String(cell));
const NUMERIC = /^(-|[-+]?\d[\d.]*( ?%|x)?)$/;

/** Renders a header row and rows as aligned columns, two spaces apart. */
export function table(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => show(r[i] ?? null).length)));
  const numeric = headers.map(
    (_, i) => rows.length > 0 && rows.every((r) => NUMERIC.test(show(r[i] ?? null))),
  );
  const line = (cells: readonly Cell[]) =>
    cells
      .map((cell, i) => {
        const text = show(cell);
        const width = widths[i] ?? text.length;
        return numeric[i] ? text.padStart(width) : text.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** A number with `digits` decimals, as text (null when there is no number). */
export function fixed(value: number | null | undefined, digits = 0): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return value.toFixed(digits);
}

/** Bytes as KiB with one decimal. */
export function kib(bytes: number | null | undefined): string | null {
  return bytes === null || bytes === undefined ? null : fixed(bytes / 1024, 1);
}
