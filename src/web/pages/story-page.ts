import {
  type CertaintyLevel,
  type EvidenceSpan,
  nameArticle,
  type ReportCopy,
  type ReportFact,
  type ReportStatement,
  type StoryReport,
  voiceOf,
} from "../../model/index.js";
import { namesInText, SpanRegistry } from "../anchors.js";
import { html, type SafeHtml, trusted } from "../escape.js";
import { type GraphEdge, type GraphNode, MAX_GRAPH_NODES, renderGraphSvg } from "../graph-svg.js";
import { renderMarkedText } from "../marked-text.js";
import { bySpeaker, speakerHtml } from "../speaker.js";
import { diffWords } from "../word-diff.js";
import { withoutBidiControls } from "./bidi.js";
import {
  articleLabels,
  articlePath,
  dayOf,
  entityPath,
  outletOf,
  outletPath,
  plural,
  section,
  timeSpan,
} from "./common.js";
import { renderLayout } from "./layout.js";
import { renderOutlets, summarizeStory } from "./story-list.js";

/** The kinds of finding a reader can show or hide on a story page, in page order, with their headings. */
export const FINDING_KINDS = [
  ["brief", "Brief"],
  ["outlets", "How outlets diverge"],
  ["claims", "Accounts by claim"],
  ["discrepancies", "Discrepancies"],
  ["quotes", "Quotations"],
  ["certainty", "Certainty"],
  ["provenance", "Provenance"],
  ["relations", "Relations"],
  ["timeline", "Timeline"],
  ["entities", "Entities"],
] as const;

export type FindingKind = (typeof FINDING_KINDS)[number][0];

const KIND_NAMES = new Set<string>(FINDING_KINDS.map(([k]) => k));

export function isFindingKind(value: string): value is FindingKind {
  return KIND_NAMES.has(value);
}

/** What part of a story page to show. Every default shows everything. */
export interface StoryPageOptions {
  /** Outlet names (as on the page) whose articles and findings are shown; empty or absent: all. */
  outlets?: readonly string[];
  /** Kinds of finding shown; empty or absent: all. */
  kinds?: readonly FindingKind[];
  /** Where the report's JSON is served; no link when absent. */
  jsonHref?: string;
  /**
   * Where every claim of the story is listed ({@link renderClaimsPage}). When given, the table of claims
   * shows the first {@link MAX_CLAIM_ROWS} in its order (disputed, then the most widely reported) and links
   * there for the rest; when absent, it shows every claim.
   */
  claimsHref?: string;
}

/**
 * Rows of the claims table on a story page when the full list is a page of its own: about two screens,
 * room for the disputed claims and the most widely reported ones, which are what a comparison across
 * outlets is read for. The rest (mostly claims one outlet alone makes, one cell of support beside
 * silence) weighed half of a five-outlet story page.
 */
export const MAX_CLAIM_ROWS = 25;

/** Rows per page of the claims page: a page of it weighs about what a story page does. */
export const CLAIMS_PER_PAGE = 100;

const LADDER: readonly CertaintyLevel[] = ["asserted", "reported", "hedged", "speculative"];

interface Context {
  report: StoryReport;
  /** What a link to words or an article starts with: "" on the story page, the story page's address elsewhere. */
  base: string;
  spans: SpanRegistry;
  label: Map<string, string>;
  shown: Set<string>;
  entityName: Map<string, string>;
}

/**
 * The story page: the accounts side by side, aligned by claim, with each outlet's support,
 * contradiction or silence; discrepancies; quotations with word diffs; certainty per outlet; provenance
 * and relations as graphs; the timeline; the cited brief; and the articles with every finding's words
 * marked. Filters by outlet and kind of finding are a plain GET form. Sections with nothing in them are
 * left out. All report text is escaped.
 *
 * @example renderStoryPage(report, { outlets: ["Coastal Ledger"], kinds: ["discrepancies"] })
 */
