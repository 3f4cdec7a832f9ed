import { escapeHtml } from "./escape.js";

/** A span of text to wrap in an element: the anchor id and the classes that style it. */
export interface MarkSpan {
  start: number;
  end: number;
  /** An id made by the renderer (letters, digits, hyphens), never report data. */
  id: string;
  classes: readonly string[];
}

/** Escaped text with its spans as nested elements. */
export interface MarkedText {
  html: string;
  /** Spans that cross another span and so were drawn in several pieces: the first carries the id, the rest `data-frag`. */
  split: string[];
}

/**
 * Escapes `text` and wraps each span in a `<span>` with its id, so that `#id` links land on the words.
 * Spans that cross each other cannot nest, so the inner one is closed and reopened around the boundary;
 * its later pieces carry `data-frag="id"` for the stylesheet to highlight them with the first one.
 * Spans outside the text or empty are left out.
 *
 * @example renderMarkedText("a b c", [{ start: 2, end: 3, id: "s1", classes: ["k"] }]).html
 *   // 'a <span id="s1" class="k">b</span> c'
 */
export function renderMarkedText(text: string, spans: readonly MarkSpan[]): MarkedText {
  const valid = spans
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end)
    .filter((s) => s.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const points = [...new Set([0, text.length, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const stack: MarkSpan[] = [];
  const split = new Set<string>();
  let out = "";
  let next = 0;
  for (let k = 0; k < points.length; k++) {
    const p = points[k] ?? 0;
    if (stack.some((s) => s.end === p)) {
      const reopen: MarkSpan[] = [];
      while (stack.some((s) => s.end === p)) {
        const top = stack.pop();
        out += "</span>";
        if (top && top.end !== p) reopen.push(top);
      }
      for (const s of reopen.reverse()) {
        stack.push(s);
        split.add(s.id);
        out += `<span class="${escapeHtml([...s.classes, "frag"].join(" "))}" data-frag="${escapeHtml(s.id)}">`;
      }
    }
    for (let s = valid[next]; s && s.start === p; s = valid[++next]) {
      stack.push(s);
      out += `<span id="${escapeHtml(s.id)}" class="${escapeHtml(s.classes.join(" "))}">`;
    }
    const q = points[k + 1];
    if (q !== undefined) out += escapeHtml(text.slice(p, q));
  }
  return { html: out, split: [...split] };
}
