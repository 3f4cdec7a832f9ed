import type { ReportArticle, StoryReport } from "../../model/index.js";
import { html, type SafeHtml } from "../escape.js";

/**
 * The outlet an article is counted under: the outlet it names, else the host of its URL, else its id
 * (an article read from a file with no publisher line is its own voice).
 *
 * @example outletOf({ id: "a", source: "https://www.example.org/x", ... }) // "example.org"
 */
export function outletOf(article: Pick<ReportArticle, "id" | "source" | "outlet">): string {
  const named = article.outlet?.trim();
  if (named) return named;
  if (/^https?:\/\//i.test(article.source)) {
    try {
      return new URL(article.source).hostname.replace(/^www\./, "");
    } catch {
      // An unparsable URL falls through to the id.
    }
  }
  return article.id;
}

/** Article id to the label shown for it: its outlet, with the id added when one outlet has several articles. */
export function articleLabels(report: StoryReport): Map<string, string> {
  const outlets = report.articles.map((a) => outletOf(a));
  const count = new Map<string, number>();
  for (const o of outlets) count.set(o, (count.get(o) ?? 0) + 1);
  return new Map(
    report.articles.map((a, i) => {
      const o = outlets[i] ?? a.id;
      return [a.id, (count.get(o) ?? 0) > 1 && o !== a.id ? `${o} (${a.id})` : o];
    }),
  );
}

/** The day part of an ISO date or date-time ("2026-03-10T08:15" → "2026-03-10"), undefined for anything else. */
export function dayOf(date: string | undefined): string | undefined {
  const m = date?.match(/^(\d{4}-\d{2}-\d{2})/);
  return m?.[1];
}

/** "first to last", or the one date, or "" when the story has none. */
export function timeSpan(first: string | undefined, last: string | undefined): string {
  const dates = [first, last].filter((d): d is string => Boolean(d));
  if (dates.length === 0) return "";
  return dates.length === 1 || dates[0] === dates[1] ? (dates[0] ?? "") : `${dates[0]} to ${dates[1]}`;
}

export function storyPath(id: string): string {
  return `/stories/${encodeURIComponent(id)}`;
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
