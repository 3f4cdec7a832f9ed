const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for HTML element content and for double- or single-quoted attribute values: the one
 * escape every untrusted string of the report passes through.
 *
 * @example escapeHtml('"><img onerror=x>') // "&quot;&gt;&lt;img onerror=x&gt;"
 */
export function escapeHtml(value: string): string {
  // Most strings have nothing to escape: testing first spares the replace its copy and its calls.
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ENTITIES[c] ?? c) : value;
}

const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

/** Markup that is already safe: built by {@link html} or from the renderer's own constants. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated into {@link html}: strings and numbers are escaped, SafeHtml is kept, nothing else shows. */
export type HtmlPart = string | number | SafeHtml | undefined | null | false | readonly HtmlPart[];

function part(value: HtmlPart): string {
  if (value === undefined || value === null || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(part).join("");
  return escapeHtml(String(value));
}

/**
 * A template tag that escapes every interpolated value unless it is already {@link SafeHtml}, so report
 * data cannot reach the page unescaped by accident.
 *
 * @example html`<p title="${title}">${text}</p>`
 */
export function html(strings: TemplateStringsArray, ...values: HtmlPart[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += part(values[i]) + (strings[i + 1] ?? "");
  return new SafeHtml(out);
}

/** Marks the renderer's own markup (never report data) as safe. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
