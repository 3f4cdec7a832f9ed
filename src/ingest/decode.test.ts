import { describe, expect, it } from "vitest";
import { TriangulateError } from "../model/index.js";
import { decodeText } from "./decode.js";

const sample = "Mayor Velásquez said “we will rebuild”.\nSecond line.";

function win1252(text: string): Uint8Array {
  const table: Record<string, number> = { "“": 0x93, "”": 0x94, "’": 0x92, é: 0xe9, á: 0xe1, "–": 0x96 };
  return Uint8Array.from([...text].map((c) => table[c] ?? c.charCodeAt(0)));
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof TriangulateError ? err.code : "OTHER";
  }
  return undefined;
}

describe("decodeText", () => {
  it.each([
    ["UTF-8", new TextEncoder().encode(sample), "utf-8"],
    ["UTF-8 with BOM", Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(sample)]), "utf-8"],
    ["UTF-16 LE with BOM", Uint8Array.from([0xff, 0xfe, ...Buffer.from(sample, "utf16le")]), "utf-16le"],
    ["UTF-16 BE with BOM", Uint8Array.from([0xfe, 0xff, ...Buffer.from(sample, "utf16le").swap16()]), "utf-16be"],
    ["Windows-1252", win1252(sample), "windows-1252"],
  ])("reads %s", (_, bytes, encoding) => {
    const got = decodeText(bytes);
    expect(got.encoding).toBe(encoding);
    expect(got.text).toBe(sample);
  });

  it("turns CRLF and CR into LF and composes to NFC", () => {
    const got = decodeText(new TextEncoder().encode("Cafe\u0301 one\r\ntwo\rthree"));
    expect(got.text).toBe("Café one\ntwo\nthree");
  });

  it.each([
    ["a stray NUL", "Harbour closed.\u0000 Ferries wait.", "Harbour closed. Ferries wait."],
    [
      "a clear-screen and a retitle sequence",
      "\u001b]0;retitled\u0007Harbour\u001b[2J closed.\tFerries wait.",
      "Harbour closed.\tFerries wait.",
    ],
    ["C1 controls", "Harbour\u009b2J closed\u0085Ferries wait.", "Harbour closed\nFerries wait."],
  ])("removes %s, keeping tabs and newlines", (_, text, expected) => {
    const rest = "Words of an ordinary article line. ".repeat(20);
    expect(decodeText(new TextEncoder().encode(`${text}\n${rest}`)).text).toBe(`${expected}\n${rest}`);
  });

  it.each([
    ["an empty file", new Uint8Array(), "EMPTY"],
    ["white space only", new TextEncoder().encode(" \n\t\n"), "EMPTY"],
    ["NUL bytes", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]), "BINARY"],
    ["white space and a control character", new TextEncoder().encode(`${" ".repeat(100)}\u0007`), "EMPTY"],
    ["control characters only", new TextEncoder().encode("\u001b[2J\u001b]0;x\u0007\n"), "BINARY"],
    ["control bytes", Uint8Array.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))), "BINARY"],
    ["bytes undefined in any encoding we read", Uint8Array.from([0x41, 0x81, 0x42, 0x9d, 0xff, 0xfe]), "UNDECODABLE"],
  ])("rejects %s", (_, bytes, code) => {
    expect(codeOf(() => decodeText(bytes, "x.txt"))).toBe(code);
  });
});
