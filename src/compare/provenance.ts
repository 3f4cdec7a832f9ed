import type {
  AnnotatedArticle,
  ArticleSpan,
  Entity,
  Mention,
  ProvenanceFinding,
  ResolvedStory,
  ReuseFinding,
  Token,
} from "../model/index.js";
import { isWord } from "../words/tokens.js";
import type { Unit } from "./units.js";
import { STOPWORDS } from "./words.js";

/**
 * How an article refers to a source: `interview` when it names the source as the one people spoke to ("told
 * AFP", "in an interview with AFP") — the words of the source's own report; `third-party` when it
 * relays the source's report ("AFP reported", "according to AFP", "told the newswire"); `statement` when a
 * body speaks in its own name ("the Interior Ministry said", "said a spokesman for the Port Authority");
 * `credit` when the article credits an agency with its text (a last line "AFP", a dateline "PARIS (AFP) -");
 * `self` when the source speaks of itself ("AFP could not independently verify").
 */
type CitationKind = "interview" | "third-party" | "statement" | "credit" | "self";

interface CitationHit {
  article: string;
  name: string;
  kind: CitationKind;
  evidence: string;
  /** Where the evidence is: the citing sentence or credit line, trimmed. */
  span: ArticleSpan;
  at: number;
}

/** Words that, after "told" and the like, introduce the source spoken to. */
const INTERVIEW_BEFORE_NAME =
  /(?<![\p{L}\p{N}])(?:told|tells|in an? (?:exclusive )?interview (?:with|to)|spoke to|speaking to|talking to|talked to|confirmed to|in (?:comments|remarks|a statement) to)\s+/giu;

/** "in a Harbor Wire interview": the outlet's name before the interview it gave; checked by `INTERVIEW_AFTER_NAME`. */
const INTERVIEW_AROUND_NAME = /(?<![\p{L}\p{N}])in an? (?=\p{Lu})/gu;
const INTERVIEW_AFTER_NAME = /^\s+(?:(?:TV|television|radio|podcast|exclusive|video)\s+)?interview(?![\p{L}\p{N}])/u;

/**
 * Words that, before a name, introduce a source whose report is relayed ("according to AFP", "an editorial in
 * the Sentinel", "a statement from the Port Authority").
 */
const THIRD_PARTY_BEFORE_NAME =
  /(?<![\p{L}\p{N}])(?:according to|(?:first )?reported by|cited by|quoted by|citing|an? (?:(?:new|separate|joint|brief|written) )?(?:report|story|article|op-ed|column|editorial|commentary|statement|press release|news release|notice|communiqu[eé]) (?:by|from|in|for|issued by|released by|published by))\s+/giu;

/**
 * Words that, before a name, give the publication a writer wrote in: "wrote in the Coast Herald". The name must
 * read as a publication: what one writes in is as often a language ("wrote in Arabic") or a place.
 */
const WRITTEN_IN_BEFORE_NAME = /(?<![\p{L}\p{N}])(?:wrote|writes|writing|written|published) (?:in|for)\s+/giu;

/** Words that, before a name, make the body the speaker of a statement: "said a spokeswoman for the Port Authority". */
const SPOKESPERSON_BEFORE_NAME =
  /(?<![\p{L}\p{N}])(?:an? |the )?(?:official )?(?:spokesman|spokeswoman|spokesperson|spokespeople|spokesmen|spokeswomen) (?:for|of|at)\s+/giu;

/** Words that, before a name, put a body as the speaker of what precedes: "..., said the Port Authority." */
const STATEMENT_BEFORE_NAME = /(?<![\p{L}\p{N}])(?:said|says|added|stated|announced)\s+(?=(?:the\s+)?\p{Lu})/gu;

/**
 * Nouns that may follow a source's name in apposition without making the name a modifier: "the Coast Herald
 * newspaper reported", "according to the Harbor Wire news agency".
 */
const SOURCE_NOUN =
  "(?:news agency|wire service|newswire|newspaper|daily|weekly|tabloid|broadcaster|news channel|television channel|channel|radio|television|website|magazine|agency)";
const SOURCE_NOUN_AFTER = new RegExp(`^\\s+${SOURCE_NOUN}(?![\\p{L}\\p{N}])`, "iu");

/** The ways a body issues what it says: "in a statement", "on its website", "in a press release". */
const STATEMENT_CHANNEL =
  "(?:in an? (?:(?:new|brief|written|joint|separate|short) )?(?:statement|press release|news release|communiqu[eé]|notice)|on its (?:official )?(?:website|account|page|channel))";

/** Words that, after a name, say the name published what is relayed ("AFP reported", "X said in a statement"). */
const THIRD_PARTY_AFTER_NAME = new RegExp(
  `^(?:\\s+${SOURCE_NOUN})?\\s*(?:['’]s?\\s+report\\b|,?\\s*(?:has |had |also |first |earlier |previously )?(?:reported|reports|quoted|(?:said|says|announced|wrote|posted) ${STATEMENT_CHANNEL}|cited)(?![\\p{L}\\p{N}]))`,
  "iu",
);

/** Words after a news outlet's name that relay its report: "the Post said", "the Times wrote", "the Mail headlined". */
const OUTLET_SAID = new RegExp(
  `^(?:\\s+${SOURCE_NOUN})?\\s*,?\\s*(?:has |had |also )?(?:said|says|stated|states|wrote|writes|added|noted|headlined|published|broadcast|aired)(?![\\p{L}\\p{N}])`,
  "iu",
);

/**
 * Words after the name of a body that make what precedes or follows its statement: "the Interior Ministry said",
 * "MOF has said". Only for bodies (`isBody`): a person who says something is a quotation's speaker.
 */
const BODY_SAID =
  /^\s*,?\s*(?:has |had |also |later |earlier |previously |then )?(?:said|says|stated|states|announced|announces|confirmed|confirms|added|adds|noted|notes|told reporters)(?![\p{L}\p{N}])/iu;

/** Words after a name by which a news organisation speaks of itself in its own report. */
const SELF_AFTER_NAME =
  /^\s*(?:could not|cannot|can ?not|was unable to|were unable to|has not been able to|have not been able to) (?:immediately |independently )*(?:verify|confirm)\b/iu;

/** Phrases by which an article shows it is original reporting, without naming itself. */
const SELF_ARTICLE =
  /(?<![\p{L}\p{N}])(?:for this (?:article|story|report)|told this (?:newspaper|reporter|outlet))\b/iu;

/**
 * "the ministry said", "said the agency": a body referred to by its head word, which names the nearest body
 * before it that has that word in its name ("the Ministry of Transport ... the ministry said").
 */
const GENERIC_BODY_SAID =
  /(?<![\p{L}\p{N}])(?:[Tt]he (ministry|department|agency|authority|commission|council|directorate|bureau|office|institute|foundation|corporation|court|police|army|palace) (?:also |later |earlier |then )?(?:said|says|stated|added|noted|announced|confirmed)|(?:said|says|added) the (ministry|department|agency|authority|commission|council|directorate|bureau|office|institute|foundation|corporation|court|police|army|palace)(?=\s*[.,;]))(?![\p{L}\p{N}])/gu;

