import type { StoryReport } from "../../model/index.js";
import { html, type SafeHtml } from "../escape.js";
import { withoutBidiControls } from "./bidi.js";
import { dayOf, outletPath, plural, readableTime, storyPath, timeSpan } from "./common.js";
import { renderLayout } from "./layout.js";

/**
 * What the story list shows of one story. Its articles are counted as the CLI's `stories` counts them:
 * copies of another article (a wire story run again) included, and said apart ("4 articles (1 copy)").
 */
export interface StorySummary {
  id: string;
  title: string;
  /** Its articles, copies included. */
  articleCount: number;
  /** Of them, copies of another article: counted here, compared once on the story page. */
  copies: number;
  firstPublished?: string;
  lastPublished?: string;
  /** Outlets the articles (copies included) name, by number of articles, most first. */
  outlets: { name: string; articles: number }[];
  /** Articles that name no outlet: counted apart, never under a host or an id that is not an outlet's name. */
  withoutOutlet: number;
  /** Articles by day of publication, in date order; articles without a date are counted in `undated`. */
  days: { day: string; articles: number }[];
  undated: number;
  disputedFacts: number;
  discrepancies: number;
  /** When the story last changed in the store (an article joined); "new since your last visit" reads this first. */
  updatedAt?: string;
}

/** One article as the story list counts it. */
export interface CountedArticle {
  outlet?: string | undefined;
  published?: string | undefined;
  /** Whether it copies another article of the story. */
  copy?: boolean;
}

/**
 * A story's coverage from its articles: the outlets they name and how many each, the articles that name
 * none, the days they were published on, and how many are copies.
 *
 * @example summarizeArticles([{ outlet: "A", published: "2026-03-10" }, { outlet: "B", copy: true }]).copies // 1
 */
export function summarizeArticles(
  articles: readonly CountedArticle[],
): Pick<StorySummary, "articleCount" | "copies" | "outlets" | "withoutOutlet" | "days" | "undated"> {
  const outlets = new Map<string, number>();
  const days = new Map<string, number>();
  let undated = 0;
  let withoutOutlet = 0;
  let copies = 0;
  for (const a of articles) {
    // As the store counts a story's outlets (and the CLI lists them): only the names articles give.
    const o = a.outlet?.trim();
    if (o) outlets.set(o, (outlets.get(o) ?? 0) + 1);
    else withoutOutlet++;
    const day = dayOf(a.published);
    if (day) days.set(day, (days.get(day) ?? 0) + 1);
    else undated++;
    if (a.copy) copies++;
  }
  return {
    articleCount: articles.length,
    copies,
    outlets: [...outlets]
      .map(([name, articles]) => ({ name, articles }))
      .sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name)),
    withoutOutlet,
    days: [...days].map(([day, articles]) => ({ day, articles })).sort((a, b) => (a.day < b.day ? -1 : 1)),
    undated,
  };
}

/**
 * The story list's view of a report: its span, its outlets and days of coverage, and how much in it is
 * contested. A report holds the articles it compares, no copies.
 *
 * @example summarizeStory(analyzeStory(articles)).disputedFacts
 */
export function summarizeStory(report: StoryReport): StorySummary {
  const { story } = report;
  return {
    id: story.id,
    title: story.title,
    ...summarizeArticles(report.articles),
    ...(story.firstPublished ? { firstPublished: story.firstPublished } : {}),
    ...(story.lastPublished ? { lastPublished: story.lastPublished } : {}),
    disputedFacts: report.facts.filter((f) => f.kind === "disputed").length,
    discrepancies: report.discrepancies.filter((d) => d.compatible !== true).length,
  };
}

/** Bars drawn in one chart at most; the rest are summed in the label, so a long story keeps a small chart. */
const MAX_BARS = 14;
const BAR = 10;
const GAP = 3;
const HEIGHT = 28;

