import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";

/**
 * One WARC/1.0 record as bytes, optionally as its own gzip member (the layout of .warc.gz files, where
 * each record can be decompressed on its own).
 *
 * @example writeWarcRecord("response", httpBytes, { "WARC-Target-URI": "https://example.org/a" }, { gzip: true })
 */
export function writeWarcRecord(
  type: string,
  block: Uint8Array,
  headers: Record<string, string> = {},
  options: { gzip?: boolean; date?: string } = {},
): Buffer {
  const lines = [
    "WARC/1.0",
    `WARC-Type: ${type}`,
    `WARC-Record-ID: <urn:uuid:${randomUUID()}>`,
    `WARC-Date: ${options.date ?? new Date().toISOString().replace(/\.\d+Z$/, "Z")}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    `Content-Length: ${block.length}`,
  ];
  const record = Buffer.concat([
    Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1"),
    block,
    Buffer.from("\r\n\r\n"),
  ]);
  return options.gzip ? gzipSync(record) : record;
}

/** An HTTP/1.1 response as a WARC response record's block. */
export function httpResponse(status: number, headers: Record<string, string>, body: Uint8Array): Buffer {
  const head = [
    `HTTP/1.1 ${status} ${status === 200 ? "OK" : "Status"}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return Buffer.concat([Buffer.from(`${head.join("\r\n")}\r\n\r\n`, "latin1"), body]);
}