/** Nouns that stand for a news report or outlet without naming it; resolved to the source the article cites most. */
const GENERIC_SOURCE =
  "report|newswire|wire service|news agency|newspaper|paper|outlet|broadcaster|publication|magazine";

/** Generic references to a relayed report: "according to the report", "the newswire said", "told the newswire". */
const GENERIC_THIRD_PARTY = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:according to (?:the|that|this) (?:${GENERIC_SOURCE})|the (?:${GENERIC_SOURCE})(?: also)? (?:said|says|stated|states|reported|reports|added|noted|cited|quoted)|told (?:the|that) (?:${GENERIC_SOURCE}))(?![\\p{L}\\p{N}])`,
  "giu",
);

/**
 * Head words that make a capitalised name a news outlet whatever type the mention detector gave it ("Meridian
 * Press"): the detector guesses types from shape, and a source must not be dropped because it was guessed to be
 * a person.
 */
const MEDIA_WORDS = new Set(
  (
    "press news newswire agency times post journal herald tribune gazette courier chronicle observer telegraph " +
    "guardian independent express mail mirror standard daily weekly monthly magazine review radio television tv " +
    "broadcasting broadcaster network channel media wire bulletin monitor examiner inquirer globe record dispatch " +
    "ledger register"
  ).split(" "),
);

/**
 * Head words of institutions other than news outlets ("Interior Ministry"). They can be cited ("according to the
 * Interior Ministry", "the Bank said in a statement"), but someone who "told the Agriculture Board" testified to
 * it: a report does not come from there.
 */
const INSTITUTION_WORDS = new Set(
  (
    "ministry department office authority authorities council commission committee bureau directorate institute " +
    "association union corporation company group inc ltd corp foundation organization organisation service " +
    "services bank court party board congress parliament senate assembly police army government house palace " +
    "chamber cabinet"
  ).split(" "),
);

/** Whether a name reads as a news outlet's: it has an outlet word ("the Post", "Meridian Press"). */
function isOutletName(run: string): boolean {
  return run.split(/\s+/u).some((w) => MEDIA_WORDS.has(w.toLowerCase().replace(/[.'’]/gu, "")));
}

/** One capitalised word: "AFP", "U.S.", "al-Marsa", "Agence France-Presse". */
const CAP_WORD = "[\\p{Lu}][\\p{L}\\p{M}\\p{N}'’.&-]*";
/** Lower-case words that may join the capitalised words of one name ("Times of Israel"). */
const NAME_JOINER = "(?:of|for|and|de|du|des|del|la|le|al|el|&)";
/** A number inside a name ("Channel 6 News", "Radio 4"); `trimRun` keeps it only after an outlet word. */
const NAME_NUMBER = "\\p{N}{1,3}(?![\\p{N}]|[,.]\\p{N})";
const NAME_AHEAD = new RegExp(
  `^(?:(the)\\s+)?(${CAP_WORD}(?:\\s+(?:(?:${NAME_JOINER}\\s+(?:the\\s+)?)?${CAP_WORD}|${NAME_NUMBER}))*)`,
  "u",
);

/** Fewer articles than this citing one source make no shared origin: one citation is just a citation. */
const MIN_ORIGIN_ARTICLES = 2;

/**
 * Evidence an article needs to be taken for the origin report itself: each sentence naming the source as the
 * one people told counts one, sharing passages with articles that cite the source one, the source speaking of
 * itself `SELF_EVIDENCE`. Two means more than the lone "told AFP" a rewrite keeps.
 */
const MIN_ORIGIN_EVIDENCE = 2;

/** A report speaking of itself ("could not independently verify", "for this article") is strong evidence alone. */
const SELF_EVIDENCE = 2;

/**
 * Words per shingle for text reuse. Five words survive light rewriting (a word changed every sixth word still
 * leaves a match), and with `MIN_SHINGLE_CONTENT` they are rarely shared by chance.
 */
export const SHINGLE_WORDS = 5;

/**
 * A shingle must have this many content words outside names: "at the end of the" is shared by everyone, and
 * so is a long name ("the Federation of Harbour and Dock Workers").
 */
const MIN_SHINGLE_CONTENT = 2;

/**
 * Matched words this many words apart or closer are one passage: a copy that swaps a word ("collapsed" for
 * "broke down") is still one reused passage.
 */
export const MAX_PASSAGE_GAP = 4;

/**
 * A pair of articles reuses text only if one passage is at least this many words long. Independent accounts of
 * one event share short runs of its vocabulary ("a fire at the container terminal", six words, between two
 * outlets of the example story that did not copy each other); a copied or lightly rewritten sentence keeps a
 * longer run.
 */
export const MIN_PASSAGE_WORDS = 7;

/**
 * And the passages of a pair must cover at least this many words together: one stock phrase ("leaving the
 * scene of an accident resulting in death", nine words, in crime reports that share no other run) is not
 * reuse, while a rewrite keeps several runs (fifteen words is two short sentences' worth).
 */
export const MIN_SHARED_WORDS = 15;

const NUMBER_WORDS = new Map(
  "one two three four five six seven eight nine ten eleven twelve".split(" ").map((w, i) => [w, String(i + 1)]),
);

/**
 * The provenance of a story: the outside sources each article cites, the origin report most of them cite (and
 * the article that is that report, if the story has it), and the passages articles share, with direction.
 *
 * @example provenanceOf(story, units).origin?.name
 */
export function provenanceOf(story: ResolvedStory, units: Unit[]): ProvenanceFinding {
  const memo = articleMemo();
  const unitsOf = new Map<string, Unit[]>();
  for (const u of units) {
    const list = unitsOf.get(u.article);
    if (list) list.push(u);
    else unitsOf.set(u.article, [u]);
  }
  const hits = story.articles.flatMap((a) => citationHits(a, unitsOf.get(a.article.id) ?? [], story, memo));
  // A credit line in capitals ("REUTERS") names the source another article spells as a name ("Reuters").
  const spelled = new Map<string, string>();
  for (const h of hits) if (h.kind !== "credit" || !spelled.has(fold(h.name))) spelled.set(fold(h.name), h.name);
  for (const h of hits) if (h.kind === "credit") h.name = spelled.get(fold(h.name)) ?? h.name;
  const selfArticles = new Set(
    story.articles.filter((a) => SELF_ARTICLE.test(memo.masked(a))).map((a) => a.article.id),
  );
  const shared = sharedPassages(story.articles, unitsOf, memo);
  const origin = originOf(story, hits, selfArticles, shared, memo);
  const citations = citationsOf(hits, story, origin);
  const reuse = shared
    .map((s) => directed(story, s, origin?.article, hits, memo))
    .sort((x, y) => y.sharedFraction - x.sharedFraction || x.from.localeCompare(y.from) || x.to.localeCompare(y.to));
  return { ...(origin ? { origin } : {}), citations, reuse };
}

/**
 * One citation per article and cited source, with the first sentence that cites it. An article never cites
 * itself: not the outlet its metadata names, and not the origin when it is the origin report ("told AFP" in
 * AFP's own story is its reporting, not a citation).
 */
function citationsOf(
  hits: CitationHit[],
  story: ResolvedStory,
  origin: ProvenanceFinding["origin"],
): ProvenanceFinding["citations"] {
  const outlets = new Map(story.articles.map((a) => [a.article.id, a.article.outlet && fold(a.article.outlet)]));
  const own = (h: CitationHit) => {
    const outlet = outlets.get(h.article);
    const name = fold(h.name);
    if (outlet && (name === outlet || name.startsWith(`${outlet} `) || outlet.startsWith(`${name} `))) return true;
    return origin?.article === h.article && origin.name === h.name;
  };
  const seen = new Set<string>();
  const out: ProvenanceFinding["citations"] = [];
  for (const h of hits) {
    if (h.kind === "self" || own(h)) continue;
    const key = `${h.article}\u0000${h.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ article: h.article, cites: h.name, evidence: h.span });
  }
  return out;
}

