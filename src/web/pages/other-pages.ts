import { hitNames, type StoryReport } from "../../model/index.js";
import { SpanRegistry } from "../anchors.js";
import { html, type SafeHtml, trusted } from "../escape.js";
import { renderMarkedText } from "../marked-text.js";
import { withoutBidiControls } from "./bidi.js";
import { articlePath, entityPath, outletPath, plural, section, storyPath } from "./common.js";
import { renderLayout } from "./layout.js";
import type { EntityView, OutletProfile } from "./profiles.js";
import { excerpt, withoutClosing } from "./story-page.js";

/** Which of a profile's stories a page shows: `limit` from `offset`, of `storyCount`, most recent first. */
export interface ProfilePaging {
  storyCount: number;
  offset: number;
  limit: number;
  /** The offset of the next page, when there is one. */
  next?: number;
}

/** "Stories 21–40 of 57, most recent first", or nothing when one page shows them all. */
function pagingNote(p: ProfilePaging, shown: number): string {
  if (p.offset === 0 && p.next === undefined) return "";
  return shown === 0
    ? `No stories from ${p.offset + 1}`
    : `Stories ${p.offset + 1}–${p.offset + shown} of ${p.storyCount}, most recent first`;
}

/** Links to the newer and the older page of a profile's stories at `path`, when there are any. */
function pager(path: string, p: ProfilePaging): SafeHtml {
  const at = (offset: number) =>
    `${path}?offset=${offset}${p.limit === DEFAULT_PROFILE_PAGE ? "" : `&limit=${p.limit}`}`;
  const prev =
    p.offset > 0 ? html`<a rel="prev" href="${at(Math.max(0, p.offset - p.limit))}">← newer stories</a>` : "";
  const next = p.next === undefined ? "" : html`<a rel="next" href="${at(p.next)}">older stories →</a>`;
  return prev || next ? html`<nav class="pages" aria-label="Pages of stories">${prev} ${next}</nav>` : html``;
}

/** Stories a profile's page shows unless asked for another number (the API's default too). */
export const DEFAULT_PROFILE_PAGE = 20;

/**
 * A count against what it is counted of: a share in per cent when it cannot exceed it (stories it is the
 * origin of, quotations it alters), else so many per one (an article can add several claims of its own,
 * and a share of "300%" reads as an error).
 */
export function rate(n: number, of: number, per?: string): string {
  if (of === 0) return "—";
  if (per === undefined) return `${Math.round((100 * n) / of)}%`;
  const each = n / of;
  return `${Number.isInteger(each) ? each : each.toFixed(1)} per ${per}`;
}

/** The entity page: names, stories, quotations by outlet, relations. */
export function renderEntityPage(untrusted: EntityView, paging: ProfilePaging): string {
  const e = withoutBidiControls(untrusted);
  const stories = html`<ul>${e.stories.map(
    (s) =>
      html`<li><a href="${storyPath(s.id)}">${s.title || s.id}</a>: ${plural(s.mentions, "mention")} in ${s.outlets.map((o, k) => html`${k > 0 ? ", " : ""}<a href="${outletPath(o)}">${o}</a>`)}${s.articlesWithoutOutlet > 0 ? `${s.outlets.length > 0 ? " and " : ""}${plural(s.articlesWithoutOutlet, "article without an outlet", "articles without an outlet")}` : ""}</li>`,
  )}</ul>`;
  const quotes =
    e.quotes.length === 0
      ? undefined
      : html`<ul class="quotes">${e.quotes.map(
          (q) =>
            html`<li><strong>${q.outlet}</strong> <span class="badge fid-${q.fidelity}">${q.fidelity}</span> <a class="ev" href="${storyPath(q.story)}#${q.words ?? `quote-${q.quote}`}">“${withoutClosing(q.text)}”</a> <span class="meta">${q.attribution ? `${q.attribution} · ` : ""}<a href="${storyPath(q.story)}#quote-${q.quote}">every rendering</a></span></li>`,
        )}</ul>`;
  const relations =
    e.relations.length === 0
      ? undefined
      : html`<ul>${e.relations.map((r) => html`<li><a href="${storyPath(r.story)}#${r.words ?? "relations"}">${r.subject} <em>${r.predicate}</em> ${r.object}</a></li>`)}</ul>`;
  return renderLayout({
    title: e.name,
    heading: e.name,
    subheading: `${e.type}${e.aliases.length > 0 ? ` · also ${e.aliases.join(", ")}` : ""} · ${plural(paging.storyCount, "story", "stories")}`,
    body: html`${section("stories", "Stories", stories, pagingNote(paging, e.stories.length))}${section("said", "What it said, where", quotes)}${section("relations", "Relations", relations)}${pager(entityPath(e.id), paging)}`,
  });
}