export function renderStoryPage(untrusted: StoryReport, options: StoryPageOptions = {}): string {
  const report = withoutBidiControls(untrusted);
  const wantedOutlets = new Set(options.outlets ?? []);
  const articles = report.articles.filter((a) => wantedOutlets.size === 0 || wantedOutlets.has(outletOf(a)));
  const kinds = new Set<FindingKind>(
    options.kinds && options.kinds.length > 0 ? options.kinds : FINDING_KINDS.map(([k]) => k),
  );
  const ctx: Context = {
    report,
    base: "",
    spans: new SpanRegistry(articles),
    label: articleLabels(report),
    shown: new Set(articles.map((a) => a.id)),
    entityName: new Map(report.entities.map((e) => [e.id, e.name])),
  };
  const renderers: Record<FindingKind, () => SafeHtml | undefined> = {
    brief: () => renderBrief(ctx),
    outlets: () => renderDivergence(ctx),
    claims: () =>
      renderClaims(
        ctx,
        options.claimsHref ? { limit: MAX_CLAIM_ROWS, allHref: withOutlets(options.claimsHref, wantedOutlets) } : {},
      ),
    discrepancies: () => renderDiscrepancies(ctx),
    quotes: () => renderQuotes(ctx),
    certainty: () => renderCertainty(ctx),
    provenance: () => renderProvenance(ctx),
    relations: () => renderRelations(ctx),
    timeline: () => renderTimeline(ctx),
    entities: () => renderEntities(ctx),
  };
  // Findings first: each registers the words it links to, and the articles are then drawn with them.
  const sections: { id: string; title: string; body: SafeHtml | undefined }[] = FINDING_KINDS.filter(([k]) =>
    kinds.has(k),
  ).map(([k, title]) => ({ id: k, title, body: renderers[k]() }));
  sections.push({ id: "articles", title: "Articles", body: renderArticles(ctx) });
  const present = sections.filter((s) => s.body && s.body.value.trim() !== "");
  const toc = html`<nav class="toc" aria-label="Sections">${present.map((s) => html`<a href="#${s.id}">${s.title}</a>`)}</nav>`;
  const { story } = report;
  const span = timeSpan(story.firstPublished, story.lastPublished);
  const copyCount = present.some((s) => s.id === "provenance") ? copiesOf(ctx).length : 0;
  // Outlets asked for that none of the story's articles is from (an old link, a hand-made address) say so.
  const none =
    articles.length === 0
      ? html`<p class="none">No article of this story is from the outlets chosen. <a href="?">Show every outlet</a></p>`
      : "";
  // Filtered by outlet, the page says how many of the story's articles it shows: the counts are the story's.
  const shownPart =
    wantedOutlets.size > 0 && articles.length > 0 && articles.length < report.articles.length
      ? ` (${articles.length} shown: ${[...new Set(articles.map((a) => ctx.label.get(a.id) ?? a.id))].join(", ")})`
      : "";
  const body = html`${renderFilters(report, ctx.label, wantedOutlets, options.kinds ?? [])}${none}${present.map((s) => section(s.id, s.title, s.body))}`;
  return renderLayout({
    title: story.title || story.id,
    heading: story.title || story.id,
    subheading: html`${plural(report.articles.length, "article")} compared${shownPart}${copyCount > 0 ? html`, ${plural(copyCount, "copy", "copies")} of them not compared again (<a href="#provenance">see Provenance</a>)` : ""}${span ? ` · ${span}` : ""} · ${renderOutlets(summarizeStory(report))}${options.jsonHref ? html` · <a href="${options.jsonHref}">JSON</a>` : ""}`,
    toc,
    body,
  });
}

function renderFilters(
  report: StoryReport,
  labels: ReadonlyMap<string, string>,
  outlets: Set<string>,
  kinds: readonly FindingKind[],
): SafeHtml {
  // One box per outlet; an article without one is its own box, shown by its name and sent as its id.
  const boxes = new Map<string, string>();
  for (const a of report.articles) {
    const key = outletOf(a);
    if (!boxes.has(key)) boxes.set(key, voiceOf(a) ?? labels.get(a.id) ?? key);
  }
  const chosen = new Set(kinds);
  return html`<form class="filters" method="get" aria-label="Filter findings"><fieldset><legend>Outlets</legend>${[
    ...boxes,
  ].map(
    ([o, shown]) =>
      html`<label><input type="checkbox" name="outlet" value="${o}"${outlets.has(o) ? html` checked` : ""}> ${shown}</label> `,
  )}</fieldset><fieldset><legend>Findings</legend>${FINDING_KINDS.map(
    ([k, title]) =>
      html`<label><input type="checkbox" name="kind" value="${k}"${chosen.has(k) ? html` checked` : ""}> ${title}</label> `,
  )}</fieldset><button type="submit">Show</button> <a href="?">Show all</a></form>`;
}

function label(ctx: Pick<Context, "label">, article: string): string {
  return ctx.label.get(article) ?? article;
}

/** A link to words on this page, or the text alone when they are not on it (an outlet filtered out). */
function link(anchor: string | undefined, content: string | SafeHtml, cls?: string, base = ""): SafeHtml {
  if (!anchor) return html`${content}`;
  return cls
    ? html`<a class="${cls}" href="${base}#${anchor}">${content}</a>`
    : html`<a href="${base}#${anchor}">${content}</a>`;
}

function articleLink(ctx: Context, article: string): SafeHtml {
  return link(ctx.spans.article(article), label(ctx, article), undefined, ctx.base);
}

/** An address with the outlet filter as its query, so that a page linked to shows the same outlets. */
function withOutlets(href: string, outlets: ReadonlySet<string>): string {
  if (outlets.size === 0) return href;
  return `${href}?${[...outlets].map((o) => `outlet=${encodeURIComponent(o)}`).join("&")}`;
}

function involves(ctx: Context, articles: readonly string[]): boolean {
  return articles.some((a) => ctx.shown.has(a));
}

function renderBrief(ctx: Context): SafeHtml | undefined {
  const brief = ctx.report.brief.filter((b) => involves(ctx, b.citations));
  if (brief.length === 0) return undefined;
  return html`<ol class="brief">${brief.map(
    // A report made before the brief named articles as readers know them says their ids: named here.
    (s, i) =>
      html`<li id="brief-${i}">${withLabels(s.text, s.citations, ctx)} ${cite(ctx, s.citations, s.evidence, "brief")}</li>`,
  )}</ol>`;
}