/** The span of `words`, which begin at `start` in the article, without their surrounding whitespace. */
function trimmedSpan(article: string, start: number, words: string): ArticleSpan {
  const from = start + words.length - words.trimStart().length;
  return { article, start: from, end: from + words.trim().length };
}

/** Where a capitalised word starts that a source's name may start with. */
const CAPITALISED = /[\p{Lu}][^\s]*(?=[\s,'’])/gu;

/** A comma, then the verb: the name before it ends an apposition, whose speaker came before it. */
const APPOSITION_CLOSED =
  /^\s*,\s*(?:has |had |also )?(?:said|says|reported|reports|stated|wrote|added|noted|announced|confirmed)\b/u;

/**
 * Calls `each` with the matches of a global pattern in `text`, in order, as `text.matchAll(pattern)` gives them,
 * without the copy of the pattern that `matchAll` makes on every call (this runs for every sentence of a story).
 * `each` must not use `pattern` itself.
 */
function eachMatch(pattern: RegExp, text: string, each: (m: RegExpExecArray) => void): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    // An empty match moves on by one character (a whole code point), as `matchAll` does.
    if (m[0] === "") pattern.lastIndex += (text.codePointAt(pattern.lastIndex) ?? 0) > 0xffff ? 2 : 1;
    each(m);
  }
  pattern.lastIndex = 0;
}

/**
 * Words of which a sentence has one wherever a capitalised name in it may be credited (`THIRD_PARTY_AFTER_NAME`,
 * `OUTLET_SAID`, `BODY_SAID`, `SELF_AFTER_NAME` each need one of them) and wherever `STATEMENT_BEFORE_NAME`,
 * `GENERIC_BODY_SAID` or `GENERIC_THIRD_PARTY` may match: a sentence without any is not run through those
 * patterns, which cost far more (this runs for every sentence of a story). Matched as they are, in any case.
 */
const SPEECH_CUE =
  /said|says|stated|states|announc|report|quoted|cited|wrote|writes|posted|added|adds|noted|notes|headlined|published|broadcast|aired|confirm|verify|told|according/iu;

/**
 * Words of which a sentence has one wherever `INTERVIEW_BEFORE_NAME`, `THIRD_PARTY_BEFORE_NAME` and
 * `SPOKESPERSON_BEFORE_NAME` may match (each of their phrases contains one, matched with the same flags): a
 * sentence without any is not run through the pattern, whose search costs several times more, the look-behind
 * before its many phrases being tried at every character.
 */
const INTERVIEW_CUE = /told|tells|interview|spoke|speaking|talking|talked|confirmed|comments|remarks|statement/iu;
const THIRD_PARTY_CUE =
  /according|report|cited|quoted|citing|story|article|op-ed|column|editorial|commentary|statement|release|notice|communiqu/iu;
const SPOKESPERSON_CUE = /spokes/iu;

/** Every reference of one article to an outside source, named or generic, in text order. */
function citationHits(a: AnnotatedArticle, units: Unit[], story: ResolvedStory, memo: ArticleMemo): CitationHit[] {
  const id = a.article.id;
  const text = memo.masked(a);
  const named: CitationHit[] = [];
  const generic: { kind: CitationKind; evidence: string; span: ArticleSpan; at: number }[] = [];
  for (const { sentence: s, text: original, headline } of units) {
    const sentence = text.slice(s.start, s.end);
    const evidence = original.trim();
    const span = trimmedSpan(id, s.start, original);
    const add = (at: number, name: string | undefined, kind: CitationKind) => {
      if (name) named.push({ article: id, name, kind, evidence, span, at: s.start + at });
    };
    // "Port to reopen on Monday: MPA": a headline that ends in a body's name after a colon gives its statement.
    const credited = headline ? HEADLINE_SOURCE.exec(sentence) : null;
    if (credited?.[1]) {
      const at = credited.index + credited[0].length - credited[1].length;
      const m = NAME_AHEAD.exec(credited[1]);
      if (m?.[0] === credited[1])
        add(at, sourceName(credited[1], false, s.start + at, "statement", a, story), "statement");
    }
    const cued = SPEECH_CUE.test(sentence);
    for (const [pattern, kind, needs] of [
      [INTERVIEW_BEFORE_NAME, "interview", INTERVIEW_CUE],
      [INTERVIEW_AROUND_NAME, "interview", undefined],
      [THIRD_PARTY_BEFORE_NAME, "third-party", THIRD_PARTY_CUE],
      [WRITTEN_IN_BEFORE_NAME, "third-party", undefined],
      [SPOKESPERSON_BEFORE_NAME, "statement", SPOKESPERSON_CUE],
      [STATEMENT_BEFORE_NAME, "statement", SPEECH_CUE],
    ] as const) {
      if (needs !== undefined && !needs.test(sentence)) continue;
      eachMatch(pattern, sentence, (m) => {
        const from = m.index + m[0].length;
        add(from, nameAhead(pattern, sentence, from, s.start, kind, a, story), kind);
      });
    }
    if (!cued) continue;
    eachMatch(CAPITALISED, sentence, (m) => {
      const found = runAt(sentence, m.index);
      if (!found) return;
      // "the Ministry of Fisheries (MOF) said": the acronym defined in passing is part of the name.
      const rest = sentence.slice(found.start + found.run.length).replace(DEFINED_ACRONYM, "");
      // "Ana Ruiz, an adviser to the Port Authority, said": a comma before the verb closes an apposition that
      // the name only ends; the one who speaks came before it.
      if (APPOSITION_CLOSED.test(rest)) return;
      const kind =
        THIRD_PARTY_AFTER_NAME.test(rest) || (OUTLET_SAID.test(rest) && isOutletName(found.run))
          ? "third-party"
          : SELF_AFTER_NAME.test(rest)
            ? "self"
            : BODY_SAID.test(rest)
              ? "statement"
              : undefined;
      if (kind) add(found.start, sourceName(found.run, found.hadThe, s.start + found.start, kind, a, story), kind);
    });
    eachMatch(GENERIC_BODY_SAID, sentence, (m) => {
      const head = m[1] ?? m[2];
      if (head) add(m.index, bodyBefore(head, s.start + m.index, a, story), "statement");
    });
    eachMatch(GENERIC_THIRD_PARTY, sentence, (m) => {
      generic.push({ kind: "third-party", evidence, span, at: s.start + m.index });
    });
  }
  named.push(...creditHits(a, story, memo));
  const dedup = new Map<string, CitationHit>();
  for (const h of named) dedup.set(`${h.at}\u0000${h.kind}${h.kind === "credit" ? `\u0000${h.name}` : ""}`, h);
  const hits = [...dedup.values()];
  // "the Times" after "The New York Times": a short form is the fuller name the same article used.
  const names = [...new Set(hits.map((h) => h.name))];
  for (const h of hits) h.name = names.find((n) => n.endsWith(` ${h.name}`)) ?? h.name;
  const most = mostCited(hits);
  if (most) for (const g of generic) hits.push({ article: id, name: most, ...g });
  return hits.sort((x, y) => x.at - y.at);
}

