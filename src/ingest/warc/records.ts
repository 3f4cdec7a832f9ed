/**
 * A streaming WARC reader: records come out one at a time as their bytes arrive, so a crawl of any size
 * is read in flat memory. Record blocks larger than the cap are skipped without being held.
 */

/** One WARC record: its type, headers and (when within the cap) its block. */
export interface WarcRecord {
  /** Position among the records of the input, from 1. */
  index: number;
  /** WARC-Type, lower-cased: "response", "request", "warcinfo", "metadata", ... */
  type: string;
  headers: Map<string, string>;
  /** The block: for a response record, the HTTP response as received. Absent when over the cap. */
  block?: Buffer;
  /** Declared Content-Length of the block. */
  length: number;
}

/** A record that could not be read, in one line; reading stops after it only when the stream is broken. */
export interface WarcDamage {
  index: number;
  message: string;
  /** True when nothing after this can be read (a truncated or corrupt stream). */
  fatal: boolean;
}

/** Blocks larger than this are skipped: no news page is near it, and holding it would defeat streaming. */
export const MAX_WARC_BLOCK_BYTES = 32 * 1024 * 1024;
/** A WARC header larger than this is not a header: the input is not WARC or has lost its place. */
const MAX_HEADER_BYTES = 64 * 1024;

const CRLF2 = Buffer.from("\r\n\r\n");

/**
 * Reads WARC records from a stream of (already decompressed) bytes.
 *
 * @example for await (const r of readWarcRecords(createReadStream("crawl.warc"))) console.log(r)
 */
export async function* readWarcRecords(
  chunks: AsyncIterable<Uint8Array>,
  options: { maxBlockBytes?: number } = {},
): AsyncGenerator<WarcRecord | WarcDamage> {
  const maxBlock = options.maxBlockBytes ?? MAX_WARC_BLOCK_BYTES;
  let buffer: Buffer = Buffer.alloc(0);
  let index = 0;
  const iterator = chunks[Symbol.asyncIterator]();
  let ended = false;

  /** The next chunk of the stream, undefined at its end; a broken stream throws. */
  const nextChunk = async (): Promise<Buffer | undefined> => {
    if (ended) return undefined;
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      return undefined;
    }
    return Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
  };
  /** Pulls one more chunk into the buffer; false at the end of the stream. */
  const pull = async (): Promise<boolean> => {
    const chunk = await nextChunk();
    if (!chunk) return false;
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    return true;
  };

  for (;;) {
    // Skip blank lines between records.
    let start = 0;
    for (;;) {
      while (start < buffer.length && (buffer[start] === 0x0d || buffer[start] === 0x0a)) start++;
      if (start < buffer.length) break;
      buffer = Buffer.alloc(0);
      start = 0;
      let more: boolean;
      try {
        more = await pull();
      } catch (err) {
        yield { index: index + 1, message: streamError(err), fatal: true };
        return;
      }
      if (!more) return;
    }
    buffer = buffer.subarray(start);
    index++;

    let headerEnd = buffer.indexOf(CRLF2);
    while (headerEnd < 0) {
      if (buffer.length > MAX_HEADER_BYTES) {
        yield {
          index,
          message: `expected a WARC header, found ${MAX_HEADER_BYTES} bytes without its end`,
          fatal: true,
        };
        return;
      }
      let more: boolean;
      try {
        more = await pull();
      } catch (err) {
        yield { index, message: streamError(err), fatal: true };
        return;
      }
      if (!more) {
        yield { index, message: "truncated: the stream ends inside a record header", fatal: true };
        return;
      }
      headerEnd = buffer.indexOf(CRLF2);
    }
    const headerText = buffer.subarray(0, headerEnd).toString("latin1");
    buffer = buffer.subarray(headerEnd + 4);
    const lines = headerText.split("\r\n");
    if (!/^WARC\/\d/.test(lines[0] ?? "")) {
      yield { index, message: `expected a WARC record, found "${(lines[0] ?? "").slice(0, 40)}"`, fatal: true };
      return;
    }
    const headers = new Map<string, string>();
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(":");
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const length = Number(headers.get("content-length"));
    if (!Number.isInteger(length) || length < 0) {
      yield { index, message: "expected a Content-Length in the WARC header, found none", fatal: true };
      return;
    }
    const type = (headers.get("warc-type") ?? "").toLowerCase();

    if (length > maxBlock) {
      let left = length;
      for (;;) {
        const take = Math.min(left, buffer.length);
        buffer = buffer.subarray(take);
        left -= take;
        if (left === 0) break;
        let more: boolean;
        try {
          more = await pull();
        } catch (err) {
          yield { index, message: streamError(err), fatal: true };
          return;
        }
        if (!more) {
          yield {
            index,
            message: `truncated: the stream ends ${left} bytes before the end of the record`,
            fatal: true,
          };
          return;
        }
      }
      yield { index, message: `record of ${length} bytes skipped (more than ${maxBlock})`, fatal: false };
      continue;
    }

    if (buffer.length < length) {
      // Gather the block's chunks and join them once: joining at every chunk would copy a large block
      // many times over.
      const parts: Buffer[] = [buffer];
      let have = buffer.length;
      while (have < length) {
        let chunk: Buffer | undefined;
        try {
          chunk = await nextChunk();
        } catch (err) {
          yield { index, message: streamError(err), fatal: true };
          return;
        }
        if (!chunk) {
          yield { index, message: `truncated: expected ${length} bytes of record, found ${have}`, fatal: true };
          return;
        }
        parts.push(chunk);
        have += chunk.length;
      }
      buffer = Buffer.concat(parts, have);
    }
    const block = Buffer.from(buffer.subarray(0, length));
    buffer = buffer.subarray(length);
    yield { index, type, headers, block, length };
  }
}

function streamError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/unexpected end/i.test(message)) return "truncated: the gzip stream ends in the middle of a record";
  return `the stream is damaged (${message})`;
}

/** True for a damage report rather than a record. */
export function isDamage(item: WarcRecord | WarcDamage): item is WarcDamage {
  return "fatal" in item;
}
