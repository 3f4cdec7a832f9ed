import { TriangulateError } from "../../model/index.js";
import { MAX_PAGE_BYTES } from "../html/charset.js";

/** A page has this long to arrive, headers and body together: news sites answer in a second or two. */
export const FETCH_TIMEOUT_MS = 15_000;
/** Sent with every request so that sites can tell what is asking. */
export const USER_AGENT = "Triangulate/0.1 (news comparison; reads one page per request)";

/** Options for {@link fetchPage}. */
export interface FetchOptions {
  /** Milliseconds before giving up; default {@link FETCH_TIMEOUT_MS}. */
  timeoutMs?: number;
  /** Largest body accepted, in bytes; default the page cap, 16 MiB. */
  maxBytes?: number;
  /** User-Agent header; default {@link USER_AGENT}. */
  userAgent?: string;
}

/** What came back from a URL. */
export interface FetchedPage {
  /** The URL after redirects. */
  url: string;
  contentType?: string;
  bytes: Uint8Array;
}

/**
 * Fetches one URL over HTTP(S) with a timeout, a size cap and a user agent. Throws `UNREADABLE` naming the
 * URL and what went wrong (not HTTP, no answer in time, a status other than 2xx, too large).
 *
 * @example const { bytes, contentType } = await fetchPage("https://example.org/story")
 */
export async function fetchPage(url: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_PAGE_BYTES;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new TriangulateError("UNREADABLE", "expected a URL, found text that is not one", { subject: url, cause });
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new TriangulateError("UNREADABLE", `expected an http or https URL, found ${parsed.protocol}`, {
      subject: url,
    });
  }
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(parsed, {
      signal,
      redirect: "follow",
      headers: {
        "user-agent": options.userAgent ?? USER_AGENT,
        accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
      },
    });
  } catch (cause) {
    throw new TriangulateError("UNREADABLE", failure(cause, timeoutMs), { subject: url, cause });
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new TriangulateError(
      "UNREADABLE",
      `expected HTTP 200, found ${response.status} ${response.statusText}`.trim(),
      {
        subject: url,
      },
    );
  }
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new TriangulateError("UNREADABLE", `expected at most ${maxBytes} bytes, found ${declared} announced`, {
      subject: url,
    });
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    const reader = response.body?.getReader();
    for (;;) {
      if (!reader) break;
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new TriangulateError("UNREADABLE", `expected at most ${maxBytes} bytes, found more`, { subject: url });
      }
      parts.push(value);
    }
  } catch (cause) {
    if (cause instanceof TriangulateError) throw cause;
    throw new TriangulateError("UNREADABLE", failure(cause, timeoutMs), { subject: url, cause });
  }
  const out: FetchedPage = { url: response.url || url, bytes: Buffer.concat(parts, total) };
  const contentType = response.headers.get("content-type");
  if (contentType) out.contentType = contentType;
  return out;
}

function failure(cause: unknown, timeoutMs: number): string {
  const name = (cause as Error)?.name;
  if (name === "TimeoutError" || name === "AbortError") return `no complete answer within ${timeoutMs / 1000} s`;
  const code = ((cause as { cause?: { code?: string } })?.cause?.code ?? "") as string;
  return `expected an answer, found none (${code || (cause as Error)?.message || "network error"})`;
}