/** The nearest body named before `at` whose name has the head word: "the ministry" after "the Ministry of Fisheries". */
function bodyBefore(head: string, at: number, a: AnnotatedArticle, story: ResolvedStory): string | undefined {
  for (let i = a.mentions.length - 1; i >= 0; i--) {
    const m = a.mentions[i] as Mention;
    if (m.end > at) continue;
    const entity = story.entities.byMention(a.article.id, m.start, m.end);
    if (entity?.type !== "organization") continue;
    // A name of more words than the head ("Vela Port Authority", not a bare "Authority") names one body.
    const words = entity.name.toLowerCase().split(/[^\p{L}]+/u);
    if (words.includes(head) && words.length > 1) return displayName(entity);
  }
  return undefined;
}

/** Acronyms of common nouns ("an NGO", "the PM"): kinds of things or people, not one body. */
const COMMON_ACRONYMS = new Set("NGO NGOS CEO CEOS CFO PM MP MPS GDP AI TV PR HR IT ID PC VIP OK".split(" "));

/** The words after a headline's last colon, when they are few: the source the headline credits. */
const HEADLINE_SOURCE = /:\s+([^\s:][^:]{0,50}?)\s*$/u;

/** An acronym in brackets right after the name it stands for: " (MOF)". */
const DEFINED_ACRONYM = /^\s*\([\p{Lu}][\p{Lu}\p{N}&.-]{1,9}\)/u;

/** One name in a credit line: "AFP", "REUTERS", "Harbor Wire". */
const CREDIT_NAME = "[\\p{Lu}][\\p{L}\\p{N}.&'’-]*(?:\\s+[\\p{Lu}][\\p{L}\\p{N}.&'’-]*){0,3}";
const CREDIT_NAMES = `(${CREDIT_NAME}(?:\\s*(?:/|,|&|\\band\\b)\\s*${CREDIT_NAME})*)`;

/**
 * A last line that credits the agencies whose copy the article carries: "AFP", "— Harbor Wire", "(AFP)",
 * "With AFP and Harbor Wire", "Source: AFP".
 */
const CREDIT_LINE = new RegExp(
  `^\\s*(?:[-—–]+\\s*)?\\(?\\s*(?:(?:[Ww]ith(?: files from)?|[Ss]ources?|[Vv]ia|(?:[Ww]ith )?[Aa]dditional reporting(?: by)?)\\s*:?\\s+)?${CREDIT_NAMES}\\s*\\)?\\.?\\s*$`,
  "u",
);

/** A dateline that credits an agency: "VELA (AFP) -", "VELA, May 4 (MPX) -", "Port Louis, Ruritania (Harbor Wire) —". */
const CREDIT_DATELINE = new RegExp(
  `^\\s*[\\p{Lu}][\\p{L}.'’ -]{0,40}(?:,\\s*[\\p{Lu}][\\p{L}\\p{N}.'’ -]{0,30})?\\s*\\(${CREDIT_NAMES}\\)\\s*[-—–:]`,
  "u",
);

/** Lines from the top of an article that may hold its dateline: the headline, a date line, the first paragraph. */
const DATELINE_LINES = 4;

/**
 * Words of a credit line that are not names even when capitalised: the line's own words, dates, and the page
 * furniture a last line may keep ("ADVERTISEMENT", "READ MORE").
 */
