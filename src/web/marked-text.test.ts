import fc from "fast-check";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { type MarkSpan, renderMarkedText } from "./marked-text.js";

const span = (start: number, end: number, id: string): MarkSpan => ({ start, end, id, classes: ["mark"] });

const DOCUMENT = new JSDOM("").window.document;

function parse(markup: string): HTMLElement {
  const div = DOCUMENT.createElement("div");
  div.innerHTML = markup;
  return div;
}

/** The words a span covers on the page: its element and, when it was cut, its later pieces. */
function covered(root: HTMLElement, id: string): string {
  const first = root.querySelector(`#${id}`)?.textContent ?? "";
  return first + [...root.querySelectorAll(`[data-frag="${id}"]`)].map((e) => e.textContent).join("");
}

describe("renderMarkedText", () => {
  it("nests spans inside spans", () => {
    const text = "Ships wait off the coast.";
    const out = renderMarkedText(text, [span(0, 25, "s"), span(0, 5, "w")]);
    expect(out.html).toBe(
      '<span id="s" class="mark"><span id="w" class="mark">Ships</span> wait off the coast.</span>',
    );
    expect(out.split).toEqual([]);
  });

  it("cuts a span that crosses another and marks its later piece", () => {
    const text = "one two three four";
    const out = renderMarkedText(text, [span(0, 7, "a"), span(4, 13, "b")]);
    expect(out.split).toEqual(["b"]);
    const root = parse(out.html);
    expect(covered(root, "a")).toBe("one two");
    expect(covered(root, "b")).toBe("two three");
    expect(root.textContent).toBe(text);
  });

  it("escapes the text", () => {
    const text = '<script>x</script> "><img onerror=y>';
    const out = renderMarkedText(text, [span(0, 8, "t")]);
    expect(out.html).not.toContain("<script");
    expect(out.html).not.toContain("<img");
    const root = parse(out.html);
    expect(root.textContent).toBe(text);
    expect(root.querySelectorAll("script, img").length).toBe(0);
  });

  it.each([
    ["an empty span", span(3, 3, "e")],
    ["a reversed span", span(5, 2, "r")],
    ["a span past the end", span(2, 99, "p")],
    ["a negative start", span(-1, 2, "n")],
    ["fractional offsets", span(1.5, 3, "f")],
  ])("leaves out %s", (_, bad) => {
    const out = renderMarkedText("abcdefgh", [bad]);
    expect(out.html).toBe("abcdefgh");
  });

  it("keeps the text and every span's words, whatever the spans", () => {
    const text = "Alpha beta, gamma “delta” epsilon.\nZeta eta theta.";
    const arb = fc.array(
      fc.tuple(fc.nat(text.length), fc.nat(text.length)).filter(([a, b]) => a !== b),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(arb, (pairs) => {
        const spans = pairs.map(([a, b], i) => span(Math.min(a, b), Math.max(a, b), `x${i}`));
        const root = parse(renderMarkedText(text, spans).html);
        expect(root.textContent).toBe(text);
        for (const s of spans) expect(covered(root, s.id)).toBe(text.slice(s.start, s.end));
      }),
    );
  });
});