/** The outlet page: its profile from the text of its articles. */
export function renderOutletPage(untrusted: OutletProfile, paging: ProfilePaging): string {
  const p = withoutBidiControls(untrusted);
  const row = (label: string, n: number, of: number, ofWhat: string, per?: string) =>
    html`<tr><th scope="row">${label}</th><td class="num">${n}</td><td class="num">${rate(n, of, per)}</td><td>${ofWhat} (${of})</td></tr>`;
  const profile = html`<div class="scroll" tabindex="0" role="region" aria-label="Profile, scrollable"><table class="profile"><thead><tr><th scope="col">Habit</th><th scope="col">Count</th><th scope="col">Rate</th><th scope="col">Of</th></tr></thead><tbody>
${row("Is the origin report", p.origin, paging.storyCount, "its stories")}
${row("Adds claims no one else has", p.uniqueClaims, p.articles, "its articles", "article")}
${row("Is contradicted by another outlet", p.contradicted, p.articles, "its articles", "article")}
${row("Overstates a headline", p.overstatedHeadlines, p.articles, "its articles", "article")}
${row("Alters a quotation", p.alteredQuotes, p.quotes, "its quotations")}
${row("Has its report run again by another outlet", p.copiedBy, p.articles, "its articles", "article")}
${row("Runs another outlet's report as a copy", p.copiesRun, p.articles + p.copiesRun, "its articles and copies")}
</tbody></table></div>`;
  const stories = html`<ul>${p.stories.map((s) => html`<li><a href="${storyPath(s.id)}">${s.title || s.id}</a> (${plural(s.articles, "article")})</li>`)}</ul>`;
  return renderLayout({
    title: p.name,
    heading: p.name,
    subheading: `${plural(p.articles, "article")}${p.copiesRun > 0 ? ` and ${plural(p.copiesRun, "copy", "copies")} of others' reports` : ""} in ${plural(paging.storyCount, "story", "stories")}`,
    body: html`${section("profile", "Profile", profile, "Counted from the words of its articles alone, against the other outlets of the same stories.")}${section("stories", "Stories", stories, pagingNote(paging, p.stories.length))}${pager(outletPath(p.name), paging)}`,
  });
}

/** A search result as the search page shows it. */
export interface SearchResult {
  /** The article's id in the store, whose page the hit links to; without it, the hit links to its story. */
  articleId?: number;
  storyId: string;
  storyTitle: string;
  /** The reader's id of the article (its file name, a feed item's id). */
  name: string;
  url?: string;
  title?: string;
  outlet?: string;
  published?: string;
  /** The first words of its text, shown for an untitled article. */
  opening?: string;
  /** The words around the match, the matched words between « and ». */
  snippet: string;
}

