import { type DateOptions, dateFromUrl, findAllDates, findDate, parseDateValue } from "./dates.js";
import { descendants, type HtmlElement, type HtmlTree, textOf } from "./tree.js";

/** What a page says about itself in its markup. Everything is optional: absent when the page does not say. */
export interface PageMetadata {
  title?: string;
  /** The outlet or site name. */
  outlet?: string;
  authors: string[];
  /** ISO date or date-time of first publication. */
  published?: string;
  /** Where the date came from ("json-ld", "meta article:published_time", "url", ...), for diagnostics. */
  publishedFrom?: string;
  modified?: string;
  canonicalUrl?: string;
  /** BCP 47 primary language subtag as the page declares it ("en", "de"). */
  language?: string;
  /** og:type and JSON-LD @type values, lower-cased ("article", "newsarticle", "website"). */
  types: string[];
  description?: string;
  /** The article's full text as the page's JSON-LD gives it (`articleBody`), when it does. */
  articleBody?: string;
}

/** JSON-LD types whose fields describe the article itself rather than the site or a breadcrumb. */
const ARTICLE_TYPES =
  /^(?:\w*article|blogposting|posting|report|webpage|itempage|liveblogposting|creativework|socialmediaposting|discussionforumposting|review|recipe|videoobject|event|howto|qapage|faqpage)$/i;

/** Meta names and properties that carry the first publication date, most reliable first. */
const PUBLISHED_KEYS = [
  "article:published_time",
  "og:article:published_time",
  "og:published_time",
  "article:published",
  "datepublished",
  "publishdate",
  "publish-date",
  "publish_date",
  "publication_date",
  "publication-date",
  "pubdate",
  "date.published",
  "dc.date.issued",
  "dcterms.issued",
  "dc.date.created",
  "dcterms.created",
  "sailthru.date",
  "parsely-pub-date",
  "article.published",
  "article_date_original",
  "originalpublicationdate",
  "cxenseparse:recs:publishtime",
  "citation_publication_date",
  "citation_date",
  "dc.date",
  "dcterms.date",
  "date",
  "created",
  "og:pubdate",
  "displaydate",
  "release_date",
  "datecreated",
];

const MODIFIED_KEYS = [
  "article:modified_time",
  "og:updated_time",
  "datemodified",
  "dcterms.modified",
  "dc.date.modified",
  "last-modified",
  "lastmod",
  "revised",
];

const AUTHOR_KEYS = [
  "author",
  "article:author",
  "byl",
  "dc.creator",
  "dcterms.creator",
  "sailthru.author",
  "parsely-author",
  "citation_author",
  "twitter:creator",
];

const SITE_KEYS = ["og:site_name", "application-name", "al:ios:app_name", "publisher", "dc.publisher", "copyright"];

/** Class or id names of elements that show a post's date. */
const DATE_CLASS =
  /(?:^|[\s_-])(?:date|datum|time|timestamp|published|publish|posted|pubdate|dateline|entry-date|post-date|meta|byline|info|fecha|data)(?:$|[\s_-]|\w*)/i;

/** Class, id or rel markers of an author's name. */
const AUTHOR_CLASS = /(?:^|[\s_-])(?:author|byline|autor|auteur|writer|creator|by-line)(?:$|[\s_-])/i;

/** How many date-like elements are read before giving up on visible dates: the page header holds them. */
const MAX_DATE_ELEMENTS = 40;

/**
 * Reads the page's own statements about itself: JSON-LD, OpenGraph and other meta tags, `<time>` elements,
 * bylines, the canonical link, the declared language and the date in the URL.
 *
 * @example readPageMetadata(parseHtmlTree(html), "https://example.org/2025/04/08/story").published
 */