/** Citation links to the words each cited article gives, or to the article when the report gives no span there. */
function cite(
  ctx: Context,
  articles: readonly string[],
  evidence: readonly EvidenceSpan[] | undefined,
  kind: "brief" | "event",
): SafeHtml {
  const links = articles.map((a) => {
    const words = evidence?.find((e) => e.article === a);
    const anchor = words ? ctx.spans.span(a, words.start, words.end, words.text, kind) : ctx.spans.article(a);
    return link(anchor, label(ctx, a));
  });
  return html`<span class="cite">[${links.map((l, i) => html`${i > 0 ? "; " : ""}${l}`)}]</span>`;
}

/** Per outlet: what it alone says, what others contradict in it, what it is silent on, how it treats quotations. */
function renderDivergence(ctx: Context): SafeHtml | undefined {
  const { report } = ctx;
  const articles = report.articles.filter((a) => ctx.shown.has(a.id));
  if (articles.length < 2) return undefined;
  const rows = articles.map((a) => {
    const supported = report.facts.filter((f) => f.sources.includes(a.id)).length;
    const unique = report.facts.filter((f) => f.kind === "unique" && f.sources.includes(a.id)).length;
    const contradicted = report.facts.filter(
      (f) => f.sources.includes(a.id) && (f.contradictedBy ?? []).length > 0,
    ).length;
    const contradicts = report.facts.filter((f) => (f.contradictedBy ?? []).includes(a.id)).length;
    const silent = report.facts.filter(
      (f) => f.kind !== "unique" && !f.sources.includes(a.id) && !(f.contradictedBy ?? []).includes(a.id),
    ).length;
    const overstated = report.certainty.filter((c) => c.article === a.id && c.overstated).length;
    const altered = report.quotes
      .flatMap((q) => q.occurrences)
      .filter((o) => o.article === a.id && o.fidelity === "altered").length;
    const origin = report.provenance.origin?.article === a.id;
    return html`<tr><th scope="row">${articleLink(ctx, a.id)}${origin ? html` <span class="badge info">origin</span>` : ""}</th><td class="num">${supported}</td><td class="num">${unique}</td><td class="num">${contradicted}</td><td class="num">${contradicts}</td><td class="num">${silent}</td><td class="num">${overstated}</td><td class="num">${altered}</td></tr>`;
  });
  return html`<div class="scroll" tabindex="0" role="region" aria-label="How outlets diverge, scrollable"><table class="divergence"><caption>Counts over this story's claims, quotations and headlines</caption><thead><tr><th scope="col">Outlet</th><th scope="col">Claims it supports</th><th scope="col">Only it reports</th><th scope="col">Its claims others contradict</th><th scope="col">Claims it contradicts</th><th scope="col">Shared claims it is silent on</th><th scope="col">Overstated headlines</th><th scope="col">Altered quotations</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function factRank(f: ReportFact): number {
  return f.kind === "disputed" ? 0 : f.kind === "corroborated" ? 1 : 2;
}

/** The claims that involve a shown article, in table order: disputed, then by how many outlets support them. */
function orderedClaims(ctx: Context): ReportFact[] {
  return ctx.report.facts
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => involves(ctx, [...f.sources, ...(f.contradictedBy ?? [])]))
    .sort((x, y) => factRank(x.f) - factRank(y.f) || y.f.sources.length - x.f.sources.length || x.i - y.i)
    .map(({ f }) => f);
}

/** The words an article gives for or against a claim, registered as an anchor in its text. */
function claimWords(ctx: Context, f: ReportFact, article: string): { words?: EvidenceSpan; anchor?: string } {
  const words = f.evidence.find((e) => e.article === article);
  if (!words) return {};
  const anchor = ctx.spans.span(article, words.start, words.end, words.text, "fact");
  return anchor ? { words, anchor } : { words };
}

/**
 * The table of claims, one column per shown article. With a `limit`, the rows past it are left out and
 * `allHref` is linked for them; their words are still marked in the articles, where the full list links.
 */
function renderClaims(
  ctx: Context,
  { limit, allHref, offset = 0 }: { limit?: number; allHref?: string; offset?: number } = {},
): SafeHtml | undefined {
  const { report } = ctx;
  const articles = report.articles.filter((a) => ctx.shown.has(a.id));
  const facts = orderedClaims(ctx);
  if (facts.length === 0 || articles.length === 0) return undefined;
  const end = limit === undefined ? facts.length : Math.min(facts.length, offset + limit);
  const head = html`<thead><tr><th scope="col" class="claim">Claim</th>${articles.map((a) => html`<th scope="col">${articleLink(ctx, a.id)}</th>`)}</tr></thead>`;
  const rows = facts.slice(offset, end).map((f) => {
    const cells = articles.map((a) => {
      const { words, anchor } = claimWords(ctx, f, a.id);
      if ((f.contradictedBy ?? []).includes(a.id)) {
        return html`<td class="against"><span class="stance">says otherwise</span> ${words ? link(anchor, words.text, "ev", ctx.base) : ""}</td>`;
      }
      if (f.sources.includes(a.id)) {
        return html`<td class="support"><span class="stance">supports</span> ${words ? link(anchor, words.text, "ev", ctx.base) : link(ctx.spans.article(a.id), "in the article", undefined, ctx.base)}</td>`;
      }
      return html`<td class="silent"><span class="stance">silent</span></td>`;
    });
    const badge =
      f.kind === "disputed"
        ? html`<span class="badge bad">disputed</span>`
        : f.kind === "corroborated"
          ? html`<span class="badge good">${plural(f.sources.length, "outlet")}</span>`
          : html`<span class="badge">one outlet</span>`;
    return html`<tr id="fact-${f.id}" class="${f.kind}"><th scope="row" class="claim">${f.text} ${badge}</th>${cells}</tr>`;
  });
  // The words of the claims not in this table are marked all the same: the full list links to them.
  for (const f of [...facts.slice(0, offset), ...facts.slice(end)]) for (const a of articles) claimWords(ctx, f, a.id);
  const disputed = facts.filter((f) => f.kind === "disputed").length;
  const shown =
    end - offset < facts.length && allHref !== undefined
      ? html` The ${end - offset} shown here come first: disputed, then the most widely reported. <a class="all-claims" href="${allHref}">All ${plural(facts.length, "claim")}</a>, those one outlet alone makes included.`
      : "";
  return html`<p class="lede">${plural(facts.length, "claim")}, ${disputed} disputed. Each column is one outlet's account: the words it gives for the claim (linked to the article), the words it gives against it, or silence.${shown}</p>
<div class="scroll boxed" tabindex="0" role="region" aria-label="Accounts by claim, scrollable"><table class="claims">${head}<tbody>${rows}</tbody></table></div>`;
}

/** What the claims page shows: the story page it belongs to, the outlets, and where its page of rows starts. */
export interface ClaimsPageOptions {
  /** The story page's address, which the words link to. */
  storyHref: string;
  /** As on the story page: outlet names whose articles and findings are shown; empty or absent: all. */
  outlets?: readonly string[];
  /** The first row shown, from 0; default 0. Pages are {@link CLAIMS_PER_PAGE} rows. */
  offset?: number;
}

/**
 * Every claim of a story aligned across its outlets, a page of {@link CLAIMS_PER_PAGE} rows at a time: the
 * full table of which a story page shows the first rows. Words link to where the story page (with the same
 * outlets) marks them.
 *
 * @example renderClaimsPage(report, { storyHref: "/stories/7", offset: 100 })
 */
export function renderClaimsPage(untrusted: StoryReport, options: ClaimsPageOptions): string {
  const report = withoutBidiControls(untrusted);
  const wantedOutlets = new Set(options.outlets ?? []);
  // The same articles in the same order as the story page with these outlets: the anchors are the same.
  const articles = report.articles.filter((a) => wantedOutlets.size === 0 || wantedOutlets.has(outletOf(a)));
  const storyHref = withOutlets(options.storyHref, wantedOutlets);
  const ctx: Context = {
    report,
    base: storyHref,
    spans: new SpanRegistry(articles),
    label: articleLabels(report),
    shown: new Set(articles.map((a) => a.id)),
    entityName: new Map(report.entities.map((e) => [e.id, e.name])),
  };
  const total = orderedClaims(ctx).length;
  const offset = Math.max(0, Math.min(options.offset ?? 0, Math.max(0, total - 1)));
  const table = renderClaims(ctx, { limit: CLAIMS_PER_PAGE, offset });
  const pageAt = (at: number) => {
    const query = [...wantedOutlets].map((o) => `outlet=${encodeURIComponent(o)}`);
    if (at > 0) query.push(`offset=${at}`);
    return query.length > 0 ? `?${query.join("&")}` : "?";
  };
  const pager =
    total > CLAIMS_PER_PAGE
      ? html`<nav class="pager" aria-label="Pages of claims">${offset > 0 ? html`<a rel="prev" href="${pageAt(Math.max(0, offset - CLAIMS_PER_PAGE))}">Previous ${CLAIMS_PER_PAGE}</a> ` : ""}<span>Claims ${offset + 1} to ${Math.min(total, offset + CLAIMS_PER_PAGE)} of ${total}</span>${offset + CLAIMS_PER_PAGE < total ? html` <a rel="next" href="${pageAt(offset + CLAIMS_PER_PAGE)}">Next ${CLAIMS_PER_PAGE}</a>` : ""}</nav>`
      : "";
  const { story } = report;
  const title = story.title || story.id;
  return renderLayout({
    title: `Claims: ${title}`,
    heading: title,
    subheading: html`Every claim, aligned across the outlets · <a href="${storyHref}">back to the story</a>`,
    body: table
      ? html`<section id="claims" aria-labelledby="claims-h"><h2 id="claims-h">Accounts by claim</h2>${table}${pager}</section>`
      : html`<p>No claim of this story involves the outlets chosen. <a href="${storyHref}">Back to the story</a></p>`,
  });
}

function renderDiscrepancies(ctx: Context): SafeHtml | undefined {
  const list = ctx.report.discrepancies.filter((d) =>
    involves(
      ctx,
      d.values.map((v) => v.article),
    ),
  );
  if (list.length === 0) return undefined;
  return html`${list.map((d) => {
    const verdict =
      d.compatible === undefined
        ? ""
        : d.compatible
          ? html`<span class="badge good">compatible</span>`
          : html`<span class="badge bad">incompatible</span>`;
    const sides = d.values.map((v) => {
      const anchor = ctx.spans.at(v.article, v, v.evidence, "value");
      // The value's own words are marked inside the sentence, so that each side's words stand out in its article.
      const at = v.value ? v.evidence.toLowerCase().indexOf(v.value.toLowerCase()) : -1;
      if (v.start !== undefined && at >= 0) {
        const start = v.start + at;
        ctx.spans.span(v.article, start, start + v.value.length, v.evidence.slice(at, at + v.value.length), "disputed");
      }
      return html`<li><strong>${label(ctx, v.article)}</strong> says <span class="value">${v.value}</span>: ${link(anchor, highlight(v.evidence, v.value), "ev")}</li>`;
    });
    const explanation = withLabels(
      d.explanation,
      d.values.map((v) => v.article),
      ctx,
    );
    return html`<div class="card discrepancy" id="disc-${d.id}"><h3><span class="badge warn">${d.kind}</span> ${d.about} ${verdict}</h3>
<p>${explanation}</p><ul class="sides">${sides}</ul></div>`;
  })}`;
}

/**
 * A finding's explanation, written with article ids, with each of `articles` named as the page names it:
 * {@link namesInText} with the page's names.
 */
export function withLabels(text: string, articles: readonly string[], ctx: Pick<Context, "label">): string {
  return namesInText(text, articles, (id) => label(ctx, id));
}

function highlight(words: string, value: string): SafeHtml {
  const at = value ? words.toLowerCase().indexOf(value.toLowerCase()) : -1;
  if (at < 0) return html`${words}`;
  return html`${words.slice(0, at)}<strong>${words.slice(at, at + value.length)}</strong>${words.slice(at + value.length)}`;
}

/** A comma or period closing a quotation belongs to the quoting sentence, not to the words compared. */
const CLOSING_PUNCTUATION = /[\s,.;:]+$/;

/**
 * A quotation's words without the comma (or colon, semicolon) that hands it back to the quoting sentence
 * ("… a guess," she said): that mark is the writer's, a full stop may be the speaker's.
 */
export function withoutClosing(text: string): string {
  return text.replace(/[\s,;:]+$/, "");
}

function renderDiff(base: string, text: string): SafeHtml {
  const closing = text.match(CLOSING_PUNCTUATION)?.[0] ?? "";
  const runs = diffWords(base.replace(CLOSING_PUNCTUATION, ""), text.slice(0, text.length - closing.length));
  return html`${runs.map((r) =>
    r.op === "equal" ? html`${r.text}` : r.op === "insert" ? html`<ins>${r.text}</ins>` : html`<del>${r.text}</del>`,
  )}${closing}`;
}

function renderQuotes(ctx: Context): SafeHtml | undefined {
  const quotes = ctx.report.quotes.filter((q) =>
    involves(
      ctx,
      q.occurrences.map((o) => o.article),
    ),
  );
  const speech = renderSpeech(ctx);
  if (quotes.length === 0) return speech;
  return html`<p class="legend">Each rendering compared word by word with the fullest, earliest one: <ins>words it adds</ins>, <del>words it leaves out</del>.</p>${quotes.map(
    (q) => {
      const name = q.speaker.entity ? ctx.entityName.get(q.speaker.entity) : undefined;
      const entity = q.speaker.entity;
      const speaker = speakerHtml(q.speaker.description, entity ? name : undefined, (n) =>
        entity ? html`<a href="${entityPath(entity)}">${n}</a>` : html`${n}`,
      );
      const attribution = (o: (typeof q.occurrences)[number], anchor: string | undefined) =>
        html`<div class="attr">${o.attribution ? html`${o.attribution} · ` : ""}${link(anchor, "its words in the article")}</div>`;
      const [only] = q.occurrences;
      if (q.occurrences.length === 1 && only) {
        // Said in one article only: nothing to compare, so its words are given once, not beside themselves.
        const anchor = ctx.spans.span(only.article, only.start, only.end, only.text, "quote");
        return html`<div class="card" id="quote-${q.id}"><h3>${speaker}</h3><blockquote>${withoutClosing(only.text)}</blockquote><div><strong>${label(ctx, only.article)}</strong> <span class="badge fid-${only.fidelity}">${only.fidelity}</span></div>${attribution(only, anchor)}</div>`;
      }
      const renderings = q.occurrences
        .filter((o) => ctx.shown.has(o.article))
        .map((o) => {
          const anchor = ctx.spans.span(o.article, o.start, o.end, o.text, "quote");
          return html`<div class="rendering"><div><strong>${label(ctx, o.article)}</strong> <span class="badge fid-${o.fidelity}">${o.fidelity}</span></div>
<p class="said">${renderDiff(q.text, o.text)}</p>${attribution(o, anchor)}</div>`;
        });
      return html`<div class="card" id="quote-${q.id}"><h3>${speaker}</h3><blockquote>${withoutClosing(q.text)}</blockquote><div class="renderings">${renderings}</div></div>`;
    },
  )}${speech ?? ""}`;
}

/**
 * Reported speech, by speaker (an entity, else the words that describe them), in article order: what each
 * article says they said without quotation marks, linked to its words.
 */
function renderSpeech(ctx: Context): SafeHtml | undefined {
  const statements = (ctx.report.statements ?? []).filter((s) => ctx.shown.has(s.article));
  if (statements.length === 0) return undefined;
  const groups = bySpeaker(statements).map((list) => {
    const { entity, description } = (list[0] as ReportStatement).speaker;
    const name = entity ? ctx.entityName.get(entity) : undefined;
    const speaker =
      entity && name ? html`<a href="${entityPath(entity)}">${name}</a>` : html`${description || "unknown speaker"}`;
    const items = list.map((s) => {
      const anchor = ctx.spans.span(s.article, s.start, s.end, s.text, "speech");
      return html`<li>${link(anchor, s.text, "ev")} <span class="meta">${label(ctx, s.article)} · ${s.attribution}</span></li>`;
    });
    return html`<li><strong>${speaker}</strong><ul>${items}</ul></li>`;
  });
  return html`<h3 id="speech">Reported speech</h3><p class="legend">What the articles say was said, in their own words, without quotation marks.</p><ul class="speech">${groups}</ul>`;
}

function renderCertainty(ctx: Context): SafeHtml | undefined {
  const items = ctx.report.certainty.filter((c) => ctx.shown.has(c.article));
  if (items.length === 0) return undefined;
  const articles = ctx.report.articles.filter((a) => items.some((c) => c.article === a.id));
  const perOutlet = articles.map((a) => {
    const mine = items.filter((c) => c.article === a.id);
    return html`<tr><th scope="row">${articleLink(ctx, a.id)}</th>${LADDER.map((level) => html`<td class="num">${mine.filter((c) => c.level === level).length}</td>`)}<td class="num">${mine.filter((c) => c.overstated).length}</td></tr>`;
  });
  const flagged = items.filter((c) => c.overstated || c.headline);
  const list = flagged.map((c) => {
    const anchor = ctx.spans.at(c.article, c, c.claim, "claim");
    return html`<li><strong>${label(ctx, c.article)}</strong> ${c.headline ? html`<span class="badge info">headline</span>` : ""} ${c.overstated ? html`<span class="badge bad">overstated</span>` : ""} <span class="badge">${c.level}</span> ${link(anchor, c.claim, "ev")}</li>`;
  });
  return html`<div class="scroll" tabindex="0" role="region" aria-label="Certainty by outlet, scrollable"><table><caption>Statements by how firmly each outlet makes them</caption><thead><tr><th scope="col">Outlet</th>${LADDER.map((l) => html`<th scope="col">${l}</th>`)}<th scope="col">overstated</th></tr></thead><tbody>${perOutlet}</tbody></table></div>${flagged.length > 0 ? html`<h3>Headlines and overstated claims</h3><ul class="flagged">${list}</ul>` : ""}`;
}

function renderProvenance(ctx: Context): SafeHtml | undefined {
  const { origin, citations, reuse } = ctx.report.provenance;
  const cites = citations.filter((c) => ctx.shown.has(c.article));
  const reused = reuse.filter((r) => ctx.shown.has(r.from) || ctx.shown.has(r.to));
  const copies = copiesOf(ctx);
  if (!origin && cites.length === 0 && reused.length === 0 && copies.length === 0) return undefined;
  const originPart = origin
    ? html`<p><strong>Origin:</strong> ${origin.name}${origin.article ? html`, its own report: ${articleLink(ctx, origin.article)}` : ""}</p>`
    : "";
  // One drawing of who took from whom: articles that reused another's text, and the sources they cite.
  const involved = new Set([
    ...reused.flatMap((r) => [r.from, r.to]),
    ...cites.map((c) => c.article),
    ...copies.map((c) => c.article),
  ]);
  const nodes: GraphNode[] = ctx.report.articles
    .filter((a) => involved.has(a.id))
    .map((a) => ({ id: `article:${a.id}`, label: label(ctx, a.id) }));
  const cited = [...new Set(cites.map((c) => c.cites))];
  for (const name of cited) nodes.push({ id: `source:${name}`, label: name });
  copies.forEach((c, i) => {
    nodes.push({ id: `copy:${i}`, label: nameArticle(c.copy) });
  });
  const edges: GraphEdge[] = [
    ...reused.map((r) => ({
      from: `article:${r.from}`,
      to: `article:${r.to}`,
      label: `reused ${percent(r.sharedFraction)}`,
    })),
    ...copies.map((c, i) => ({ from: `article:${c.article}`, to: `copy:${i}`, label: "copied" })),
    ...[...new Set(cites.map((c) => JSON.stringify([c.article, c.cites])))].map((pair) => {
      const [article, name] = JSON.parse(pair) as [string, string];
      return { from: `article:${article}`, to: `source:${name}`, label: "cites" };
    }),
  ];
  const graph =
    edges.length > 0
      ? renderGraphSvg(nodes, edges, {
          title: "Who reused or copied whose text, and whom each article cites",
          idPrefix: "prov",
        })
      : "";
  let copyPart: SafeHtml | string = "";
  if (copies.length > 0) {
    const byOriginal = new Map<string, ReportCopy[]>();
    for (const c of copies) byOriginal.set(c.article, [...(byOriginal.get(c.article) ?? []), c]);
    copyPart = html`<h3>Copies (the same text run again)</h3><p class="legend">Stored with this story and counted in the story list, not compared again: a copy is one voice with the article it copies.</p><ul class="copies">${[
      ...byOriginal,
    ].map(
      ([article, list]) =>
        html`<li>${articleLink(ctx, article)} was run again by ${list.map((c, k) => html`${k > 0 ? (k === list.length - 1 ? " and " : ", ") : ""}${copyLink(c.copy)}`)}</li>`,
    )}</ul>`;
  }
  let reusePart: SafeHtml | string = "";
  if (reused.length > 0) {
    reusePart = html`<h3>Who reused whose text (earlier → later)</h3><ul class="reuse">${reused.map(
      (r) =>
        html`<li>${articleLink(ctx, r.from)} → ${articleLink(ctx, r.to)}: ${percent(r.sharedFraction)} of the later text shared, ${plural(r.passages, "passage")}${renderPassages(ctx, r)}</li>`,
    )}</ul>`;
  }
  const citePart =
    cites.length === 0
      ? ""
      : html`<h3>Sources cited</h3><ul>${cites.map(
          (c) =>
            html`<li><strong>${label(ctx, c.article)}</strong> cites ${c.cites}: ${link(ctx.spans.at(c.article, c, c.evidence, "citation"), highlight(c.evidence, c.cites), "ev")}</li>`,
        )}</ul>`;
  return html`${originPart}${graph}${copyPart}${reusePart}${citePart}`;
}

/** Characters of a shared passage quoted in the list of passages; the link leads to the whole of it. */
const PASSAGE_EXCERPT = 160;

/** The words of a passage as its link shows them: whole, or cut at a word with an ellipsis. */
export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= PASSAGE_EXCERPT) return flat;
  const cut = flat.slice(0, PASSAGE_EXCERPT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), PASSAGE_EXCERPT / 2))}…`;
}