/** The search page: the form (in the site header) and the hits, matched words marked. */
export function renderSearchPage(query: string, untrusted: readonly SearchResult[]): string {
  const hits = withoutBidiControls(untrusted);
  const snippet = (s: string) =>
    s
      .split(/(«[^»]*»)/)
      .map((part) =>
        part.startsWith("«") && part.endsWith("»") ? html`<mark>${part.slice(1, -1)}</mark>` : html`${part}`,
      );
  const body =
    query.trim() === ""
      ? html`<p class="none">Type words to look for in the search box above.</p>`
      : hits.length === 0
        ? html`<p class="none">No article matches.</p>`
        : html`<ol class="results">${hits.map((h) => {
            const { headline, who } = hitNames(h);
            return html`<li><a href="${h.articleId === undefined ? storyPath(h.storyId) : articlePath(h.articleId)}">${headline ?? who}</a> <span class="meta">${[headline === undefined ? undefined : who, h.published].filter(Boolean).join(" · ")} · story: <a href="${storyPath(h.storyId)}">${h.storyTitle || h.storyId}</a></span><div class="snippet">${snippet(h.snippet)}</div></li>`;
          })}</ol>`;
  return renderLayout({
    title: query ? `Search: ${query}` : "Search",
    heading: query ? `Search: ${query}` : "Search",
    subheading: query ? plural(hits.length, "article") : "",
    query,
    body,
  });
}

/** A stored article another one is linked to as a copy, named as a reader knows it. */
export interface LinkedArticle {
  storeId: number;
  /** Its outlet, else its headline, else its reader's id. */
  name: string;
}

/** What the article page shows of one stored article: its text and metadata, its story, and its copy links. */
export interface ArticleView {
  storeId: number;
  article: {
    outlet?: string;
    title?: string;
    published?: string;
    author?: string;
    source: string;
    text: string;
  };
  story: { id: string; title: string };
  /** The article this one copies (the one its story compares), when it is a copy. */
  copyOf?: LinkedArticle;
  /** The stored copies of this one. */
  copies: readonly LinkedArticle[];
  /** Where it is on its story's page and what text it shares there, when the story's report has it. */
  inStory?: ArticleInStory;
}

/** A stored article as its story's report has it: its column on the story page and its shared passages. */
export interface ArticleInStory {
  /** Its name on the story page (of the article it copies, for a copy). */
  name: string;
  /** The address of its column on the story page (of the article it copies, for a copy). */
  column: string;
  /** Passages it shares with other articles of the story; none for a copy, which is not compared. */
  shared: SharedPassage[];
}

/** A passage an article shares with another: its words here, and the other's on the story page. */
export interface SharedPassage {
  start: number;
  end: number;
  text: string;
  /** Whether this article took the words from the other (`from`), or the other took them from this one (`to`). */
  direction: "from" | "to";
  /** The other article's name as the story page gives it. */
  other: string;
  /** The other article's words on the story page. */
  otherWords: string;
  /** The other article's own page, when the report says where it is stored. */
  otherPage?: string;
}

/**
 * Where a stored article is in its story's report (by its `storeId`, or for a copy by the copy's entry in
 * `provenance.copies`): the anchor of its column on the story page, and the reused passages it is in, each
 * with the anchor the story page gives the other article's words. Undefined when the report lacks it.
 *
 * @example articleInStory(report, 12, "/stories/3")?.column // "/stories/3#art-1"
 */
export function articleInStory(report: StoryReport, storeId: number, storyHref: string): ArticleInStory | undefined {
  const own = report.articles.find((a) => a.storeId === storeId);
  const copied = own ? undefined : report.provenance.copies?.find((c) => c.copy.storeId === storeId)?.article;
  const id = own?.id ?? copied;
  // The story page's anchors: a registry over all its articles, asked for the same words it marks.
  const spans = new SpanRegistry(report.articles);
  const column = id === undefined ? undefined : spans.article(id);
  if (id === undefined || column === undefined) return undefined;
  const shared: SharedPassage[] = [];
  if (own) {
    for (const r of report.provenance.reuse) {
      if (r.from !== own.id && r.to !== own.id) continue;
      const direction = r.to === own.id ? "from" : "to";
      const otherId = direction === "from" ? r.from : r.to;
      const otherPage = report.articles.find((a) => a.id === otherId)?.storeId;
      for (const p of r.evidence ?? []) {
        const [here, there] = direction === "from" ? [p.to, p.from] : [p.from, p.to];
        const anchor = spans.span(there.article, there.start, there.end, there.text, "reuse");
        shared.push({
          start: here.start,
          end: here.end,
          text: here.text,
          direction,
          other: spans.label(otherId),
          otherWords: `${storyHref}#${anchor ?? column}`,
          ...(otherPage === undefined ? {} : { otherPage: articlePath(otherPage) }),
        });
      }
    }
  }
  return { name: spans.label(id), column: `${storyHref}#${column}`, shared: shared.sort((x, y) => x.start - y.start) };
}

