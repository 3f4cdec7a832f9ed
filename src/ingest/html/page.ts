import { createRequire } from "node:module";
import type { Article, Diagnostic } from "../../model/index.js";
import { boilerplateRule } from "../boilerplate.js";
import { parseDateline } from "../dateline.js";
import { countWords } from "../words.js";
import { decodePage } from "./charset.js";
import { extractContent, type TextBlock } from "./content.js";
import { type DateOptions, findDate, parseDateValue } from "./dates.js";
import { fragmentText } from "./fragment.js";
import { mostFrequentDate, normaliseLanguage, readPageMetadata, splitAuthors } from "./metadata.js";
import { readWithReadability } from "./readability.js";
import { findFirst, parseHtmlTree, textOf } from "./tree.js";

/** tinyld takes about 250 ms to load; it is loaded on the first page whose language is asked (CommonJS build). */
const requireLazily = createRequire(import.meta.url);
let detect: ((text: string) => string) | undefined;
function tinyldDetect(text: string): string {
  detect ??= (requireLazily("tinyld") as typeof import("tinyld")).detect;
  return detect(text);
}

/** A page to extract: its bytes (any charset, gzip allowed) or its decoded HTML, and where it came from. */
export interface PageInput {
  bytes?: Uint8Array;
  html?: string;
  /** The article id to give the result (a file name without extension, a record number). */
  id: string;
  /** Where it was read from: a path, a URL, "file.warc.gz#12". */
  source: string;
  /** The page's own URL, when known: dates and the outlet may be read from it. */
  url?: string;
  /** The HTTP Content-Type, whose charset wins over the page's own declaration. */
  contentType?: string;
}

/** Options for {@link extractPage}. */
export interface PageOptions {
  /**
   * When to ask @mozilla/readability: "fallback" (default) when the page's structure yields little prose,
   * "always" to take its text whenever it has any, "never" to use the structural extractor alone.
   */
  readability?: "fallback" | "always" | "never";
  /** Dates after this are not publication dates. Default: tomorrow. */
  latest?: Date;
}

/** A page that holds an article. */
export interface ArticlePage {
  kind: "article";
  article: Article;
  /** The page's canonical URL, else the URL it was read from. */
  url?: string;
  /** ISO 639-1 language code, as declared by the page or detected from its text. */
  language?: string;
  /** Which extractor produced the text: the page's structure, Readability, or the JSON-LD `articleBody`. */
  extractor: "structure" | "readability" | "json-ld";
}

/** A page that is not an article, with the reasons, and what text there was. */
export interface NotArticle {
  kind: "not-article";
  id: string;
  source: string;
  url?: string;
  title?: string;
  language?: string;
  published?: string;
  /** The main text found, for inspection; too little or too scattered to be an article. */
  text: string;
  reasons: string[];
}

/** The outcome of extracting one page. */
export type PageExtraction = ArticlePage | NotArticle;

/** Fewer words of main text than this and the page is no article (a news brief has about 80). */
export const MIN_ARTICLE_WORDS = 40;
/**
 * When the structural extractor finds fewer prose characters than this, Readability is asked too: a short
 * result is where either may have missed the article.
 */
export const READABILITY_BELOW_PROSE = 300;
/** Readability's text replaces ours only when this much longer: on equal terms ours is the more precise. */
const READABILITY_GAIN = 1.3;
/**
 * The JSON-LD `articleBody` replaces the extracted text only when this much longer: pages that render their
 * text from scripts carry it there, while on other pages it may be a teaser or hold the captions.
 */
const ARTICLE_BODY_GAIN = 2;
/** A page whose text is mostly link text, with little main text, is an index or a link list. */
const LINK_PAGE_DENSITY = 0.55;
/** Main text this short on a link-dense page or an error page is no article. */
const SHORT_PAGE_WORDS = 150;
/** Characters of main text the language detector reads: enough for a reliable guess, cheap. */
const LANGUAGE_SAMPLE = 1500;

/** Titles of error pages: a status code or "page not found" at the start, not a headline about an error. */
const ERROR_TITLE =
  /^\W*(?:(?:error|fehler|erreur)\s*)?(?:404|403|410|500|503)\b|^\W*(?:page|seite|página|pagina)\s+(?:not found|nicht gefunden|introuvable|no encontrada|non trovata)|^\W*(?:not found|access denied|forbidden)\b/i;
/**
 * Boilerplate rules are tested on lines up to this long: furniture is short, and a long paragraph that
 * mentions a subscription or "our" readers is reporting.
 */
