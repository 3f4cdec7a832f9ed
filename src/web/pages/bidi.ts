/**
 * Characters that change the direction of the text after them (embeddings, overrides, isolates and their
 * ends). In untrusted text they can reverse the words around a value or a link on the page.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** What a direction control is shown as: one UTF-16 unit, like the character it replaces, so offsets hold. */
const SHOWN_AS = "\uFFFD";

/**
 * A copy of a JSON-like value with every direction control in its strings replaced by U+FFFD, each one
 * character for one, so that character offsets into the strings stay valid.
 *
 * @example withoutBidiControls({ t: "a\u202Eb" }) // { t: "a\uFFFDb" }
 */
export function withoutBidiControls<T>(value: T): T {
  if (typeof value === "string") return value.replace(BIDI_CONTROLS, SHOWN_AS) as T;
  if (Array.isArray(value)) return value.map(withoutBidiControls) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = withoutBidiControls(v);
    return out as T;
  }
  return value;
}
