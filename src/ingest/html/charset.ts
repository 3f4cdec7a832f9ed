import { constants, gunzipSync } from "node:zlib";
import { TriangulateError } from "../../model/index.js";

/**
 * Pages are capped at this many bytes (after decompression): the largest real news pages are a few
 * megabytes, and anything above is a data dump or an attack that would only cost memory and time.
 */
export const MAX_PAGE_BYTES = 16 * 1024 * 1024;

/** A `<meta charset>` must be in the first 1,024 bytes by the HTML standard; some pages are late, so look further. */
const CHARSET_SNIFF_BYTES = 8192;

/** Share of NUL and other control bytes above which the input is binary data rather than a page. */
const MAX_CONTROL_SHARE = 0.01;

/** A page as text, and the encoding it was read with. */
export interface DecodedPage {
  html: string;
  encoding: string;
  /** How the encoding was found. */
  encodingSource: "bom" | "header" | "meta" | "detected";
  /** The input was gzip-compressed. */
  gzipped: boolean;
  /** The input was longer than {@link MAX_PAGE_BYTES} and was cut. */
  truncated: boolean;
}

/** True when bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decompresses gzip data up to `maxBytes`. Throws `UNREADABLE` for a damaged or truncated stream and for
 * output beyond the cap, naming what was found.
 *
 * @example gunzipCapped(readFileSync("page.html.gz"), MAX_PAGE_BYTES, "page.html.gz")
 */
export function gunzipCapped(bytes: Uint8Array, maxBytes: number, subject: string): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ERR_BUFFER_TOO_LARGE" || cause instanceof RangeError) {
      throw new TriangulateError("UNREADABLE", `expected at most ${maxBytes} bytes once decompressed, found more`, {
        subject,
        cause,
      });
    }
    const truncated = code === "Z_BUF_ERROR" || /unexpected end/i.test((cause as Error).message);
    throw new TriangulateError(
      "UNREADABLE",
      truncated ? "expected a complete gzip stream, found one cut short" : "expected gzip data, found a damaged stream",
      { subject, cause },
    );
  }
}

/** Decompresses what there is of a gzip stream, also when it is cut short; for salvage only. */
export function gunzipPartial(bytes: Uint8Array, maxBytes: number): Buffer {
  return gunzipSync(bytes, { maxOutputLength: maxBytes, finishFlush: constants.Z_SYNC_FLUSH });
}

/**
 * Decodes the bytes of a web page: gzip is undone, then the charset comes from a BOM, the HTTP
 * `Content-Type`, a `<meta charset>` or `http-equiv` declaration, and otherwise UTF-8 when the bytes are
 * valid UTF-8, else Windows-1252. Throws `EMPTY`, `BINARY` or `UNREADABLE`.
 *
 * @example decodePage(readFileSync("page.html"), { subject: "page.html" }).html
 */
export function decodePage(bytes: Uint8Array, options: { contentType?: string; subject?: string } = {}): DecodedPage {
  const subject = options.subject ?? "input";
  let body = bytes;
  let gzipped = false;
  if (isGzip(body)) {
    body = gunzipCapped(body, MAX_PAGE_BYTES, subject);
    gzipped = true;
  }
  let truncated = false;
  if (body.length > MAX_PAGE_BYTES) {
    body = body.subarray(0, MAX_PAGE_BYTES);
    truncated = true;
  }
  if (body.length === 0 || isBlank(body)) {
    throw new TriangulateError("EMPTY", "expected a web page, found an empty file", { subject });
  }
  const bom = bomEncoding(body);
  if (bom) {
    const html = new TextDecoder(bom.encoding).decode(body.subarray(bom.length));
    return { html, encoding: bom.encoding, encodingSource: "bom", gzipped, truncated };
  }
  if (looksBinary(body)) {
    throw new TriangulateError("BINARY", "expected a web page, found binary data (NUL or control bytes)", { subject });
  }
  const fromHeader = charsetOf(options.contentType);
  const fromMeta = fromHeader ? undefined : sniffMetaCharset(body);
  const declared = fromHeader ?? fromMeta;
  const source = fromHeader ? "header" : fromMeta ? "meta" : "detected";
  const encoding = chooseEncoding(declared, body);
  return { html: decodeAs(body, encoding), encoding, encodingSource: source, gzipped, truncated };
}

function isBlank(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return false;
  }
  return true;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return undefined;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65_536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control / n > MAX_CONTROL_SHARE;
}

/** The charset parameter of a Content-Type value. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? "");
  return m?.[1]?.toLowerCase();
}

function sniffMetaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, CHARSET_SNIFF_BYTES)).toString(
    "latin1",
  );
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta?.[1]) return meta[1].toLowerCase();
  const xml = /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return xml?.[1]?.toLowerCase();
}

/** Labels that browsers read as Windows-1252 (the WHATWG Encoding Standard maps them so). */
const WINDOWS_1252_LABELS = new Set([
  "windows-1252",
  "cp1252",
  "iso-8859-1",
  "iso8859-1",
  "latin1",
  "latin-1",
  "l1",
  "us-ascii",
  "ascii",
  "iso-8859-15",
  "x-cp1252",
]);

function chooseEncoding(declared: string | undefined, body: Uint8Array): string {
  const valid = isUtf8(body);
  if (!declared) return valid ? "utf-8" : "windows-1252";
  if (WINDOWS_1252_LABELS.has(declared)) return valid && hasHighBytes(body) ? "utf-8" : "windows-1252";
  // A page that says UTF-8 but is not is almost always Windows-1252 saved by an old editor.
  if (declared === "utf-8" || declared === "utf8") return valid ? "utf-8" : "windows-1252";
  // UTF-16 declared in a page without a BOM is a copy already re-encoded to an ASCII superset.
  if (declared.startsWith("utf-16")) return valid ? "utf-8" : "windows-1252";
  try {
    return new TextDecoder(declared).encoding;
  } catch {
    return valid ? "utf-8" : "windows-1252";
  }
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) >= 0x80) return true;
  return false;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Node's decoder leaves 0x80–0x9F as C1 controls under this label; browsers show curly quotes and dashes. */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function decodeAs(bytes: Uint8Array, encoding: string): string {
  if (encoding === "windows-1252") {
    const latin = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1");
    return latin.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] as string);
  }
  return new TextDecoder(encoding).decode(bytes);
}