const BOILERPLATE_MAX_WORDS = 40;
const BYLINE_LINE = /^(?:by|von|par|por|di|door|przez)\s+\p{Lu}/iu;
const BYLINE_MAX_WORDS = 10;
/** Blocks read below and above the headline for a date: the date line sits within a few blocks of it. */
const DATE_BLOCKS_BELOW = 12;
const DATE_BLOCKS_ABOVE = 3;
/** Longer blocks are paragraphs, whose dates are events, not the page's date. */
const DATE_BLOCK_MAX_CHARS = 200;
/** A block is a date line when, besides the date, it has at most this many words ("Updated:", a weekday, a name). */
const DATE_LINE_OTHER_WORDS = 6;
const DATE_LINE_MAX_WORDS = 12;
/**
 * Lines announcing other pages' content, by language (in the languages dates are read in). Each phrase must
 * start the line and end at a word boundary.
 */
const TAIL_PHRASES = [
  // English
  "related(?: articles| stories| posts| content| news| topics| links| reading)?|more (?:on this|stories|from|news|articles|like this)|read (?:more|next|also)|also read|see also|further reading|explore further|you (?:may|might) also (?:like|be interested)|recommended(?: for you| reading)?|about the author|don't miss",
  // German
  "(?:das|dies|das thema) könnte (?:dich|sie) auch interessieren|sie könnten auch|auch interessant|mehr zum thema|mehr (?:dazu|aus|zum|themen)|weitere (?:artikel|beiträge|themen|nachrichten)|weiterführende (?:informationen|links|artikel)|ähnliche (?:beiträge|artikel)|verwandte (?:artikel|beiträge|themen\\w*)|empfohlene (?:beiträge|artikel)|über den autor|zum autor|lesen sie auch|(?:zum )?weiterlesen|siehe auch|schon gelesen|lust auf mehr|entdecke weitere|top.?themen",
  // French
  "(?:à )?lire aussi|(?:à )?lire également|voir aussi|sur le même (?:sujet|thème)|dans la même rubrique|en savoir plus",
  // Spanish, Portuguese, Italian, Dutch, Polish
  "leer más|lee también|te puede interesar|(?:noticias|contenidos?|artículos) relacionad[oa]s|contenido relacionado|veja também|leia também|leia mais|ti potrebbe interessare|leggi anche|zie ook|lees ook|czytaj (?:też|także|więcej)|zobacz (?:też|także|również)",
];
const TAIL_MARKER = new RegExp(`^\\W*(?:${TAIL_PHRASES.join("|")})(?![\\p{L}\\p{N}])`, "iu");
/**
 * The heading of a readers' comment section, a line of its own. Comments may be longer than the article, so
 * this marker ends the text once some article has gone by, not half of the text.
 */