export function readPageMetadata(tree: HtmlTree, url?: string, options: DateOptions = {}): PageMetadata {
  const meta = new Map<string, string[]>();
  const put = (key: string, value: string) => {
    const k = key.toLowerCase().trim();
    const v = value.trim();
    if (!k || !v) return;
    const list = meta.get(k);
    if (list) list.push(v);
    else meta.set(k, [v]);
  };
  let htmlLang: string | undefined;
  let titleText: string | undefined;
  let canonical: string | undefined;
  const h1s: string[] = [];
  const timeElements: HtmlElement[] = [];
  const itemprops: { prop: string; element: HtmlElement }[] = [];
  const authorElements: HtmlElement[] = [];
  const dateElements: HtmlElement[] = [];

  for (const e of descendants(tree.root)) {
    const a = e.attrs;
    switch (e.tag) {
      case "html":
        htmlLang ??= a.lang ?? a["xml:lang"];
        break;
      case "title":
        titleText ??= textOf(e);
        break;
      case "meta": {
        const content = a.content ?? "";
        if (a.name) put(a.name, content);
        if (a.property) put(a.property, content);
        if (a.itemprop) put(a.itemprop, content);
        if (a["http-equiv"]) put(`http-equiv:${a["http-equiv"]}`, content);
        break;
      }
      case "link":
        if (/\bcanonical\b/i.test(a.rel ?? "") && a.href) canonical ??= a.href;
        if (/\bauthor\b/i.test(a.rel ?? "") && a.title) put("author", a.title);
        break;
      case "h1":
        if (h1s.length < 3) h1s.push(textOf(e));
        break;
      case "time":
        timeElements.push(e);
        break;
    }
    if (a.itemprop && e.tag !== "meta") itemprops.push({ prop: a.itemprop.toLowerCase(), element: e });
    const marker = `${a.class ?? ""} ${a.id ?? ""}`;
    if (marker.length > 1) {
      if (AUTHOR_CLASS.test(marker) || /\bauthor\b/i.test(a.rel ?? "")) authorElements.push(e);
      if (dateElements.length < MAX_DATE_ELEMENTS && DATE_CLASS.test(marker)) dateElements.push(e);
    } else if (/\bauthor\b/i.test(a.rel ?? "")) authorElements.push(e);
  }

  const ld = readJsonLd(tree.jsonLd);
  const first = (keys: string[]) => {
    for (const k of keys) {
      const v = meta.get(k)?.[0];
      if (v) return v;
    }
    return undefined;
  };

  const out: PageMetadata = { authors: [], types: [] };
  const ogType = meta.get("og:type")?.[0];
  if (ogType) out.types.push(ogType.toLowerCase());
  out.types.push(...ld.types);

  const outlet = ld.publisher ?? cleanSiteName(first(SITE_KEYS));
  if (outlet) out.outlet = outlet;

  const title = pickTitle(
    [ld.headline, first(["og:title", "twitter:title", "headline", "dc.title", "title"])],
    h1s,
    titleText,
    out.outlet,
  );
  if (title) out.title = title;

  const canonicalUrl = absolute(canonical ?? first(["og:url"]) ?? ld.url, url);
  if (canonicalUrl) out.canonicalUrl = canonicalUrl;

  const language =
    ld.language ?? htmlLang ?? first(["http-equiv:content-language", "language", "dc.language", "og:locale"]);
  const lang = language ? normaliseLanguage(language) : undefined;
  if (lang) out.language = lang;
  const dateOptions: DateOptions = { ...options, monthFirst: options.monthFirst ?? /^en-us/i.test(language ?? "") };

  const description = first(["og:description", "description", "twitter:description"]);
  if (description) out.description = description;

  const published = findPublished(
    ld,
    meta,
    itemprops,
    timeElements,
    dateElements,
    [url, canonicalUrl].filter((u): u is string => Boolean(u)),
    dateOptions,
  );
  if (published) {
    out.published = published.date;
    out.publishedFrom = published.from;
  }
  const modified =
    ld.modified ??
    firstDate(
      MODIFIED_KEYS.flatMap((k) => meta.get(k) ?? []),
      dateOptions,
    );
  if (modified) out.modified = parseDateValue(modified, dateOptions) ?? modified;

  out.authors = findAuthors(ld, meta, itemprops, authorElements);
  if (ld.body) out.articleBody = ld.body;
  return out;
}