const NOT_CREDIT_NAME =
  /^(?:with|source|sources|via|additional|reporting|by|files|from|and|the|end|ends|more|update|updated|editing|writing|advertisement|ad|photo|photos|video|videos|related|read|share|subscribe|comments?|top|print|email|follow|tags|topics|listen|watch|see|also|note|editor|editors|correction|copyright|all|rights|reserved|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/iu;

/**
 * The agencies an article credits with its text, from its last line or its dateline. A credited name must read
 * as an organisation: a word in capitals ("AFP", "REUTERS"), a name with an outlet word, or a known
 * organisation; a person's sign-off ("JOHN SMITH" as a person) is no credit.
 */
function creditHits(a: AnnotatedArticle, story: ResolvedStory, memo: ArticleMemo): CitationHit[] {
  const text = a.article.text;
  const lines: { line: string; at: number }[] = [];
  for (let at = 0; at <= text.length; ) {
    const end = text.indexOf("\n", at);
    const stop = end < 0 ? text.length : end;
    if (text.slice(at, stop).trim()) lines.push({ line: text.slice(at, stop), at });
    at = stop + 1;
  }
  if (lines.length < 3) return [];
  const out: CitationHit[] = [];
  const credit = (names: string, line: { line: string; at: number }) => {
    for (const raw of names.split(/\s*(?:\/|,|&|\band\b)\s*/u)) {
      const name = creditName(raw.trim(), a, story);
      if (name)
        out.push({
          article: a.article.id,
          name,
          kind: "credit",
          evidence: line.line.trim(),
          span: trimmedSpan(a.article.id, line.at, line.line),
          at: line.at,
        });
    }
  };
  const last = lines.at(-1);
  const lastNames = last && CREDIT_LINE.exec(last.line)?.[1];
  if (last && lastNames && !memo.quoted(a)[last.at + last.line.search(/\S/u)]) credit(lastNames, last);
  for (const line of lines.slice(0, DATELINE_LINES)) {
    const names = CREDIT_DATELINE.exec(line.line)?.[1];
    if (names) credit(names, line);
  }
  return out;
}

/** The canonical name of one credited agency, or undefined when the words cannot be one. */
function creditName(raw: string, a: AnnotatedArticle, story: ResolvedStory): string | undefined {
  const words = raw.split(/\s+/u);
  if (!raw || words.some((w) => NOT_CREDIT_NAME.test(w.replace(/[.'’]/gu, "")) || /\p{N}/u.test(w))) return undefined;
  const entity = story.entities.byName(raw);
  if (entity?.type === "person" || a.mentions.some((m) => m.text === raw && m.type === "person")) return undefined;
  const capitals = words.length === 1 && /^\p{Lu}{2,}$/u.test(raw.replace(/[.&-]/gu, ""));
  if (entity && (entity.type === "organization" || entity.type === "other")) return displayName(entity);
  if (!capitals && !isOutletName(raw)) return undefined;
  // "REUTERS" is the agency the story names "Reuters" elsewhere.
  const known = story.entities.entities.find((e) => e.type === "organization" && fold(e.name) === fold(raw));
  return known ? displayName(known) : raw;
}

/** An organisation's name with the acronym it goes by: "Ministry of Fisheries (MOF)". */
function displayName(entity: Entity): string {
  if (entity.type !== "organization") return entity.name;
  // "REUTERS" is the same word in capitals, not an acronym: an acronym stands for a name of several words.
  if (!/\s/u.test(entity.name.trim())) return entity.name;
  const acronym = entity.aliases.find((x) => /^\p{Lu}{2,}$/u.test(x) && abbreviates(x, entity.name));
  return acronym && !entity.name.includes(acronym) ? `${entity.name} (${acronym})` : entity.name;
}

/** Whether the letters of an acronym run through a name in order, the first at its start: "MOF", "Ministry of Fisheries". */
function abbreviates(acronym: string, name: string): boolean {
  const letters = name.toLowerCase();
  if (acronym[0]?.toLowerCase() !== letters[0]) return false;
  let at = 0;
  for (const c of acronym.toLowerCase()) {
    at = letters.indexOf(c, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** The source an article names most often (interview or relayed), the referent of its "the report". */
function mostCited(hits: CitationHit[]): string | undefined {
  const count = new Map<string, number>();
  for (const h of hits) if (h.kind !== "self") count.set(h.name, (count.get(h.name) ?? 0) + 1);
  return [...count].sort((x, y) => y[1] - x[1])[0]?.[0];
}

/** The source named right after a cue ("told AFP", "according to the Sentinel"), if it can be one. */
function nameAhead(
  pattern: RegExp,
  sentence: string,
  from: number,
  offset: number,
  kind: CitationKind,
  a: AnnotatedArticle,
  story: ResolvedStory,
): string | undefined {
  const m = NAME_AHEAD.exec(sentence.slice(from));
  if (!m?.[2]) return undefined;
  const run = trimRun(m[2]);
  const start = from + m[0].length - m[2].length;
  const rest = sentence.slice(start + run.length);
  const hadThe = m[1] !== undefined;
  // "the Coast Herald newspaper": a noun for what the name is, in apposition, does not make it a modifier.
  const apposition = SOURCE_NOUN_AFTER.test(rest) && (hadThe || isOutletName(run) || /^[\p{Lu}.&]{2,}$/u.test(run));
  if (pattern === INTERVIEW_AROUND_NAME) {
    if (!INTERVIEW_AFTER_NAME.test(rest)) return undefined;
  } else if (!apposition && modifiesNoun(run, rest)) return undefined;
  // "said the Port Authority." names the speaker; "said the Port Authority would ..." reports what someone said
  // about it, and "said the Port Authority's chief" gives the floor to a person.
  if (pattern === STATEMENT_BEFORE_NAME && !CLAUSE_END.test(rest)) return undefined;
  if (
    pattern === WRITTEN_IN_BEFORE_NAME &&
    !hadThe &&
    !isOutletName(run) &&
    story.entities.byName(run)?.type !== "organization"
  )
    return undefined;
  return sourceName(run, hadThe, offset + start, kind, a, story);
}

/** What may follow a speaker named after "said": the clause ends, or a time or channel phrase follows. */
const CLAUSE_END = /^\s*(?:[.,;:!?)]|$|(?:on|in|late|earlier|today|yesterday|tonight|this|last)(?![\p{L}\p{N}]))/u;

const ONLY_CAP_WORD = new RegExp(`^${CAP_WORD}$`, "u");
const ONLY_JOINER = new RegExp(`^${NAME_JOINER}$`, "u");
/** A name after a preposition is not the subject of the verb that follows ("users on Twitter reported"). */
const PREPOSITION = /^(?:in|on|at|of|from|by|for|with|about|into|to|via|over|under|through|against)$/iu;

/**
 * The capitalised run of words that starts at `at`, e.g. "Meridian Press" in "..., Meridian Press reported".
 * Only runs that start where a name can start (not inside another run) count.
 */
function runAt(sentence: string, at: number): { run: string; start: number; hadThe: boolean } | undefined {
  if (at > 0 && /[\p{L}\p{N}'’.&-]/u.test(sentence[at - 1] ?? "")) return undefined;
  let end = at;
  while (end > 0 && /\s/u.test(sentence[end - 1] ?? "")) end--;
  let begin = end;
  while (begin > 0 && !/\s/u.test(sentence[begin - 1] ?? "")) begin--;
  const previous = sentence.slice(begin, end);
  if (ONLY_CAP_WORD.test(previous) || ONLY_JOINER.test(previous) || PREPOSITION.test(previous)) return undefined;
  // "a manager at the Port Authority said", "an analyst at the conservative Vela Institute said": a name after a
  // preposition, its article and adjectives is not the subject either.
  const before = wordsBefore(sentence, end, WORDS_LOOKED_BACK);
  let k = 0;
  while (
    k < 2 &&
    /^\p{Ll}[\p{Ll}-]*$/u.test(before[k] ?? "") &&
    !/^(?:the|a|an)$/u.test(before[k] ?? "") &&
    !PREPOSITION.test(before[k] ?? "")
  )
    k++;
  if (/^(?:the|a|an)$/iu.test(before[k] ?? "")) k++;
  if (k > 0 && PREPOSITION.test(before[k] ?? "")) return undefined;
  // "Channel 6 News": "News" continues the name before the number.
  if (/^\p{N}{1,3}$/u.test(previous) && NUMBERED_MEDIA.test(/(\S+)\s+$/u.exec(sentence.slice(0, begin))?.[1] ?? ""))
    return undefined;
  const m = NAME_AHEAD.exec(sentence.slice(at));
  if (!m?.[2]) return undefined;
  const run = trimRun(m[2]);
  const start = at + m[0].length - m[2].length;
  return { run, start, hadThe: m[1] !== undefined || previous.toLowerCase() === "the" };
}

/** The words `runAt` reads before a name: two adjectives or the like, an article and a preposition. */
const WORDS_LOOKED_BACK = 4;

/**
 * The last `n` words (runs of non-space characters) of `text` before `end`, the nearest first: what
 * `text.slice(0, end).split(/\s+/u).filter((w) => w).reverse().slice(0, n)` gives, without splitting the whole
 * text before (this runs for every capitalised word of a story).
 *
 * @example wordsBefore("said the Port  Authority", 15, 2) // ["Port", "the"]
 */
export function wordsBefore(text: string, end: number, n: number): string[] {
  const out: string[] = [];
  let to = end;
  while (out.length < n) {
    while (to > 0 && WHITE.test(text[to - 1] as string)) to--;
    if (to === 0) break;
    let from = to;
    while (from > 0 && !WHITE.test(text[from - 1] as string)) from--;
    out.push(text.slice(from, to));
    to = from;
  }
  return out;
}
const WHITE = /\s/u;

/** Drops what a capitalised run picks up at its edges: a full stop, a possessive, a web domain, a weekday. */
function trimRun(run: string): string {
  let r = run.replace(/['’]s?$/u, "").replace(/\.(?:com|org|net|co\.uk|com\.au)\.?$/iu, "");
  if (/\.$/u.test(r) && !/\.\S*\.$/u.test(r.split(/\s+/u).at(-1) ?? "")) r = r.slice(0, -1);
  for (let m = TRAILING_DATE_WORD.exec(r); m && m.index > 0; m = TRAILING_DATE_WORD.exec(r)) r = r.slice(0, m.index);
  // A number belongs to the name only after a broadcaster's word ("Channel 6 News", "Radio 4"); "told Harbor
  // Wire 12 ships" ends the name before it.
  const words = r.split(/\s+/u);
  const cut = words.findIndex(
    (w, i) => i > 0 && /^\p{N}+$/u.test(w) && !NUMBERED_MEDIA.test(words[i - 1]?.replace(/[.]/gu, "") ?? ""),
  );
  if (cut > 0) r = words.slice(0, cut).join(" ");
  return r;
}

/** Words after which a number is part of a broadcaster's name: "Channel 6", "Radio 4", "TV 2". */
const NUMBERED_MEDIA = /^(?:channel|radio|tv|television|network|kanal|canal)$/iu;

/** A day or month name that a capitalised run picks up after a name ("told the Daily News Tuesday"). */
const TRAILING_DATE_WORD =
  /\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)$/u;

/** "Portuguese officials", "state-run ministry": the capitalised words describe a noun, they do not name a source. */
function modifiesNoun(run: string, rest: string): boolean {
  if (/-\p{Ll}+$/u.test(run)) return true;
  const next = /^\s+([\p{Ll}][\p{L}'’-]*)/u.exec(rest)?.[1];
  return next !== undefined && !STOPWORDS.has(next.toLowerCase()) && !/^(?:reported|reports|quoted|cited)$/u.test(next);
}

/**
 * The canonical name of a cited source, or undefined when the words cannot be a publication or organisation:
 * a person ("according to Mansouri" attributes a claim, it does not cite a report; "told Superior Court Judge
 * Ana Ruiz" ends in one), a place ("told Lisbon"), or, for someone who was told something, an institution that
 * is not a news outlet. A name the resolver does not know counts when it reads as an institution: "the
 * Sentinel", an acronym, or a name with an outlet or institution word.
 */
function sourceName(
  words: string,
  hadThe: boolean,
  at: number,
  kind: CitationKind,
  a: AnnotatedArticle,
  story: ResolvedStory,
): string | undefined {
  const typeOf = (m: Mention) => story.entities.byMention(a.article.id, m.start, m.end)?.type ?? m.type;
  const mentionsIn = (from: number, to: number) => a.mentions.filter((m) => m.start < to && m.end > from);
  const lastIsPerson = (from: number, to: number) => {
    const last = mentionsIn(from, to).at(-1);
    return last !== undefined && typeOf(last) === "person";
  };
  let run = words;
  let start = at;
  const article = /^the\s+/iu.exec(run);
  if (article) {
    hadThe = true;
    start += article[0].length;
    run = run.slice(article[0].length);
  }
  if (!run) return undefined;
  const split = (head: string) => {
    start += run.length - head.length;
    run = head;
  };
  // "U.K.'s Interoute Plc" cites the company, "ABC News' Peter Jennings" ABC News through its reporter; "the
  // District Attorney's Office" stays whole, its head names nothing by itself.
  const owned = /^(.*?\S)['’]s?\s+(\p{Lu}.*)$/u.exec(run);
  if (owned?.[1] && owned[2]) {
    const headStart = start + run.length - owned[2].length;
    if (lastIsPerson(headStart, start + run.length)) run = owned[1];
    else if (
      !INSTITUTION_WORDS.has(owned[2].toLowerCase()) &&
      mentionsIn(headStart, start + run.length).some((m) => m.start >= headStart)
    )
      split(owned[2]);
  }
  // "Michael Silverman of the Boston Herald" cites the Herald; "the Office of the Surgeon General" stays whole.
  const of = /^(.*?\S)\s+of\s+(the\s+)?(\p{Lu}.*)$/u.exec(run);
  if (of?.[1] && of[3] && mentionsIn(start, start + of[1].length).some((m) => typeOf(m) === "person")) {
    hadThe = of[2] !== undefined;
    split(of[3]);
  }
  const end = start + run.length;
  const heads = run.split(/\s+/u).map((w) => w.toLowerCase().replace(/[.'’]/gu, ""));
  const media = heads.some((w) => MEDIA_WORDS.has(w));
  const institution = heads.some((w) => INSTITUTION_WORDS.has(w));
  if (kind === "interview" && institution && !media) return undefined;
  const whole = mentionsIn(start, end).find((m) => m.start <= start && m.end >= end);
  // "told Superior Court Judge Ana Ruiz": the one told is the person the run ends with.
  if (!whole && !media && lastIsPerson(start, end)) return undefined;
  const entity: Entity | undefined =
    (whole && story.entities.byMention(a.article.id, whole.start, whole.end)) ?? story.entities.byName(run);
  const acronym = /^[\p{Lu}]{2,}$/u.test(run.replace(/[.&]/gu, "")) && !COMMON_ACRONYMS.has(run.replace(/[.&]/gu, ""));
  // A bare "said" makes a statement only when the speaker is plainly a body: an outlet, a named institution
  // ("the Interior Ministry", not "the Ministry"), or an organisation's acronym. A name the tagger merely
  // typed as an organisation may be a person's.
  const named = heads.some(
    (w, i) => !INSTITUTION_WORDS.has(w) && !ONLY_JOINER.test(w) && /^\p{Lu}/u.test(run.split(/\s+/u)[i] ?? ""),
  );
  const body = media || (institution && named) || (acronym && (entity === undefined || entity.type === "organization"));
  if (kind === "statement" && !body) return undefined;
  // "Authorities reported", "told the House": words for a kind of body, with no name, cite no one in particular.
  if (institution && !media && !named && !acronym) return undefined;
  if (entity) {
    if (entity.type === "organization" || entity.type === "other" || media || institution) return displayName(entity);
    return undefined;
  }
  return hadThe || media || institution || acronym ? run : undefined;
}

/** The text with quoted words blanked out: what a speaker says is not what the article does. */
function maskQuotes(a: AnnotatedArticle, mask: Uint8Array): string {
  const text = a.article.text;
  let out = "";
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && mask[i] === mask[from]) continue;
    const piece = text.slice(from, i);
    out += mask[from] ? piece.replace(/[^\n]/gu, " ") : piece;
    from = i;
  }
  return out;
}

/** A passage two articles share: the words it covers in each (indices among all the article's words). */
interface Passage {
  a: number[];
  b: number[];
}

interface SharedPair {
  a: number;
  b: number;
  passages: Passage[];
  /** Each passage's span in article `a`'s text and in `b`'s. */
  spans: { a: [number, number]; b: [number, number] }[];
}

/** Where a passage's words are in the article's text: from its first word's start to its last word's end. */
function passageSpan(w: Words, indices: number[]): [number, number] {
  return [w.starts[indices[0] ?? 0] as number, w.ends[indices[indices.length - 1] ?? 0] as number];
}

interface Word {
  /** Normalised: lower case, no accents or apostrophes, "ten" as "10". */
  word: string;
  /** Index among all the article's words, quoted ones included, so that gaps are real gaps. */
  index: number;
  sentence: number;
  /** Not a function word and not part of a name: what makes a shared run more than a shared name. */
  content: boolean;
}

interface Words {
  /** The words outside quotations. */
  kept: Word[];
  /** Every word's start and end in the text, by its index among all the article's words (two numbers, no pair). */
  starts: number[];
  ends: number[];
}

/**
 * The article's words outside quotations, sentence by sentence, normalised so that a copy matches despite case,
 * accents, apostrophes and "ten"/"10". Capitalised words inside a sentence are names: a shared run made only of
 * a name ("the Federation of Harbour and Dock Workers") is no sign of copying.
 */
function wordsOf(a: AnnotatedArticle, units: Unit[], memo: ArticleMemo): Words {
  const quoted = memo.quoted(a);
  const kept: Word[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let total = 0;
  for (const [sentence, u] of units.entries()) {
    let first = true;
    for (let t = u.sentence.tokenStart; t < u.sentence.tokenEnd; t++) {
      const token = a.tokens[t] as Token;
      if (!isWord(token.text)) continue;
      const index = total++;
      starts.push(token.start);
      ends.push(token.end);
      const capitalised = !first && /^\p{Lu}/u.test(token.text);
      first = false;
      if (quoted[token.start]) continue;
      const ascii = /^[\x20-\x7e]*$/u.test(token.text);
      let normal = (ascii ? token.text : token.text.normalize("NFKD").replace(/\p{M}/gu, "")).toLowerCase();
      // The replacements only where they can change something: this runs for every word of the story.
      if (normal.includes("'") || normal.includes("’")) normal = normal.replace(/['’]/gu, "");
      if (normal.includes(",")) normal = normal.replace(/(\d),(?=\d{3})/gu, "$1");
      const word = NUMBER_WORDS.get(normal) ?? normal;
      kept.push({ word, index, sentence, content: !capitalised && !STOPWORDS.has(normal) });
    }
  }
  return { kept, starts, ends };
}

/**
 * The characters inside quotations: the annotator's quotations, and whatever lies between double quotation marks
 * on one line (a quotation the annotator left out, such as one with no speaker, is still not the outlet's text).
 */
function quotedMask(a: AnnotatedArticle): Uint8Array {
  const text = a.article.text;
  const mask = new Uint8Array(text.length);
  for (const q of a.quotes) mask.fill(1, q.start, q.end);
  let curly = 0;
  let straight = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") {
      curly = 0;
      straight = false;
    } else if (c === "“") curly++;
    else if (c === "”") curly = Math.max(0, curly - 1);
    else if (c === '"') straight = !straight;
    else if (curly > 0 || straight) mask[i] = 1;
  }
  return mask;
}

/**
 * What one provenance run reads several times per article (its quotation mask, its word count), computed on
 * first use. Made per `provenanceOf` call and dropped with it: nothing outlives the story it was made for.
 */
interface ArticleMemo {
  quoted(a: AnnotatedArticle): Uint8Array;
  /** The article's text with its quotations blanked out (`maskQuotes`). */
  masked(a: AnnotatedArticle): string;
  words(a: AnnotatedArticle): number;
}

function articleMemo(): ArticleMemo {
  const masks = new Map<AnnotatedArticle, Uint8Array>();
  const counts = new Map<AnnotatedArticle, number>();
  const texts = new Map<AnnotatedArticle, string>();
  return {
    quoted(a) {
      let mask = masks.get(a);
      if (!mask) {
        mask = quotedMask(a);
        masks.set(a, mask);
      }
      return mask;
    },
    masked(a) {
      let text = texts.get(a);
      if (text === undefined) {
        text = maskQuotes(a, this.quoted(a));
        texts.set(a, text);
      }
      return text;
    },
    words(a) {
      let n = counts.get(a);
      if (n === undefined) {
        n = a.tokens.filter((t) => isWord(t.text)).length;
        counts.set(a, n);
      }
      return n;
    },
  };
}

/**
 * Shingles of consecutive kept words, keyed by their words: within one sentence (a run across a full stop joins
 * two unrelated statements) and never across a quotation. A shingle is numbered by `ids`, which the articles of
 * one call share: the same words, the same number.
 */
function shinglesOf(w: Words, ids: Map<string, number>): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const kept = w.kept;
  const window = new Array<string>(SHINGLE_WORDS);
  for (let i = 0; i + SHINGLE_WORDS <= kept.length; i++) {
    const first = kept[i] as Word;
    const last = kept[i + SHINGLE_WORDS - 1] as Word;
    if (last.index - first.index !== SHINGLE_WORDS - 1 || last.sentence !== first.sentence) continue;
    let content = 0;
    for (let k = i; k < i + SHINGLE_WORDS; k++) if ((kept[k] as Word).content) content++;
    if (content < MIN_SHINGLE_CONTENT) continue;
    for (let k = 0; k < SHINGLE_WORDS; k++) window[k] = (kept[i + k] as Word).word;
    // Joined, the key is one flat string, which the map hashes without flattening it first.
    const key = window.join(" ");
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    const at = out.get(id);
    if (at) at.push(i);
    else out.set(id, [i]);
  }
  return out;
}

/**
 * Pairs of articles that share a passage of at least `MIN_PASSAGE_WORDS` words outside quotations, and
 * `MIN_SHARED_WORDS` in all.
 */
function sharedPassages(articles: AnnotatedArticle[], unitsOf: Map<string, Unit[]>, memo: ArticleMemo): SharedPair[] {
  const words = articles.map((a) => wordsOf(a, unitsOf.get(a.article.id) ?? [], memo));
  const ids = new Map<string, number>();
  const shingles = words.map((w) => shinglesOf(w, ids));
  // The articles that hold each shingle, by its number, in ascending order.
  const holders: number[][] = [];
  shingles.forEach((map, i) => {
    for (const key of map.keys()) {
      const list = holders[key];
      if (list) list.push(i);
      else holders[key] = [i];
    }
  });
  const matches = new Map<number, { a: number; b: number; at: [number, number][] }>();
  shingles.forEach((map, b) => {
    for (const [key, positions] of map) {
      const list = holders[key] as number[];
      for (const a of list) {
        if (a >= b) break;
        const pairKey = a * articles.length + b;
        let pair = matches.get(pairKey);
        if (!pair) {
          pair = { a, b, at: [] };
          matches.set(pairKey, pair);
        }
        for (const pa of shingles[a]?.get(key) ?? []) for (const pb of positions) pair.at.push([pa, pb]);
      }
    }
  });
  const out: SharedPair[] = [];
  for (const { a, b, at } of matches.values()) {
    const passages = chain(at, words[a] as Words, words[b] as Words);
    const long = passages.some((p) => Math.min(p.a.length, p.b.length) >= MIN_PASSAGE_WORDS);
    const total = Math.min(...(["a", "b"] as const).map((side) => new Set(passages.flatMap((p) => p[side])).size));
    if (long && total >= MIN_SHARED_WORDS)
      out.push({
        a,
        b,
        passages,
        spans: passages.map((p) => ({
          a: passageSpan(words[a] as Words, p.a),
          b: passageSpan(words[b] as Words, p.b),
        })),
      });
  }
  return out.sort((x, y) => x.a - y.a || x.b - y.b);
}

/**
 * Joins matched shingles into passages: a shingle continues a passage when it follows it in both articles with
 * at most `MAX_PASSAGE_GAP` words between, so two matches that are near each other in one article only (a
 * shared "a strike by dock workers" and a shared "a fire at the terminal" in one sentence of one of them and
 * far apart in the other) stay two passages.
 */
function chain(at: [number, number][], wa: Words, wb: Words): Passage[] {
  const sorted = [...at].sort((x, y) => x[1] - y[1] || x[0] - y[0]);
  type Chain = { last: [number, number]; a: Set<number>; b: Set<number> };
  const chains: Chain[] = [];
  let open: Chain[] = [];
  const startOf = (w: Words, p: number) => (w.kept[p] as Word).index;
  const endOf = (w: Words, p: number) => (w.kept[p + SHINGLE_WORDS - 1] as Word).index;
  const near = (w: Words, from: number, to: number) => startOf(w, to) - endOf(w, from) - 1 <= MAX_PASSAGE_GAP;
  for (const [pa, pb] of sorted) {
    // Matches come in text order of the second article: a passage that ended too far back can never continue.
    open = open.filter((c) => near(wb, c.last[1], pb));
    let c = open.find(({ last: [la, lb] }) => pa > la && pb > lb && near(wa, la, pa));
    if (!c) {
      c = { last: [pa, pb], a: new Set(), b: new Set() };
      chains.push(c);
      open.push(c);
    }
    c.last = [pa, pb];
    for (const x of span(wa, pa)) c.a.add(x);
    for (const x of span(wb, pb)) c.b.add(x);
  }
  return chains.map((c) => ({ a: [...c.a].sort((x, y) => x - y), b: [...c.b].sort((x, y) => x - y) }));
}

function span(w: Words, position: number): number[] {
  return w.kept.slice(position, position + SHINGLE_WORDS).map((x) => x.index);
}

/**
 * Direction of reuse: from the earlier to the later article by date; when a date is missing, from the origin
 * article, then from the article whose outlet the other cites, then from the fuller article (a copy trims).
 */
function directed(
  story: ResolvedStory,
  p: SharedPair,
  origin: string | undefined,
  hits: CitationHit[],
  memo: ArticleMemo,
): ReuseFinding {
  const A = story.articles[p.a] as AnnotatedArticle;
  const B = story.articles[p.b] as AnnotatedArticle;
  const [da, db] = [A.article.published, B.article.published];
  const cites = (x: AnnotatedArticle, y: AnnotatedArticle) =>
    y.article.outlet !== undefined &&
    hits.some((h) => h.article === x.article.id && fold(h.name) === fold(y.article.outlet as string));
  let aFirst: boolean;
  if (da && db && da !== db) aFirst = da < db;
  else if (origin === A.article.id || origin === B.article.id) aFirst = origin === A.article.id;
  else if (cites(B, A) !== cites(A, B)) aFirst = cites(B, A);
  else aFirst = memo.words(A) >= memo.words(B);
  const [from, to] = aFirst ? [A, B] : [B, A];
  const covered = new Set(p.passages.flatMap((x) => (aFirst ? x.b : x.a)));
  const spanIn = (article: AnnotatedArticle, [start, end]: [number, number]) => ({
    article: article.article.id,
    start,
    end,
  });
  const evidence = p.spans
    .map((s) => (aFirst ? { from: spanIn(A, s.a), to: spanIn(B, s.b) } : { from: spanIn(B, s.b), to: spanIn(A, s.a) }))
    .sort((x, y) => x.to.start - y.to.start || x.from.start - y.from.start);
  return {
    from: from.article.id,
    to: to.article.id,
    sharedFraction: Math.round((covered.size / Math.max(1, memo.words(to))) * 1000) / 1000,
    passages: p.passages.length,
    evidence,
  };
}

function fold(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/^the\s+/u, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * The origin: the source cited by the most articles (at least two). The article that IS that report is the
 * one whose outlet is that source, or else one that names the source only the way the source's own report
 * does and never relays it as a third party ("AFP reported", "according to AFP", "told the newswire").
 * A single "told AFP" is what every rewrite keeps, so the article must show more (`MIN_ORIGIN_EVIDENCE`):
 * several sentences that name the source as the one people spoke to, the source speaking of itself ("AFP
 * could not independently verify", "declined to comment for this article"), or articles citing the source that
 * share passages with it (others reuse from it). Among such articles the earliest dated wins, then the one with
 * the most evidence, then the fuller one.
 */
function originOf(
  story: ResolvedStory,
  hits: CitationHit[],
  selfArticles: Set<string>,
  shared: SharedPair[],
  memo: ArticleMemo,
): ProvenanceFinding["origin"] {
  const citers = new Map<string, Set<string>>();
  const count = new Map<string, number>();
  for (const h of hits) {
    citers.set(h.name, (citers.get(h.name) ?? new Set()).add(h.article));
    count.set(h.name, (count.get(h.name) ?? 0) + 1);
  }
  const first = (name: string) => hits.findIndex((h) => h.name === name);
  const name = [...citers.keys()]
    .filter((n) => (citers.get(n)?.size ?? 0) >= MIN_ORIGIN_ARTICLES)
    .sort(
      (x, y) =>
        (citers.get(y)?.size ?? 0) - (citers.get(x)?.size ?? 0) ||
        (count.get(y) ?? 0) - (count.get(x) ?? 0) ||
        first(x) - first(y),
    )[0];
  if (!name) return undefined;
  const ids = story.articles.map((a) => a.article.id);
  const partners = (i: number) => shared.filter((p) => p.a === i || p.b === i).map((p) => (p.a === i ? p.b : p.a));
  const candidates = story.articles
    .map((a, i) => {
      const own = hits.filter((h) => h.article === a.article.id && h.name === name);
      const self = own.some((h) => h.kind === "self") || selfArticles.has(a.article.id);
      const published = a.article.published;
      const reused = partners(i).some((j) => {
        const later = story.articles[j]?.article.published;
        return (
          published !== undefined && later !== undefined && published < later && citers.get(name)?.has(ids[j] as string)
        );
      });
      return {
        i,
        isOutlet: a.article.outlet !== undefined && fold(a.article.outlet) === fold(name),
        relays: own.some((h) => h.kind === "third-party" || h.kind === "statement"),
        evidence:
          new Set(own.filter((h) => h.kind === "interview" || h.kind === "credit").map((h) => h.evidence)).size +
          (self ? SELF_EVIDENCE : 0) +
          (reused ? 1 : 0),
        published,
        words: memo.words(a),
      };
    })
    .filter((c) => c.isOutlet || (!c.relays && c.evidence >= MIN_ORIGIN_EVIDENCE));
  candidates.sort(
    (x, y) =>
      Number(y.isOutlet) - Number(x.isOutlet) ||
      (x.published ?? "\uffff").localeCompare(y.published ?? "\uffff") ||
      y.evidence - x.evidence ||
      y.words - x.words ||
      x.i - y.i,
  );
  const article = candidates[0] && story.articles[candidates[0].i]?.article.id;
  return article ? { name, article } : { name };
}