/**
 * The passages two articles share, each linked to its words in the later article and in the earlier one,
 * both marked in the articles below; nothing for a report made before passages had words.
 */
function renderPassages(ctx: Context, r: StoryReport["provenance"]["reuse"][number]): SafeHtml | string {
  const passages = r.evidence ?? [];
  if (passages.length === 0) return "";
  return html`<ol class="passages">${passages.map((p) => {
    const later = ctx.spans.span(p.to.article, p.to.start, p.to.end, p.to.text, "reuse");
    const earlier = ctx.spans.span(p.from.article, p.from.start, p.from.end, p.from.text, "reuse");
    return html`<li>${link(later, excerpt(p.to.text), "ev")} <span class="meta">· ${link(earlier, `the same words in ${label(ctx, p.from.article)}`)}</span></li>`;
  })}</ol>`;
}

/** The report's copies of the articles shown. */
function copiesOf(ctx: Pick<Context, "report" | "shown">): ReportCopy[] {
  return (ctx.report.provenance.copies ?? []).filter((c) => ctx.shown.has(c.article));
}

/** A copy named, with its date, linked to its stored text when the report says where that is. */
function copyLink(copy: ReportCopy["copy"]): SafeHtml {
  const name = nameArticle(copy);
  const day = copy.published ? html` <span class="meta">(${dayOf(copy.published) ?? copy.published})</span>` : "";
  return copy.storeId === undefined
    ? html`<strong>${name}</strong>${day}`
    : html`<a href="${articlePath(copy.storeId)}">${name}</a>${day}`;
}