/**
 * A small bar chart that reads without hover and without script: a figure captioned `title`, its bars as
 * inline SVG (a picture of the figures, hidden from screen readers: no script, no style attribute), and the
 * figures themselves as visible text beside it, one "label: value" per bar. Past {@link MAX_BARS} items,
 * the rest are summed in one line.
 */
export function renderBars(items: readonly { label: string; value: number }[], title: string): SafeHtml {
  if (items.length === 0) return html``;
  const shown = items.slice(0, MAX_BARS);
  const max = Math.max(1, ...shown.map((i) => i.value));
  const width = shown.length * (BAR + GAP);
  const bars = shown.map((item, k) => {
    const h = Math.max(2, Math.round((item.value / max) * HEIGHT));
    return html`<rect x="${k * (BAR + GAP)}" y="${HEIGHT - h}" width="${BAR}" height="${h}"><title>${item.label}: ${item.value}</title></rect>`;
  });
  const rest = items.slice(MAX_BARS);
  const restTotal = rest.reduce((n, i) => n + i.value, 0);
  const figures = html`<ul class="figures">${shown.map(
    (i) => html`<li>${i.label}: <span class="n">${i.value}</span></li>`,
  )}${rest.length > 0 ? html`<li>${rest.length} more: <span class="n">${restTotal}</span></li>` : ""}</ul>`;
  return html`<figure class="chart"><figcaption>${title}</figcaption><svg class="bars" viewBox="0 0 ${width} ${HEIGHT}" width="${width}" height="${HEIGHT}" aria-hidden="true" focusable="false">${bars}</svg>${figures}</figure>`;
}

/** The state of the story list: the filters it was asked for, the page, and the reader's last visit. */
export interface StoryListView {
  stories: readonly StorySummary[];
  /** Whether stories follow this page (the store is not asked for a total: counting is a scan). */
  more: boolean;
  offset: number;
  limit: number;
  /** The filters, and `since` when the reader asked for it (a date), which the page's links then keep. */
  query: {
    text?: string;
    outlet?: string;
    entity?: string;
    from?: string;
    to?: string;
    sort: "newest" | "biggest";
    since?: string;
  };
  /** Stories whose last article is later than this (an ISO date or date-time) are marked new. */
  since?: string;
}

/** Whether a story has coverage after the reader's last visit. */
export function isNewSince(
  story: Pick<StorySummary, "lastPublished" | "firstPublished" | "updatedAt">,
  since?: string,
): boolean {
  const last = story.updatedAt ?? story.lastPublished ?? story.firstPublished;
  return Boolean(since && last && last > since);
}

/** "4 articles (1 copy)", as the CLI's list says it. */
export function articleCount(s: Pick<StorySummary, "articleCount" | "copies">): string {
  return `${plural(s.articleCount, "article")}${s.copies > 0 ? ` (${plural(s.copies, "copy", "copies")})` : ""}`;
}

/** The bar of a story's articles that name no outlet. */
const WITHOUT_OUTLET = "no outlet named";
/** The bar of a story's articles that give no date of publication. */
const UNDATED = "undated";

/**
 * A story's outlets as the CLI's list says them: "2 outlets: A ×2, B, 3 articles without one", each outlet
 * a link to its page; articles that name no outlet are counted, not listed under a host or an id.
 */
export function renderOutlets(s: Pick<StorySummary, "outlets" | "withoutOutlet">): SafeHtml {
  const links = s.outlets.map(
    (o, k) =>
      html`${k > 0 ? ", " : ""}<a href="${outletPath(o.name)}">${o.name}</a>${o.articles > 1 ? ` ×${o.articles}` : ""}`,
  );
  const n = s.withoutOutlet;
  // Plain text, no class of its own: the story page's header sets it on a dark ground.
  if (s.outlets.length === 0) return html`${n > 0 ? "No outlet named" : ""}`;
  const without = n > 0 ? `, ${plural(n, "article")} without one` : "";
  return html`${plural(s.outlets.length, "outlet")}: ${links}${without}`;
}

