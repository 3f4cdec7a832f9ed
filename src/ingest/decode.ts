import { TriangulateError } from "../model/index.js";
import { stripControls } from "./controls.js";

/**
 * Share of control characters (NUL among them) above which bytes are taken for a binary file rather than
 * text: binary formats are full of them, while a text file carries at most a stray one, which is removed.
 */
const MAX_CONTROL_SHARE = 0.02;

/** Bytes Windows-1252 leaves undefined; text that needs them is in no encoding we read. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/**
 * Decodes a text file: UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252 when the bytes are not
 * UTF-8. Line ends become LF, the text NFC, and control characters other than newline and tab are removed.
 * Throws `EMPTY`, `BINARY` or `UNDECODABLE`.
 *
 * @example decodeText(readFileSync("article.txt")).text
 */
export function decodeText(bytes: Uint8Array, subject = "input"): { text: string; encoding: Encoding } {
  if (bytes.length === 0) throw new TriangulateError("EMPTY", "expected text, found an empty file", { subject });
  let encoding: Encoding;
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = "utf-8";
    body = bytes.subarray(3);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = "utf-16le";
    body = bytes.subarray(2);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = "utf-16be";
    body = bytes.subarray(2);
  } else {
    if (looksBinary(bytes)) {
      throw new TriangulateError("BINARY", "expected text, found binary data (NUL or control bytes)", { subject });
    }
    encoding = isUtf8(bytes) ? "utf-8" : "windows-1252";
    if (encoding === "windows-1252" && bytes.some((b) => UNDEFINED_IN_1252.has(b))) {
      throw new TriangulateError(
        "UNDECODABLE",
        "expected UTF-8, UTF-16 or Windows-1252 text, found undecodable bytes",
        {
          subject,
        },
      );
    }
  }
  let text: string;
  try {
    text =
      encoding === "windows-1252" ? decodeWindows1252(body) : new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch (cause) {
    throw new TriangulateError("UNDECODABLE", `expected ${encoding} text, found bytes that are not`, {
      subject,
      cause,
    });
  }
  text = text.replace(/\r\n?/g, "\n").normalize("NFC");
  if (text.trim().length === 0)
    throw new TriangulateError("EMPTY", "expected text, found only white space", { subject });
  if (looksBinary(text)) throw new TriangulateError("BINARY", "expected text, found binary data", { subject });
  text = stripControls(text);
  if (text.trim().length === 0) {
    throw new TriangulateError("EMPTY", "expected text, found only white space and control characters", { subject });
  }
  return { text, encoding };
}

/**
 * Windows-1252 by hand: Node's TextDecoder reads this label as ISO-8859-1 and turns curly quotes into C1
 * control characters.
 */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function looksBinary(data: Uint8Array | string): boolean {
  let control = 0;
  const n = Math.min(data.length, 65_536);
  for (let i = 0; i < n; i++) {
    const c = typeof data === "string" ? data.charCodeAt(i) : (data[i] as number);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
  }
  return n > 0 && control / n > MAX_CONTROL_SHARE;
}