function percent(v: number): string {
  return `${Math.round((Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0) * 100)}%`;
}

function renderRelations(ctx: Context): SafeHtml | undefined {
  const relations = ctx.report.relations.filter((r) => involves(ctx, r.sources));
  if (relations.length === 0) return undefined;
  const degree = new Map<string, number>();
  for (const r of relations) {
    degree.set(r.subject, (degree.get(r.subject) ?? 0) + 1);
    degree.set(r.object, (degree.get(r.object) ?? 0) + 1);
  }
  const nameOf = (id: string) => ctx.entityName.get(id) ?? id;
  const nodes: GraphNode[] = [...degree.keys()]
    .sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || nameOf(a).localeCompare(nameOf(b)))
    .map((id) => ({ id, label: nameOf(id) }));
  const rows = relations.map((r) => {
    const span = r.evidenceSpans?.find((e) => ctx.shown.has(e.article));
    const home = span?.article ?? r.sources.find((a) => ctx.shown.has(a));
    const words = span?.text ?? r.evidence[0];
    const anchor = span
      ? ctx.spans.span(span.article, span.start, span.end, span.text, "relation")
      : home && ctx.spans.article(home);
    return html`<li><a href="${entityPath(r.subject)}">${nameOf(r.subject)}</a> <em>${r.predicate}</em> <a href="${entityPath(r.object)}">${nameOf(r.object)}</a> ${words ? html`(${link(anchor, "its words", "ev")}, ${r.sources.map((a, k) => html`${k > 0 ? ", " : ""}${label(ctx, a)}`)})` : ""}</li>`;
  });
  const more =
    nodes.length > MAX_GRAPH_NODES
      ? html`<p class="lede">The ${MAX_GRAPH_NODES} most connected of ${nodes.length} actors are drawn.</p>`
      : "";
  return html`${renderGraphSvg(
    nodes,
    relations.map((r) => ({ from: r.subject, to: r.object, label: r.predicate })),
    { title: "Actors and their relations", idPrefix: "actors" },
  )}${more}<ul class="relations">${rows}</ul>`;
}

