/**
 * The forms of a portal page and what a browser would submit for each: hidden and text
 * inputs with their values, checked radios and checkboxes, selected options, textareas.
 * Enough for the portal's own server-rendered markup; not a general HTML parser.
 */

/** One `<form>` of a page. */
export interface PageForm {
  action: string;
  method: "get" | "post";
  fields: Record<string, string>;
  /** Every value each radio group offers, checked or not (to pick one when none is). */
  choices: Record<string, string[]>;
}

const ENTITIES: Record<string, string> = { quot: '"', "#39": "'", lt: "<", gt: ">", amp: "&" };

function decode(text: string): string {
  return text.replace(/&(quot|#39|lt|gt|amp);/g, (_, name: string) => ENTITIES[name] ?? "");
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}(?:="([^"]*)")?[\\s/>]`).exec(tag);
  if (!m) return null;
  return decode(m[1] ?? "");
}

function fieldsOf(body: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [tag] of body.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, "name");
    const type = (attr(tag, "type") ?? "text").toLowerCase();
    if (!name || type === "submit" || type === "button") continue;
    if ((type === "radio" || type === "checkbox") && attr(tag, "checked") === null) continue;
    fields[name] = attr(tag, "value") ?? (type === "checkbox" ? "on" : "");
  }
  for (const m of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = attr(`${m[1]}>`, "name");
    if (name) fields[name] = decode(m[2] ?? "");
  }
  for (const m of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attr(`${m[1]}>`, "name");
    if (!name) continue;
    const options = [...(m[2] ?? "").matchAll(/<option\b[^>]*>/g)].map(([tag]) => tag);
    const chosen = options.find((tag) => attr(tag, "selected") !== null) ?? options[0];
    if (chosen) fields[name] = attr(chosen, "value") ?? "";
  }
  return fields;
}

function choicesOf(body: string): Record<string, string[]> {
  const choices: Record<string, string[]> = {};
  for (const [tag] of body.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, "name");
    if (!name || attr(tag, "type")?.toLowerCase() !== "radio") continue;
    choices[name] = [...(choices[name] ?? []), attr(tag, "value") ?? ""];
  }
  return choices;
}

/** Every form of a page, in document order. */
export function parseForms(html: string): PageForm[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].map((m) => {
    const open = `${m[1] ?? ""}>`;
    return {
      action: attr(open, "action") ?? "",
      method: attr(open, "method")?.toLowerCase() === "post" ? "post" : "get",
      fields: fieldsOf(m[2] ?? ""),
      choices: choicesOf(m[2] ?? ""),
    };
  });
}
