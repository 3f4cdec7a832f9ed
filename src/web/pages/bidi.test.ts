import { describe, expect, it } from "vitest";
import { withoutBidiControls } from "./bidi.js";

describe("withoutBidiControls", () => {
  it.each([
    ["an override", "a\u202Eb", "a\uFFFDb"],
    ["an embedding and its end", "\u202Bx\u202C", "\uFFFDx\uFFFD"],
    ["an isolate", "x\u2067y\u2069", "x\uFFFDy\uFFFD"],
  ])("replaces %s one character for one, deep inside a value, and leaves the value as it was", (_, text, shown) => {
    const value = { a: [{ t: text, n: 3 }], b: null, c: "plain" };
    const out = withoutBidiControls(value);
    expect(out).toEqual({ a: [{ t: shown, n: 3 }], b: null, c: "plain" });
    expect(out.a[0]?.t.length).toBe(text.length);
    expect(value.a[0]?.t).toBe(text);
  });

  it("hands back the very value when it has no direction control", () => {
    const value = { a: [{ t: "left to right \u05D0 \u200F marks stay", n: 3 }], b: null };
    expect(withoutBidiControls(value)).toBe(value);
    expect(withoutBidiControls("plain")).toBe("plain");
  });
});