/** An entity id as an anchor fragment: letters, digits and hyphens only. */
function slug(id: string): string {
  return id.replace(/[^A-Za-z0-9-]+/g, "-");
}

function renderTimeline(ctx: Context): SafeHtml | undefined {
  const events = ctx.report.timeline
    .filter((t) => involves(ctx, t.sources))
    .map((t, i) => ({ t, i }))
    .sort((x, y) => (x.t.date < y.t.date ? -1 : x.t.date > y.t.date ? 1 : x.i - y.i));
  if (events.length === 0) return undefined;
  return html`<ol class="timeline">${events.map(
    ({ t }) =>
      html`<li><time datetime="${t.date}">${t.date}</time>${t.text} ${cite(ctx, t.sources, t.evidence, "event")}</li>`,
  )}</ol>`;
}

function renderEntities(ctx: Context): SafeHtml | undefined {
  const entities = ctx.report.entities
    .map((e) => ({ e, mentions: e.mentions.filter((m) => ctx.shown.has(m.article)) }))
    .filter((x) => x.mentions.length > 0)
    .sort((x, y) => y.mentions.length - x.mentions.length || x.e.name.localeCompare(y.e.name));
  if (entities.length === 0) return undefined;
  return html`<ul class="entities">${entities.map(({ e, mentions }) => {
    const first = mentions[0];
    const anchor = first ? ctx.spans.span(first.article, first.start, first.end, first.text, "mention") : undefined;
    return html`<li id="ent-${slug(e.id)}"><a href="${entityPath(e.id)}">${e.name}</a> <span class="badge">${e.type}</span> ${plural(mentions.length, "mention")}${e.aliases.length > 0 ? html` <span class="aliases">also ${e.aliases.join(", ")}</span>` : ""} ${link(anchor, "first mention", "ev")}</li>`;
  })}</ul>`;
}