interface JsonLdFacts {
  types: string[];
  headline?: string;
  published?: string;
  created?: string;
  modified?: string;
  authors: string[];
  publisher?: string;
  language?: string;
  url?: string;
  body?: string;
}

/** Reads the article object(s) of the page's JSON-LD; broken JSON is skipped, as browsers do. */
export function readJsonLd(blocks: string[]): JsonLdFacts {
  const facts: JsonLdFacts = { types: [], authors: [] };
  const objects: Record<string, unknown>[] = [];
  for (const block of blocks) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(block.replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)|(?:-->|\/\/\s*\]\]>)\s*$/g, ""));
    } catch {
      continue;
    }
    collectObjects(parsed, objects, 0);
  }
  for (const o of objects) {
    const types = asArray(o["@type"]).filter((t): t is string => typeof t === "string");
    for (const t of types) facts.types.push(t.toLowerCase());
    const isArticle = types.some((t) => ARTICLE_TYPES.test(t));
    if (!isArticle) {
      if (types.some((t) => /^(?:organization|newsmediaorganization|website)$/i.test(t)) && !facts.publisher) {
        const name = stringOf(o.name);
        if (name && types.some((t) => /organization/i.test(t))) facts.publisher = name;
      }
      continue;
    }
    const isWebPage = types.every((t) => /^(?:webpage|itempage|creativework)$/i.test(t));
    const headline = stringOf(o.headline) ?? (isWebPage ? undefined : stringOf(o.name));
    if (headline && (!facts.headline || !isWebPage)) facts.headline ??= headline;
    const published = stringOf(o.datePublished);
    if (published && (!facts.published || !isWebPage))
      facts.published = isWebPage ? (facts.published ?? published) : published;
    const created = stringOf(o.dateCreated);
    if (created) facts.created ??= created;
    const modified = stringOf(o.dateModified);
    if (modified) facts.modified ??= modified;
    if (!isWebPage || facts.authors.length === 0) {
      for (const a of asArray(o.author ?? o.creator)) {
        const name = typeof a === "string" ? a : isRecord(a) ? stringOf(a.name) : undefined;
        if (name && !facts.authors.includes(name)) facts.authors.push(name);
      }
    }
    const publisher = isRecord(o.publisher) ? stringOf(o.publisher.name) : stringOf(o.publisher);
    if (publisher) facts.publisher ??= publisher;
    const language = stringOf(o.inLanguage) ?? (isRecord(o.inLanguage) ? stringOf(o.inLanguage.name) : undefined);
    if (language) facts.language ??= language;
    const url = stringOf(o.url) ?? (isRecord(o.mainEntityOfPage) ? stringOf(o.mainEntityOfPage["@id"]) : undefined);
    if (url && !isWebPage) facts.url ??= url;
    const body = stringOf(o.articleBody);
    if (body && body.length > (facts.body?.length ?? 0)) facts.body = body;
  }
  return facts;
}

