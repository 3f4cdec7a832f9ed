/**
 * Characters that change the direction of the text after them (embeddings, overrides, isolates and their
 * ends). In untrusted text they can reverse the words around a value or a link on the page.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** What a direction control is shown as: one UTF-16 unit, like the character it replaces, so offsets hold. */
const SHOWN_AS = "\uFFFD";

/** Tests for a direction control without replacing (no `g` flag: `test` keeps no position). */
const HAS_BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * A JSON-like value with every direction control in its strings replaced by U+FFFD, each one character for
 * one, so that character offsets into the strings stay valid: a copy when it has any, else the value itself
 * (most reports have none, and copying one cost a fifteenth of rendering its page).
 *
 * @example withoutBidiControls({ t: "a\u202Eb" }) // { t: "a\uFFFDb" }
 */
export function withoutBidiControls<T>(value: T): T {
  return hasBidiControls(value) ? replaced(value) : value;
}

function hasBidiControls(value: unknown): boolean {
  if (typeof value === "string") return HAS_BIDI_CONTROL.test(value);
  if (Array.isArray(value)) return value.some(hasBidiControls);
  if (value !== null && typeof value === "object") {
    for (const k in value) if (hasBidiControls((value as Record<string, unknown>)[k])) return true;
  }
  return false;
}

function replaced<T>(value: T): T {
  if (typeof value === "string") return value.replace(BIDI_CONTROLS, SHOWN_AS) as T;
  if (Array.isArray(value)) return value.map(replaced) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = replaced(v);
    return out as T;
  }
  return value;
}