function renderArticles(ctx: Context): SafeHtml | undefined {
  const articles = ctx.report.articles.filter((a) => ctx.shown.has(a.id));
  if (articles.length === 0) return undefined;
  return html`<p class="legend">Each account once: a copy of another article (a story another outlet ran again word for word) is not compared again, though the story list counts it.</p><p class="legend">Links from the findings land on the words here: <span class="mark k-fact">claim</span> <span class="mark k-value">statement in dispute</span> <span class="mark k-disputed">its disputed words</span> <span class="mark k-quote">quotation</span> <span class="mark k-speech">reported speech</span> <span class="mark k-mention">entity mention</span> <span class="mark k-reuse">text shared with another article</span></p><div class="article-grid">${articles.map(
    (a) => {
      const index = ctx.report.articles.indexOf(a);
      const marked = renderMarkedText(a.text, ctx.spans.marks(articles.indexOf(a)));
      const meta = [a.published, a.author ? `by ${a.author}` : undefined, `${a.wordCount} words`]
        .filter(Boolean)
        .join(" · ");
      const source = /^https?:\/\//i.test(a.source)
        ? html`<a href="${a.source}" rel="noopener noreferrer nofollow">source</a>`
        : html`${a.source}`;
      // Numbered as the names of an outlet's several articles and of articles without an outlet count them.
      const voice = voiceOf(a);
      const who = voice ? html`<a href="${outletPath(voice)}">${label(ctx, a.id)}</a>` : html`No outlet named`;
      const copies = (ctx.report.provenance.copies ?? []).filter((c) => c.article === a.id);
      const copied =
        copies.length > 0
          ? html`<p class="meta copied">Run again by ${copies.map((c, k) => html`${k > 0 ? ", " : ""}${copyLink(c.copy)}`)}</p>`
          : "";
      return html`<article class="source" id="${ctx.spans.article(a.id) ?? `art-${index}`}" aria-labelledby="art-h-${index}"><header><h3 id="art-h-${index}"><span class="article-number">${index + 1}.</span> ${who}${a.title ? html`: ${a.title}` : ""}</h3>
<p class="meta">${meta} · ${source}${a.storeId === undefined ? "" : html` · <a href="${articlePath(a.storeId)}">its own page</a>`}</p>${copied}</header><div class="article-text" tabindex="0" role="region" aria-label="${`Text of ${label(ctx, a.id)}`}">${trusted(marked.html)}</div></article>`;
    },
  )}</div>`;
}