function collectObjects(value: unknown, out: Record<string, unknown>[], depth: number): void {
  if (depth > 6 || out.length > 100) return;
  if (Array.isArray(value)) {
    for (const v of value) collectObjects(v, out, depth + 1);
  } else if (isRecord(value)) {
    if ("@type" in value) out.push(value);
    if (Array.isArray(value["@graph"])) collectObjects(value["@graph"], out, depth + 1);
    if (isRecord(value.mainEntity)) collectObjects(value.mainEntity, out, depth + 1);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

function stringOf(v: unknown): string | undefined {
  if (typeof v === "string") return v.trim() || undefined;
  if (Array.isArray(v) && typeof v[0] === "string") return v[0].trim() || undefined;
  return undefined;
}

function findPublished(
  ld: JsonLdFacts,
  meta: Map<string, string[]>,
  itemprops: { prop: string; element: HtmlElement }[],
  timeElements: HtmlElement[],
  dateElements: HtmlElement[],
  urls: string[],
  options: DateOptions,
): { date: string; from: string } | undefined {
  const tryValue = (value: string | undefined, from: string) => {
    const date = value ? parseDateValue(value, options) : undefined;
    return date ? { date, from } : undefined;
  };
  const fromLd = tryValue(ld.published, "json-ld datePublished") ?? tryValue(ld.created, "json-ld dateCreated");
  if (fromLd) return fromLd;
  for (const key of PUBLISHED_KEYS) {
    for (const value of meta.get(key) ?? []) {
      const found = tryValue(value, `meta ${key}`);
      if (found) return found;
    }
  }
  for (const { prop, element } of itemprops) {
    if (prop !== "datepublished" && prop !== "datecreated") continue;
    const a = element.attrs;
    const found = tryValue(a.datetime ?? a.content ?? textOf(element), `itemprop ${prop}`);
    if (found) return found;
  }
  for (const e of timeElements) {
    if (e.attrs.pubdate === undefined && !/publish|entry-date|post-date/i.test(e.attrs.class ?? "")) continue;
    const found = tryValue(e.attrs.datetime ?? textOf(e), "time pubdate");
    if (found) return found;
  }
  for (const url of urls) {
    const date = dateFromUrl(url, options);
    if (date && date.length === 10) return { date, from: "url" };
  }
  for (const e of timeElements) {
    const found = tryValue(e.attrs.datetime ?? textOf(e), "time");
    if (found) return found;
  }
  for (const e of dateElements) {
    const a = e.attrs;
    const value = a.datetime ?? a.content ?? (e.tag === "abbr" ? a.title : undefined);
    const found = tryValue(value, "date element");
    if (found) return found;
    const text = textOf(e);
    if (text.length > 200) continue;
    const date = findDate(text, options);
    if (date) return { date: date.iso, from: "date element text" };
  }
  const partial = urls.map((u) => dateFromUrl(u, options)).find((d) => d);
  if (partial) return { date: partial, from: "url" };
  return undefined;
}

function firstDate(values: string[], options: DateOptions): string | undefined {
  for (const v of values) {
    const d = parseDateValue(v, options);
    if (d) return d;
  }
  return undefined;
}

/**
 * The date most often written in a page's text, for pages whose markup states none. A page's own date tends to
 * recur (header, footer, share box); the earliest wins a tie because later dates are comments and updates.
 */
export function mostFrequentDate(text: string, options: DateOptions = {}): string | undefined {
  const counts = new Map<string, number>();
  for (const d of findAllDates(text, options)) {
    const day = d.iso.slice(0, 10);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  let best: [string, number] | undefined;
  for (const [day, n] of counts) if (!best || n > best[1] || (n === best[1] && day < best[0])) best = [day, n];
  return best?.[0];
}

function findAuthors(
  ld: JsonLdFacts,
  meta: Map<string, string[]>,
  itemprops: { prop: string; element: HtmlElement }[],
  authorElements: HtmlElement[],
): string[] {
  const names: string[] = [];
  const add = (raw: string | undefined) => {
    for (const name of splitAuthors(raw ?? "")) {
      if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
    }
  };
  for (const a of ld.authors) add(a);
  if (names.length > 0) return names;
  for (const key of AUTHOR_KEYS) for (const v of meta.get(key) ?? []) add(v);
  if (names.length > 0) return names;
  for (const { prop, element } of itemprops) {
    if (prop !== "author" && prop !== "creator") continue;
    const nameEl = [...descendants(element)].find((d) => d.attrs.itemprop?.toLowerCase() === "name");
    add(nameEl ? (nameEl.attrs.content ?? textOf(nameEl)) : (element.attrs.content ?? textOf(element)));
  }
  if (names.length > 0) return names;
  for (const e of authorElements.slice(0, 5)) {
    const text = textOf(e);
    if (text.length > 0 && text.length <= 80) add(text);
    if (names.length > 0) break;
  }
  return names;
}

/** Lower-case words that belong inside names ("Ludwig van Beethoven", "Ana de la Cruz"). */
const NAME_PARTICLES = new Set([
  "van",
  "von",
  "der",
  "den",
  "de",
  "la",
  "le",
  "du",
  "da",
  "di",
  "del",
  "dos",
  "bin",
  "al",
  "el",
  "ter",
  "zu",
]);

/** Separators between two or more authors in one value. */
const AUTHOR_SPLIT = /\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|&|\|)\s*/i;
/** A byline's lead-in word, in the languages dates are read in. */
const BY = /^\s*(?:by|von|par|por|di|da|door|przez|autor(?:in)?|author|text|texte)\s*:?\s+/i;

/** Author names from a byline value; URLs, handles and sentences are not names. */
export function splitAuthors(raw: string): string[] {
  let value = raw.replace(/\s+/g, " ").trim();
  if (!value || /^https?:|www\.|\.(?:com|org|net)\b/i.test(value)) return [];
  value = value.replace(BY, "");
  value = value.replace(/\s*[|•·–—]\s*.*$/, "");
  const dated = findDate(value);
  if (dated) value = value.slice(0, dated.index).replace(/[\s,;:–—-]+(?:on|am|le|el|il|op)?\s*$/i, "");
  const out: string[] = [];
  for (const part of value.split(AUTHOR_SPLIT)) {
    const name = part.replace(BY, "").replace(/^[@\s]+|[\s.,:;]+$/g, "");
    const words = name.split(/\s+/).length;
    if (name.length < 2 || words > 5 || /\d|@|^(?:admin|editor|staff|redaktion|team)$/i.test(name)) continue;
    if (!name.split(/\s+/).every((w) => /^\p{Lu}/u.test(w) || NAME_PARTICLES.has(w))) continue;
    out.push(name);
  }
  return out;
}

/** Separators between a headline and the site name in `<title>`. */
const TITLE_SEPARATOR = /\s+[|–—:·•»-]\s+|\s+::\s+/;

function pickTitle(
  declared: (string | undefined)[],
  h1s: string[],
  titleText: string | undefined,
  outlet: string | undefined,
): string | undefined {
  const candidates = declared.filter((t): t is string => Boolean(t?.trim()));
  for (const c of candidates) {
    const clean = stripSiteName(c.replace(/\s+/g, " ").trim(), outlet);
    if (clean) return clean;
  }
  const title = titleText ? stripSiteName(titleText, outlet) : undefined;
  const h1 = h1s.find((h) => h.length > 0 && title && normalise(title).includes(normalise(h)));
  return h1 ?? title ?? h1s.find((h) => h.length > 0);
}

function stripSiteName(title: string, outlet: string | undefined): string {
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  const o = outlet ? normalise(outlet) : undefined;
  const last = parts[parts.length - 1] as string;
  const firstPart = parts[0] as string;
  if (o && normalise(last).includes(o)) return parts.slice(0, -1).join(" - ");
  if (o && normalise(firstPart).includes(o)) return parts.slice(1).join(" - ");
  const words = (s: string) => s.split(/\s+/).length;
  const head = parts.slice(0, -1).join(" - ");
  return words(last) <= 4 && words(head) >= words(last) + 2 ? head : title;
}

function cleanSiteName(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.replace(/^\s*(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?/i, "").trim();
  return v.length > 0 && v.length <= 80 && !/^https?:/i.test(v) ? v : undefined;
}

function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function absolute(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return /^https?:\/\//i.test(href) ? href : undefined;
  }
}

/** "en-US" -> "en", "de_DE" -> "de"; values that are no language tag are dropped. */
export function normaliseLanguage(value: string): string | undefined {
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*(?:[,;].*)?$/i.exec(value);
  return m?.[1]?.toLowerCase();
}