/** The list page at `/`: filters as a plain GET form, one row per story, paging links. */
export function renderStoryList(untrusted: StoryListView): string {
  const view = withoutBidiControls(untrusted);
  const q = view.query;
  const fresh = view.stories.filter((s) => isNewSince(s, view.since)).length;
  const filters = html`<form class="filters" method="get" action="/" aria-label="Filter stories">
<label>Words <input name="text" type="search" value="${q.text ?? ""}"></label>
<label>Outlet <input name="outlet" value="${q.outlet ?? ""}"></label>
<label>Entity <input name="entity" value="${q.entity ?? ""}" placeholder="name, alias or id"></label>
<label>From <input name="from" type="date" value="${q.from ?? ""}"></label>
<label>To <input name="to" type="date" value="${q.to ?? ""}"></label>
<label>New since <input name="since" type="date" value="${dayOf(q.since) ?? ""}"></label>
<label>Sort <select name="sort"><option value="newest"${q.sort === "newest" ? html` selected` : ""}>newest</option><option value="biggest"${q.sort === "biggest" ? html` selected` : ""}>biggest</option></select></label>
<button type="submit">Apply</button></form>`;
  const rows = view.stories.map((s) => {
    const isNew = isNewSince(s, view.since);
    const outlets = renderOutlets(s);
    return html`<li class="story${isNew ? " new" : ""}"><h2><a href="${storyPath(s.id)}">${s.title || s.id}</a>${isNew ? html` <span class="badge info">new since your last visit</span>` : ""}</h2>
<p class="meta">${articleCount(s)}${timeSpan(s.firstPublished, s.lastPublished) ? ` · ${timeSpan(s.firstPublished, s.lastPublished)}` : ""} · <span class="${s.disputedFacts > 0 ? "badge bad" : "badge"}">${plural(s.disputedFacts, "disputed fact")}</span> <span class="${s.discrepancies > 0 ? "badge warn" : "badge"}">${plural(s.discrepancies, "discrepancy", "discrepancies")}</span></p>
<p class="outlets">${outlets}</p>
<div class="coverage">${renderBars(
      [
        ...s.outlets.map((o) => ({ label: o.name, value: o.articles })),
        ...(s.withoutOutlet > 0 ? [{ label: WITHOUT_OUTLET, value: s.withoutOutlet }] : []),
      ],
      "Articles by outlet",
    )}${renderBars(
      [
        ...s.days.map((d) => ({ label: d.day, value: d.articles })),
        ...(s.undated > 0 ? [{ label: UNDATED, value: s.undated }] : []),
      ],
      "Articles by day",
    )}</div></li>`;
  });
  const params = (offset: number) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
    p.set("offset", String(offset));
    return `/?${p.toString()}`;
  };
  const prev =
    view.offset > 0 ? html`<a rel="prev" href="${params(Math.max(0, view.offset - view.limit))}">← newer page</a>` : "";
  const next = view.more ? html`<a rel="next" href="${params(view.offset + view.limit)}">next page →</a>` : "";
  const list =
    view.stories.length === 0
      ? html`<p class="none">No stories match.</p>`
      : html`<ol class="stories" start="${view.offset + 1}">${rows}</ol>`;
  const note =
    view.stories.length === 0
      ? ""
      : html`<p class="lede">Articles are counted with their copies (a story another outlet ran again word for word), as <code>triangulate stories</code> counts them; a story's page compares each account once.</p>`;
  const body = html`${filters}${note}${list}${prev || next ? html`<nav class="pages" aria-label="Pages">${prev} ${next}</nav>` : ""}`;
  const sinceLine = view.since ? ` · ${fresh} new since your last visit (${readableTime(view.since)})` : "";
  return renderLayout({
    title: "Stories",
    heading: "Stories",
    subheading: `${view.stories.length === 0 ? "No stories" : `Stories ${view.offset + 1}–${view.offset + view.stories.length}${view.more ? ", more on the next pages" : ""}`}${sinceLine}`,
    body,
  });
}
