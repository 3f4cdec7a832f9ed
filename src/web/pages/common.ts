import { articleNames, type ReportArticle, type StoryReport, voiceOf } from "../../model/index.js";
import { html, type SafeHtml } from "../escape.js";

/**
 * The key an article is filtered and grouped under: the outlet it names, else the host of its URL, else its
 * id (an article read from a file with no publisher line is its own voice). A key, not a name: show
 * {@link articleLabels} to readers.
 *
 * @example outletOf({ id: "a", source: "https://www.example.org/x", ... }) // "example.org"
 */
export function outletOf(article: Pick<ReportArticle, "id" | "source" | "outlet">): string {
  return voiceOf(article) ?? article.id;
}

/** Article id to the name shown for it: {@link articleNames}, never a file id. */
export function articleLabels(report: StoryReport): Map<string, string> {
  return articleNames(report.articles);
}

/** The day part of an ISO date or date-time ("2026-03-10T08:15" → "2026-03-10"), undefined for anything else. */
export function dayOf(date: string | undefined): string | undefined {
  const m = date?.match(/^(\d{4}-\d{2}-\d{2})/);
  return m?.[1];
}

/**
 * An ISO instant as a reader reads it, to the minute ("2031-04-09T08:15:30.000Z" → "2031-04-09 08:15 UTC");
 * a date alone, or anything else, as it is.
 */
export function readableTime(time: string): string {
  const m = time.match(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::[\d.]+)?(Z)?$/);
  if (!m) return time;
  return `${m[1]} ${m[2]}${m[3] ? " UTC" : ""}`;
}

/** "first to last" by day, or the one day, or "" when the story has no date. */
export function timeSpan(first: string | undefined, last: string | undefined): string {
  const dates = [first, last].filter((d): d is string => Boolean(d)).map((d) => dayOf(d) ?? d);
  if (dates.length === 0) return "";
  return dates.length === 1 || dates[0] === dates[1] ? (dates[0] ?? "") : `${dates[0]} to ${dates[1]}`;
}

export function storyPath(id: string): string {
  return `/stories/${encodeURIComponent(id)}`;
}

/** Where a stored article is served, by its id in the store. */
export function articlePath(storeId: number): string {
  return `/articles/${storeId}`;
}

export function entityPath(id: string): string {
  return `/entities/${encodeURIComponent(id)}`;
}

export function outletPath(name: string): string {
  return `/outlets/${encodeURIComponent(name)}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A section with a heading, or nothing at all when it has no content: a page never shows an empty section. */
export function section(id: string, title: string, body: SafeHtml | undefined, lede?: string): SafeHtml {
  if (!body || body.value.trim() === "") return html``;
  return html`<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${title}</h2>${lede ? html`<p class="lede">${lede}</p>` : ""}
${body}
</section>
`;
}