const COMMENTS_MARKER =
  /^\W*(?:\d+\s+)?(?:(?:reader|readers'?|user) )?(?:comments?|leave a (?:comment|reply)|post a comment|add (?:a|your) comment|have your say|(?:kommentare?|kommentar schreiben)|(?:commentaires?|laisser un commentaire|réagir)|(?:comentarios?|deja un comentario|deja una respuesta)|(?:commenti|lascia un commento)|(?:komentarze|skomentuj)|(?:reacties|reageer))(?:\s*\(\d+\))?\W*$/i;
/** Characters of text before a comment-section heading can end it. */
const COMMENTS_AFTER_CHARS = 200;
/** Tail markers count only this far into the text: earlier, such a line is a section of the article. */
const TAIL_AFTER_SHARE = 0.5;
/** A tail marker is a short line. */
const TAIL_MARKER_WORDS = 8;
/** Anywhere in the text, a line of at most this many words that is mostly a date is metadata. */
const DATE_ONLY_MAX_WORDS = 6;
/** Share of such a line's characters the date must cover. */
const DATE_ONLY_SHARE = 0.4;
/** Lines of a leading paragraph examined for metadata: a headline, a byline and a date line at most. */
const LEADING_LINES = 3;

/**
 * Extracts one web page: its main text (structure first, Readability on linkedom where that yields little),
 * metadata from markup, the URL and the text's dateline, boilerplate lines removed and listed. A page that
 * is not an article is reported with reasons.
 *
 * @example extractPage({ bytes: readFileSync("story.html"), id: "story", source: "story.html" })
 */
export function extractPage(input: PageInput, options: PageOptions = {}): PageExtraction {
  const diagnostics: Diagnostic[] = [];
  let html = input.html;
  if (html === undefined) {
    const decoded = decodePage(input.bytes ?? new Uint8Array(), {
      subject: input.source,
      ...(input.contentType ? { contentType: input.contentType } : {}),
    });
    html = decoded.html;
    if (decoded.truncated)
      diagnostics.push({ code: "PAGE_TRUNCATED", message: "page larger than the cap; its end was not read" });
  }
  const dateOptions: DateOptions = options.latest ? { latest: options.latest } : {};
  const tree = parseHtmlTree(html);
  if (tree.flattened)
    diagnostics.push({ code: "DEEP_MARKUP", message: "nesting too deep; the deepest elements were flattened" });
  const meta = readPageMetadata(tree, input.url, dateOptions);
  const content = extractContent(tree, meta.title ? { title: meta.title } : {});

  let paragraphs = content.paragraphs;
  let extractor: ArticlePage["extractor"] = "structure";
  const mode = options.readability ?? "fallback";
  const readability =
    mode === "always" || (mode === "fallback" && content.proseChars < READABILITY_BELOW_PROSE)
      ? readWithReadability(html)
      : undefined;
  if (readability) {
    const ours = charCount(paragraphs);
    const theirs = charCount(readability.paragraphs);
    if ((mode === "always" && theirs > 0) || theirs > ours * READABILITY_GAIN) {
      paragraphs = readability.paragraphs;
      extractor = "readability";
    }
  }

  const body = meta.articleBody ? bodyParagraphs(meta.articleBody) : [];
  if (body.length > 0 && charCount(body) > charCount(paragraphs) * ARTICLE_BODY_GAIN) {
    paragraphs = body;
    extractor = "json-ld";
  }

  const title = meta.title ?? readability?.title;
  const facts: { published?: string; author?: string } = {};
  const removedBoilerplate: string[] = [...content.removed.filter((line) => boilerplateRule(line) !== undefined)];
  const tail = tailStart(paragraphs);
  if (tail < paragraphs.length) removedBoilerplate.push(...paragraphs.slice(tail).filter((p) => p.length <= 200));
  const kept: string[] = [];
  let leading = true;
  for (const raw of paragraphs.slice(0, tail)) {
    let paragraph = raw;
    if (leading) {
      const rest = dropMetadataLines(paragraph, title, facts, dateOptions);
      if (rest === undefined) continue;
      paragraph = rest;
    }
    const lines = paragraph.split("\n").filter((line) => {
      if (isDateLine(line, dateOptions)) return false;
      if (countWords(line) > BOILERPLATE_MAX_WORDS || !boilerplateRule(line)) return true;
      removedBoilerplate.push(line);
      return false;
    });
    if (lines.length === 0) continue;
    leading = false;
    kept.push(lines.join("\n"));
  }
  const text = kept.join("\n\n");

  const url = meta.canonicalUrl ?? input.url;
  const near = dateNearTitle(content.blocks, title, dateOptions);
  let published = chooseDate(meta.published ?? facts.published, near);
  if (published && published === near?.iso && published !== meta.published) {
    diagnostics.push({ code: "DATE_NEAR_TITLE", message: "published date read beside the headline" });
  }
  if (!published && readability?.publishedTime) published = parseDateValue(readability.publishedTime, dateOptions);
  if (!published) {
    const body = findFirst(tree.root, "body") ?? tree.root;
    published = mostFrequentDate(textOf(body), dateOptions);
    if (published)
      diagnostics.push({ code: "DATE_GUESSED", message: "published date taken from the dates in the page's text" });
  }
  const author = meta.authors.length > 0 ? meta.authors.join(", ") : (facts.author ?? bylineOf(readability?.byline));
  const outlet = meta.outlet ?? readability?.siteName ?? hostOf(url);
  const language =
    meta.language ??
    (readability?.language ? normaliseLanguage(readability.language) : undefined) ??
    detectLanguage(text);

  const reasons = notArticleReasons(text, title, content.pageLinkDensity, meta.types);
  if (reasons.length > 0) {
    const page: NotArticle = { kind: "not-article", id: input.id, source: input.source, text, reasons };
    if (url) page.url = url;
    if (title) page.title = title;
    if (language) page.language = language;
    if (published) page.published = published;
    return page;
  }
  if (extractor === "readability") diagnostics.push({ code: "READABILITY", message: "main text from Readability" });
  if (extractor === "json-ld")
    diagnostics.push({ code: "JSON_LD_BODY", message: "main text from the page's JSON-LD articleBody" });

  const article: Article = { id: input.id, source: input.source, text, removedBoilerplate, diagnostics };
  if (outlet) article.outlet = outlet;
  if (title) article.title = title;
  if (published) article.published = published;
  if (author) article.author = author;
  const page: ArticlePage = { kind: "article", article, extractor };
  if (url) page.url = url;
  if (language) page.language = language;
  return page;
}

/**
 * Drops the metadata lines a page's text may start with (the headline repeated, a byline, a date line, a
 * dateline before the first sentence), noting the author and date they give. Undefined when nothing is left.
 */
function dropMetadataLines(
  paragraph: string,
  title: string | undefined,
  facts: { published?: string; author?: string },
  options: DateOptions,
): string | undefined {
  const kept: string[] = [];
  for (const [i, raw] of paragraph.split("\n").entries()) {
    let line = raw;
    if (kept.length > 0 || i > LEADING_LINES) {
      kept.push(line);
      continue;
    }
    const words = countWords(line);
    if (title && line.trim().toLowerCase() === title.trim().toLowerCase()) continue;
    if (words <= BYLINE_MAX_WORDS && BYLINE_LINE.test(line)) {
      const names = splitAuthors(line);
      if (names.length > 0) {
        facts.author ??= names.join(", ");
        continue;
      }
    }
    const date = words <= DATE_LINE_MAX_WORDS ? findDate(line, options) : undefined;
    if (date && (date.length >= line.length * 0.5 || !/[.!?]["'”’)]?\s*$/u.test(line))) {
      facts.published ??= date.iso;
      continue;
    }
    const dateline = parseDateline(line);
    if (dateline) {
      facts.published ??= dateline.date;
      line = line.slice(dateline.end).replace(/^\s*[-–—|:]?\s*/, "");
      if (!line) continue;
    }
    kept.push(line);
  }
  return kept.length > 0 ? kept.join("\n") : undefined;
}

/**
 * Where the article's tail of foreign material starts: a short line announcing related reading or the
 * author's biography, once most of the prose has gone by. Everything from there on belongs to other pages.
 */
function tailStart(paragraphs: string[]): number {
  const total = charCount(paragraphs);
  let seen = 0;
  for (const [i, p] of paragraphs.entries()) {
    if (countWords(p) <= TAIL_MARKER_WORDS) {
      if (seen >= total * TAIL_AFTER_SHARE && TAIL_MARKER.test(p)) return i;
      if (seen >= COMMENTS_AFTER_CHARS && COMMENTS_MARKER.test(p)) return i;
    }
    seen += p.length;
  }
  return paragraphs.length;
}

/** Labels that stand before a page's date ("Last modified:", "Aktualisiert am"), alone or with the date. */
const DATE_LABEL =
  /^\W*(?:last (?:modified|updated)|(?:updated|published|posted)(?: on)?|release date|date|(?:zuletzt )?aktualisiert(?: am)?|letzte änderung|veröffentlicht(?: am)?|erstellt(?: am)?|stand|datum|ultima modifica|(?:aggiornato|pubblicato)(?: il)?|(?:mis à jour|publié)(?: le)?|(?:actualizado|publicado)(?: el)?)(?![\p{L}\p{N}])\s*:?\s*/iu;
/** A reading-time line: "5 min read", "Lesezeit: 3 Minuten", "Temps de lecture : 4 min". */
const READING_TIME =
  /^\W*(?:(?:reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo di lettura)\W*(?:ca\.?\s*)?\d+(?:\s*[-–]\s*\d+)?\s*(?:min(?:ute)?s?|minuten|minutos?|minuti)\.?|\d+\s*(?:min(?:ute)?s?|minuten|minutos?|minuti)\.?\s+(?:read|lesezeit|lesen|de lecture|de lectura|di lettura))\W*$/iu;
/** A clock time alone, or an age ("2 months ago", "vor 3 Stunden"). */
const TIME_ONLY =
  /^\W*(?:\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|uhr|h))?|(?:\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?),?\s*)+ago|vor\s+\d+\s+(?:sekunden|minuten|stunden|tagen|wochen|monaten|jahren))\W*$/iu;

/**
 * A short line that is page metadata wherever it stands: mostly a date ("Published: 03.04.2020, 12:35"), a
 * date label with or without its date, a reading time, a clock time or an age.
 */
function isDateLine(line: string, options: DateOptions): boolean {
  if (countWords(line) > DATE_ONLY_MAX_WORDS) return false;
  if (READING_TIME.test(line) || TIME_ONLY.test(line)) return true;
  const label = DATE_LABEL.exec(line);
  const rest = label ? line.slice(label[0].length) : line;
  if (label && !/[\p{L}\p{N}]/u.test(rest)) return true;
  const date = findDate(rest, options);
  return date !== undefined && date.length >= rest.length * DATE_ONLY_SHARE;
}

/** A date shown beside the headline, and whether its block is a date line rather than a sentence. */
export interface HeadlineDate {
  iso: string;
  dateLine: boolean;
}

/**
 * The first date written just before or after the headline, where pages show it ("Posted on 8 April 2025
 * by ..."). Looks a few blocks above and some blocks below the first `<h1>` (or the block that repeats the
 * title).
 */
export function dateNearTitle(
  blocks: TextBlock[],
  title: string | undefined,
  options: DateOptions,
): HeadlineDate | undefined {
  const key = title?.toLowerCase();
  let at = blocks.findIndex((b) => b.heading === 1);
  if (at < 0 && key) at = blocks.findIndex((b) => b.text.length < 300 && b.text.toLowerCase().includes(key));
  if (at < 0) return undefined;
  const order: number[] = [];
  for (let i = at; i <= at + DATE_BLOCKS_BELOW && i < blocks.length; i++) order.push(i);
  for (let i = at - 1; i >= at - DATE_BLOCKS_ABOVE && i >= 0; i--) order.push(i);
  for (const i of order) {
    const block = blocks[i] as TextBlock;
    if (block.text.length > DATE_BLOCK_MAX_CHARS) continue;
    const found = findDate(block.text, options);
    if (!found) continue;
    const rest = block.text.slice(0, found.index) + block.text.slice(found.index + found.length);
    const otherWords = rest.match(/\p{L}{2,}/gu)?.length ?? 0;
    return { iso: found.iso, dateLine: otherWords <= DATE_LINE_OTHER_WORDS };
  }
  return undefined;
}

/**
 * The page's date: the markup's, unless the headline's date line says otherwise. Readers see the date line
 * (often the last update), and markup dates in UTC fall on the next or previous day in the outlet's own
 * time; a date line that only swaps day and month of the markup date is a misread of an ambiguous form.
 */
function chooseDate(markup: string | undefined, near: HeadlineDate | undefined): string | undefined {
  if (!near) return markup;
  if (!markup) return near.iso;
  const m = markup.slice(0, 10);
  const n = near.iso.slice(0, 10);
  if (m === n) return markup.length >= near.iso.length ? markup : near.iso;
  if (`${n.slice(0, 4)}-${n.slice(8, 10)}-${n.slice(5, 7)}` === m) return markup;
  const hours = Math.abs(Date.parse(m) - Date.parse(n)) / 3_600_000;
  return near.dateLine || hours <= 24 ? near.iso : markup;
}

function notArticleReasons(text: string, title: string | undefined, linkDensity: number, types: string[]): string[] {
  const reasons: string[] = [];
  const words = countWords(text);
  if (words < MIN_ARTICLE_WORDS) {
    reasons.push(`only ${words} words of main text, where an article has at least ${MIN_ARTICLE_WORDS}`);
  }
  if (words < SHORT_PAGE_WORDS && linkDensity > LINK_PAGE_DENSITY) {
    reasons.push(`mostly links: ${Math.round(linkDensity * 100)}% of the page's text is link text`);
  }
  if (words < SHORT_PAGE_WORDS && title && ERROR_TITLE.test(title)) reasons.push(`an error page: titled "${title}"`);
  const listing = types.find((t) => /^(?:collectionpage|searchresultspage|profilepage|product)$/.test(t));
  if (words < SHORT_PAGE_WORDS && listing) reasons.push(`the page declares itself a ${listing}`);
  return reasons;
}

/**
 * The paragraphs of a JSON-LD `articleBody`: plain text split at line breaks, or HTML read as a fragment
 * (some sites put markup in it).
 */
function bodyParagraphs(body: string): string[] {
  if (/<(?:p|br|div)\b/i.test(body)) return fragmentText(body).paragraphs;
  return body
    .split(/\s*\n\s*/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p.length > 0);
}

function charCount(paragraphs: string[]): number {
  let n = 0;
  for (const p of paragraphs) n += p.length;
  return n;
}

function bylineOf(byline: string | undefined): string | undefined {
  const names = splitAuthors(byline ?? "");
  return names.length > 0 ? names.join(", ") : undefined;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, "") || undefined;
  } catch {
    return undefined;
  }
}

function detectLanguage(text: string): string | undefined {
  if (text.length < 50) return undefined;
  const code = tinyldDetect(text.slice(0, LANGUAGE_SAMPLE));
  return code || undefined;
}