/**
 * The page of one stored article at `/articles/:id`: its text as text, who published it, its story, and
 * which article it copies or which copies it has (a copy is not on its story's page but for this link).
 */
export function renderArticlePage(untrusted: ArticleView): string {
  const v = withoutBidiControls(untrusted);
  const a = v.article;
  const outlet = a.outlet?.trim();
  const meta = [a.published, a.author ? `by ${a.author}` : undefined].filter(Boolean).join(" · ");
  const source = /^https?:\/\//i.test(a.source)
    ? html`<a href="${a.source}" rel="noopener noreferrer nofollow">source</a>`
    : html`${a.source}`;
  const link = (l: LinkedArticle) => html`<a href="${articlePath(l.storeId)}">${l.name}</a>`;
  const copyOf = v.copyOf
    ? html`<p class="copy-of">A copy of ${link(v.copyOf)}: the story page compares that article, not this copy.</p>`
    : "";
  const copies =
    v.copies.length > 0
      ? html`<p class="copies">Run again by ${v.copies.map((c, k) => html`${k > 0 ? ", " : ""}${link(c)}`)}.</p>`
      : "";
  const place = v.inStory;
  // Untitled, unsigned: named as its story's page names it (a copy's place there is its original's).
  const named = place && !v.copyOf ? place.name.charAt(0).toUpperCase() + place.name.slice(1) : undefined;
  const heading = a.title || outlet || named || `Article ${v.storeId}`;
  const column = place
    ? html`<p class="in-story"><a href="${place.column}">${v.copyOf ? "The article it copies, beside the others on the story page" : "This article beside the others on the story page"}</a></p>`
    : "";
  // The shared passages marked in the text, each listed with a link to it and to the other article's words.
  // Marked only where the offsets hold the words: a report made of another version of the text is not trusted.
  const passages = (place?.shared ?? []).map((p, i) => ({
    p,
    anchor: a.text.slice(p.start, p.end) === p.text ? `passage-${i}` : undefined,
  }));
  const text = renderMarkedText(
    a.text,
    passages.flatMap(({ p, anchor }) =>
      anchor ? [{ start: p.start, end: p.end, id: anchor, classes: ["mark", "k-reuse"] }] : [],
    ),
  );
  const shared =
    passages.length === 0
      ? ""
      : html`<section id="shared" aria-labelledby="shared-h"><h2 id="shared-h">Text shared with other articles</h2><ol class="passages">${passages.map(
          ({ p, anchor }) =>
            html`<li>${anchor ? html`<a class="ev" href="#${anchor}">${excerpt(p.text)}</a>` : excerpt(p.text)} <span class="meta">(${p.direction === "from" ? "taken from" : "taken by"} <a href="${p.otherWords}">${p.other}</a>${p.otherPage ? html`, <a href="${p.otherPage}">its page</a>` : ""})</span></li>`,
        )}</ol></section>`;
  return renderLayout({
    title: heading,
    heading,
    subheading: html`${outlet ? html`<a href="${outletPath(outlet)}">${outlet}</a>` : "No outlet named"}${meta ? ` · ${meta}` : ""} · story: <a href="${storyPath(v.story.id)}">${v.story.title || v.story.id}</a>`,
    body: html`${copyOf}${copies}${column}${shared}<article class="source" aria-label="Article"><p class="meta">${source}</p><div class="article-text" tabindex="0" role="region" aria-label="Text of the article">${trusted(text.html)}</div></article>`,
  });
}
