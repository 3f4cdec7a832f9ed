import { createHash } from "node:crypto";
import type { Article } from "../model/index.js";

/**
 * Query parameters that say how a reader arrived, not which page it is: campaign tags, click ids and
 * referrers that feeds and share buttons add. Dropping them makes the links of one article one identity.
 */
const TRACKING_PARAMS =
  /^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|ref|ref_src|cmpid|ocid|share|smid)$/i;

/**
 * The canonical form of an article's URL: http and https alike, host in lower case without a default port,
 * no fragment, no tracking parameters, the other parameters in order, no trailing slash. Undefined when the
 * URL is not an http(s) URL.
 *
 * @example canonicalUrl("HTTP://News.example/a/?utm_source=x&b=2&a=1#top") === "https://news.example/a?a=1&b=2"
 */
export function canonicalUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
  if (!parsed.hostname) return undefined;
  const params = [...parsed.searchParams].filter(([name]) => !TRACKING_PARAMS.test(name));
  params.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  const path = parsed.pathname.length > 1 ? parsed.pathname.replace(/\/+$/, "") : "";
  const port = parsed.port && parsed.port !== "80" && parsed.port !== "443" ? `:${parsed.port}` : "";
  return `https://${parsed.hostname}${port}${path}${query ? `?${query}` : ""}`;
}

/**
 * The hash of what an article says and who says it: its outlet and its text, with case of the outlet, runs
 * of white space and Unicode composition evened out. The same report read twice (from a file and from a
 * feed) hashes the same; the same wire text under two outlets does not (it is a copy, kept and linked).
 */
export function contentHash(article: Pick<Article, "outlet" | "text">): string {
  const outlet = (article.outlet ?? "").normalize("NFC").trim().toLowerCase();
  const text = article.text.normalize("NFC").replace(/\s+/g, " ").trim();
  return createHash("sha256").update(outlet).update("\n").update(text).digest("hex");
}

/**
 * An article's identity in the store: its canonical URL when it has one, else its content hash. Ingesting
 * the same input twice finds every article under its identity and adds nothing.
 */
export function identityOf(article: Article, url?: string): { key: string; contentHash: string; url?: string } {
  const hash = contentHash(article);
  const candidate = url ?? (/^https?:\/\//i.test(article.source) ? article.source : undefined);
  const canonical = candidate === undefined ? undefined : canonicalUrl(candidate);
  return canonical
    ? { key: `url:${canonical}`, contentHash: hash, url: canonical }
    : { key: `hash:${hash}`, contentHash: hash };
}
