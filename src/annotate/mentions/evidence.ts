import type { Lexicon } from "../../lexicon/index.js";
import type { EntityType, Sentence, Token } from "../../model/index.js";
import { nameKey } from "../../words/name-key.js";
import {
  CALENDAR,
  EVENT_MODIFIERS,
  EVENT_OPENERS,
  MISC_HEADS,
  NAME_PARTICLES,
  NEVER_INSIDE,
  ORG_AFTER,
  ORG_HEADS,
  ORG_MEMBERS,
  ORG_NOUNS,
  PERSON_ROLES,
  PERSON_TITLES,
  PLACE_ACRONYMS,
  PLACE_HEADS,
  PLACE_NOUNS,
  PLACE_OPENERS,
  PLACE_PREPOSITIONS,
  SPEECH_VERBS,
  SPORT_HEADS,
  SPORT_OPENERS,
  SPORT_WORDS,
  STRONG_PLACE_PREPOSITIONS,
} from "../../words/names.js";
import type { Candidate } from "./candidates.js";
import { isAllCaps } from "./casing.js";
import {
  bare,
  DATE,
  INITIAL,
  isGroupWord,
  isSyllableName,
  NAME_START,
  NUMERIC,
  SCORE,
  type Scores,
  scoreShare,
  TABLE_NUMBER_SHARE,
  TYPES,
  zero,
} from "./words.js";

/** Scores are in log-odds-like units; the weights say how strongly each cue has pointed to its type in news copy. */
const W = {
  country: 6,
  region: 4.5,
  university: 6,
  demonym: 8,
  orgHead: 4,
  placeHead: 3.5,
  placeOpener: 3,
  miscHead: 4,
  title: 5,
  role: 3.5,
  orgNoun: 3,
  orgAfter: 2.5,
  placeNoun: 4,
  placeInName: 2,
  initials: 3,
  firstName: 2.5,
  acronym: 2.5,
  corpus: 3,
  strongPlacePrep: 1.5,
  placePrep: 0.5,
  speech: 1,
  pronoun: 2.5,
  age: 3,
  afterThe: 0.8,
  multiWordPerson: 1,
  sportTeam: 8,
  placeApposition: 3,
  dateline: 6,
  sportReport: 1,
  apposition: 3,
  quotedTitle: 4,
  plainWord: 2,
  event: 10,
  credit: 6,
} as const;

/** Seen this often in lower case, a lone capitalised word is more likely a common word set in capitals than a name. */
const PLAIN_WORD_COUNT = 5;
/** Cities of about this size (10 x log10 of the population) are as likely named as people or firms as places. */
const CITY_SIZE_NEUTRAL = 42;
/** The most a city's size alone can say: even big cities' names are often teams, firms or people. */
const CITY_MAX_WEIGHT = 4;
const TEAM_VERBS = new Set(["beat", "beats", "drew", "v", "vs", "defeated", "edged", "thrashed", "routed"]);

/** Evidence from the name itself (the same wherever it occurs) and from this occurrence's context. */
export interface Evidence {
  own: Scores;
  context: Scores;
  /** The context reads as a sports result ("X 2 Y 1", "X beat Y"). */
  team: boolean;
  /** A city's or region's name, whose place reading sport can override. */
  cityLike: boolean;
  /** A form whose type the rules are sure of, whatever a statistical reading says (see `SureForm`). */
  sure?: SureForm;
}

/**
 * Forms the rules settle by convention: the name of a storm, war or military operation ("Storm X",
 * "Operation X", "the X War"), a dateline's city ("LAGOS, March 3 (Agency) -") and an agency's credit line
 * ("(AFP)", "- Reuters", a last line "REUTERS"), which is provenance and never a place.
 */
export type SureForm = "event" | "dateline" | "credit";

/** Brackets, dashes and slashes around an agency's name on a credit line ("(AFP)", "- Reuters", "/ AP"). */
const CREDIT_MARK = /^[()[\]\-—–./]+$/;
/** The most such marks a credit line has. */
const CREDIT_MARKS = 4;

/** Dashes that follow a dateline or open a credit line. */
const DASHES = new Set(["-", "--", "—", "–"]);
/** The most words a dateline's city or a credit line's agency has. */
const MAX_LINE_NAME_WORDS = 3;

export function scoreCandidate(c: Candidate, tokens: Token[], sentences: Sentence[], lexicon: Lexicon): Evidence {
  const { firstNameCount, isUniversity, lookupPlace, lowerCount, wordCounts } = lexicon;
  const own = zero();
  const ctx = zero();
  if (c.fixed) {
    own[c.fixed] += W.demonym;
    return { own, context: ctx, team: false, cityLike: false };
  }
  const words = c.words;
  const n = words.length;
  const full = words.join(" ");
  const first = words[0] as string;
  const last = words[n - 1] as string;
  const lf = bare(first);
  const ll = bare(last);
  const sentence = sentences[c.sentence] as Sentence;
  const word = (i: number) => (i >= sentence.tokenStart && i < sentence.tokenEnd ? (tokens[i] as Token).text : "");
  const sure = sureForm(c, tokens, sentences, lexicon);
  const prev = bare(word(c.first - 1));
  const prev2 = bare(word(c.first - 2));
  const prev3 = bare(word(c.first - 3));
  const next = bare(word(c.end));
  const next2 = bare(word(c.end + 1));
  const next3 = bare(word(c.end + 2));

  const acronym = n === 1 && (isAllCaps(first) || INITIAL.test(first));
  const found = lookupPlace(full);
  // Acronyms collide with small towns ("UN" is a town in India); only countries and regions count for them.
  const place = acronym && found?.kind === "city" ? undefined : found;
  if (place?.kind === "country" || (n === 1 && PLACE_ACRONYMS.has(full.toLowerCase()))) own.place += W.country;
  else if (place?.kind === "region") own.place += W.region;
  else if (place) {
    let w = Math.min(CITY_MAX_WEIGHT, 1 + (place.size - CITY_SIZE_NEUTRAL) / 5);
    if (n === 1 && firstNameCount(first) > 0) w -= 2;
    if (n === 1 && lowerCount(first.toLowerCase()) > 2) w -= 2;
    own.place += w;
  }
  if (isUniversity(full)) own.organization += W.university;
  // "Russia-Ukraine", "U.S.-China": two names joined by a hyphen describe something between them.
  const halves = n === 1 && !place ? first.split("-") : [];
  if (halves.length === 2 && halves.every((h) => /^\p{Lu}/u.test(h)) && halves.some((h) => lookupPlace(h)))
    own.other += W.demonym;
  if (isGroupWord(full, lexicon)) own.other += W.demonym;

  const ofAt = words.findIndex((w) => w === "of" || w === "for");
  const hasOf = ofAt > 0;
  const beforeOf = hasOf ? bare(words[ofAt - 1] as string) : "";
  // A listed country or region ("West Bank", "Gold Coast") is not re-read from its last word.
  const listed = place?.kind === "country" || place?.kind === "region";
  const orgHead = n >= 2 && ORG_HEADS.has(ll) && !listed;
  const placeHead = n >= 2 && PLACE_HEADS.has(ll) && !listed;
  if (orgHead) own.organization += W.orgHead;
  if (placeHead) own.place += W.placeHead;
  if (n >= 2 && MISC_HEADS.has(ll)) own.other += W.miscHead;
  if (n >= 2 && PLACE_OPENERS.has(lf)) own.place += W.placeOpener;
  if (hasOf && ORG_HEADS.has(beforeOf)) own.organization += W.orgHead;
  else if (hasOf && PLACE_HEADS.has(beforeOf)) own.place += W.placeHead;
  if (n >= 2 && SPORT_OPENERS.has(lf)) own.organization += W.orgHead;

  // Person names end in a surname, not in "Road" or "Party".
  const headed = orgHead || placeHead || hasOf;
  if (n >= 2 && INITIAL.test(first) && !headed) own.person += W.initials;
  const fn = firstNameCount(first);
  if (n >= 2 && fn > 0 && !headed) own.person += W.firstName + Math.min(2, Math.log2(fn));
  // A family name and a hyphenated given name ("Choi Dae-hyun") are as sure a person as a known first name.
  const syllableGiven = words.some((w, k) => k > 0 && isSyllableName(w, words[k - 1]));
  if (n >= 2 && syllableGiven && !headed) own.person += W.firstName + 2;
  if (n >= 2 && !headed) own.person += W.multiWordPerson;
  if (acronym && !c.headline && first.length <= 6 && !place) own.organization += W.acronym;

  // A lone common word in capitals ("Vision", "Youth", "Medicine") that the corpora never saw as a name by
  // itself is usually part of a title or a heading, not a name.
  const counts1 = n === 1 && !place && !acronym ? wordCounts(first) : undefined;
  if (n === 1 && !place && !acronym && lowerCount(lf) >= PLAIN_WORD_COUNT && !(counts1 && counts1.alone > 0))
    own.other += W.plainWord;
  // Corpus evidence: the average type distribution of the words seen before. In a longer name that is no place
  // itself, a place's name says where the named thing belongs ("Kestrel Bay Rovers", "Velmar Telecom"), not what
  // it is: its corpus counts, mostly of the place alone, are left out.
  const placeInside = n >= 2 && !place && !placeHead;
  let seen = 0;
  let placeWords = 0;
  const corpus = zero();
  for (const w of words) {
    const counts = wordCounts(w);
    if (!counts) continue;
    if (placeInside && counts.place > counts.person + counts.organization + counts.misc && lookupPlace(w)) {
      placeWords++;
      continue;
    }
    const named = counts.person + counts.organization + counts.place + counts.misc;
    if (named === 0) continue;
    const confidence = Math.min(1, named / 3);
    corpus.person += (confidence * counts.person) / named;
    corpus.organization += (confidence * counts.organization) / named;
    corpus.place += (confidence * counts.place) / named;
    corpus.other += (confidence * counts.misc) / named;
    seen++;
  }
  if (seen > 0) for (const k of TYPES) own[k] += (W.corpus * corpus[k]) / seen;
  // Such a name without a given name is most often a team, firm or body of that place.
  if (placeWords > 0 && fn === 0 && !syllableGiven && !INITIAL.test(first)) own.organization += W.placeInName;

  if (c.titled) ctx.person += W.title;
  // The members of a list ("commanders from A, B and C groups") share the words before and after it.
  const [listStart, listEnd] = listBounds(tokens, c.first, c.end, sentence);
  const lprev = bare(word(listStart - 1));
  const lprev2 = bare(word(listStart - 2));
  const lnext = bare(word(listEnd));
  const after = lnext === "'s" ? bare(word(listEnd + 1)) : lnext;
  // "U.S. troops", "Chilean forces": countries have troops too, so the cue is for other names.
  const countryLike = place?.kind === "country" || place?.kind === "region" || PLACE_ACRONYMS.has(full.toLowerCase());
  if (ORG_AFTER.has(after) && !countryLike) ctx.organization += W.orgAfter;
  if ((lprev === "of" || lprev === "from" || lprev === "for") && ORG_MEMBERS.has(lprev2) && !countryLike)
    ctx.organization += W.orgAfter;
  if (PERSON_ROLES.has(lprev) && !ORG_NOUNS.has(lprev)) ctx.person += W.role;
  else if (ORG_NOUNS.has(lprev) && !PERSON_ROLES.has(lprev)) ctx.organization += W.orgNoun;
  if (STRONG_PLACE_PREPOSITIONS.has(prev)) ctx.place += W.strongPlacePrep;
  else if (PLACE_PREPOSITIONS.has(prev)) ctx.place += W.placePrep;
  // "the town of X", "the towns of X and Y", "the regional capital X": a kind of place names the place after it.
  if ((lprev === "of" && isPlaceNoun(lprev2)) || (isPlaceNoun(lprev) && lprev !== "state")) ctx.place += W.placeNoun;
  // "the Archbishop of Tarvik", "President of Velmar": the name after a title and "of" is its see or its
  // domain, not the person who holds it.
  if (prev === "of" && PERSON_TITLES.has(prev2) && !c.titled) ctx.person -= W.title;
  if (SPEECH_VERBS.has(next) || SPEECH_VERBS.has(prev) || (prev === "to" && prev2 === "according")) {
    ctx.person += W.speech;
    ctx.organization += W.speech / 2;
  }
  if (SPEECH_VERBS.has(next)) {
    if (next2 === "it" || next2 === "its") ctx.organization += W.pronoun;
    if (next2 === "he" || next2 === "she" || next2 === "his" || next2 === "her") ctx.person += W.pronoun;
  }
  if (next === "," && (next2 === "who" || (NUMERIC.test(next2) && next3 === ","))) ctx.person += W.age;
  // "cities such as X and Y", "groups including X": the noun before the list says what its members are.
  const listKind = listHeadKind(tokens, c.first, sentence.tokenStart);
  if (listKind) ctx[listKind] += W.apposition;
  // A title in quotation marks ("Gentle On Your Mind", "Anarchy in Tokyo") names a work, not its words.
  if (inQuotedTitle(tokens, c.first, c.end, sentence)) ctx.other += W.quotedTitle;
  // An apposition says what the name is: "X, one of the largest unions in the port", "X, a commander".
  if (next === ",") {
    const kind = appositionKind(tokens, c.end + 1, sentence.tokenEnd);
    if (kind) ctx[kind] += W.apposition;
  }
  // "the Pentagon said": a name after "the" is rarely a person; in "the Obama administration" the "the" is the noun's.
  const modifier = /^\p{Ll}/u.test(word(c.end)) && !SPEECH_VERBS.has(next) && !NEVER_INSIDE.has(next);
  if (prev === "the" && !modifier) {
    ctx.organization += W.afterThe;
    ctx.person -= W.afterThe * 2;
  }
  // "Tarvik , Ohio", "Olmen , Velmar": a name in apposition with a known place is a place.
  const nextPlace = next === "," ? lookupPlace(word(c.end + 1)) : undefined;
  if (nextPlace && nextPlace.kind !== "city") ctx.place += W.placeApposition;
  if (prev === "," && place && lookupPlace(prev2) && lookupPlace(prev2)?.kind !== "country")
    ctx.place += W.placeApposition;

  // A dateline ("TARVIK , Velmar 2024-05-02", "OLMEN 2024-05-03"): a capitalised name opening its line,
  // followed by a comma or a date, is the place the story was filed from.
  if (c.headline && c.first === sentence.tokenStart && (next === "," || DATE.test(next))) ctx.place += W.dateline;
  if (sure === "dateline") ctx.place += W.dateline;
  if (sure === "credit") ctx.organization += W.credit;
  if (sure === "event") own.other += W.event;

  // Sport: a name with a score after it in a results line, or either side of "beat", is a team.
  const tableLike = scoreShare(tokens, sentence) >= TABLE_NUMBER_SHARE;
  let team = false;
  const personLike = INITIAL.test(first) || (n >= 2 && fn > 0) || c.titled;
  // Beside "beat", several words are a team only when they start with a place ("San Diego"); persons beat persons.
  const teamShaped = n === 1 || lookupPlace(first) !== undefined || SPORT_HEADS.has(ll);
  if (place?.kind !== "country" && !personLike) {
    const scored = SCORE.test(next) && (tableLike || SCORE.test(prev3) || TEAM_VERBS.has(prev2));
    if (scored || (teamShaped && (TEAM_VERBS.has(next) || TEAM_VERBS.has(prev)))) team = true;
  }
  // A match result ("Velmar 2 Tarsin Rovers 1"): the two sides are teams even where a side's first word is also
  // a given name, unless a title, initials or a common given name make it a person.
  if (!team && place?.kind !== "country" && !c.titled && !INITIAL.test(first) && fn < MATCH_GIVEN_NAME) {
    if (matchSides(tokens, sentence).some(([a, b]) => a === c.first && b === c.end)) team = true;
  }
  if (n >= 2 && SPORT_HEADS.has(ll) && tableLike) team = true;
  if (team) ctx.organization += W.sportTeam;
  const cityLike = place !== undefined && place.kind !== "country" && !PLACE_PREPOSITIONS.has(prev) && ctx.place <= 0;
  return sure ? { own, context: ctx, team, cityLike, sure } : { own, context: ctx, team, cityLike };
}

/** The form of a candidate whose type news conventions settle, if it has one (see `SureForm`). */
export function sureForm(c: Candidate, tokens: Token[], sentences: Sentence[], lexicon: Lexicon): SureForm | undefined {
  const { lookupPlace } = lexicon;
  const words = c.words.map(bare);
  const opener = EVENT_MODIFIERS.has(words[0] as string) && words.length >= 3 ? 1 : 0;
  if (words.length >= opener + 2 && EVENT_OPENERS.has(words[opener] as string)) return "event";
  const last = words[words.length - 1] as string;
  if (words.length >= 2 && (last === "war" || last === "wars")) return "event";
  const sentence = sentences[c.sentence] as Sentence;
  const text = (i: number) => (i >= sentence.tokenStart && i < sentence.tokenEnd ? (tokens[i] as Token).text : "");
  if (c.end - c.first > MAX_LINE_NAME_WORDS || c.headline) return undefined;
  let capitals = true;
  for (let i = c.first; i < c.end && capitals; i++) capitals = isAllCaps(text(i)) || NAME_PARTICLES.has(text(i));
  // A credit line: the name alone on its line, bracketed or after a dash anywhere, bare on the last line.
  const short = sentence.tokenEnd - sentence.tokenStart <= c.end - c.first + CREDIT_MARKS;
  let alone = short;
  for (let i = sentence.tokenStart; i < sentence.tokenEnd && alone; i++)
    alone = (i >= c.first && i < c.end) || CREDIT_MARK.test(text(i));
  if (alone) {
    const marked = text(c.first - 1) === "(" || DASHES.has(text(c.first - 1));
    return marked || (capitals && c.sentence === sentences.length - 1) ? "credit" : undefined;
  }
  // A dateline: a city in capitals opening its line, then a comma and a date or a region, or an agency in
  // brackets, or a dash.
  if (c.first !== sentence.tokenStart || !capitals) return undefined;
  const next = text(c.end);
  const after = text(c.end + 1);
  const dated = (w: string) => DATE.test(w) || CALENDAR.has(bare(w));
  // A dash alone also follows a section label ("EUROBONDS -"): then the name has to be a known place.
  if (next === "(" || (DASHES.has(next) && lookupPlace(c.words.join(" ")) !== undefined)) return "dateline";
  if (next !== ",") return undefined;
  if (dated(after)) return "dateline";
  const third = text(c.end + 2);
  return /^\p{Lu}/u.test(after) && (third === "(" || DASHES.has(third) || dated(third)) ? "dateline" : undefined;
}

/** Words an apposition may open with before its head noun ("a", "the", "one of the country's most ..."). */
const APPOSITION_OPENERS = new Set(["a", "an", "the", "one", "another", "its", "his", "her", "their"]);
/** How far into an apposition its head noun is looked for. */
const APPOSITION_REACH = 8;

const OPEN_QUOTES = new Set(['"', "“", "‘", "'"]);
const CLOSE_QUOTES = new Set(['"', "”", "’", "'"]);
/** The longest quotation read as a title of a work. */
const QUOTED_TITLE_WORDS = 10;

/**
 * True when the candidate sits in a short quotation whose words are mostly capitalised, as titles of songs,
 * books and campaigns are; a quoted sentence has mostly lower-case words.
 */
function inQuotedTitle(tokens: Token[], first: number, end: number, s: Sentence): boolean {
  let open = first - 1;
  while (open >= s.tokenStart && first - open <= QUOTED_TITLE_WORDS && !OPEN_QUOTES.has((tokens[open] as Token).text))
    open--;
  let close = end;
  while (close < s.tokenEnd && close - end <= QUOTED_TITLE_WORDS && !CLOSE_QUOTES.has((tokens[close] as Token).text))
    close++;
  if (open < s.tokenStart || close >= s.tokenEnd) return false;
  if (!OPEN_QUOTES.has((tokens[open] as Token).text) || !CLOSE_QUOTES.has((tokens[close] as Token).text)) return false;
  let words = 0;
  let capitalised = 0;
  for (let i = open + 1; i < close; i++) {
    const w = (tokens[i] as Token).text;
    if (!/\p{L}/u.test(w)) continue;
    words++;
    if (/^\p{Lu}/u.test(w)) capitalised++;
  }
  return words >= 2 && capitalised / words > 0.5;
}

/** Tokens that may stand between the members of a list ("X, Y and Z"). */
const LIST_LINKS = new Set([",", "and", "or", "&"]);

/**
 * The token range of the list of names a candidate stands in: capitalised words joined by commas and
 * conjunctions, ending in a name on both sides. A candidate outside any list is its own range.
 */
function listBounds(tokens: Token[], first: number, end: number, s: Sentence): [number, number] {
  const capital = (k: number) => k >= s.tokenStart && k < s.tokenEnd && NAME_START.test((tokens[k] as Token).text);
  const link = (k: number) => k >= s.tokenStart && k < s.tokenEnd && LIST_LINKS.has((tokens[k] as Token).text);
  const part = (k: number) => capital(k) || NAME_PARTICLES.has((tokens[k] as Token).text);
  let a = first;
  let b = end;
  for (;;) {
    let k = a - 1;
    while (link(k)) k--;
    if (k === a - 1 || !capital(k) || a - 1 - k > 2) break;
    while (k - 1 >= s.tokenStart && part(k - 1)) k--;
    a = k;
  }
  for (;;) {
    let k = b;
    while (link(k)) k++;
    if (k === b || !capital(k) || k - b > 2) break;
    while (k + 1 < s.tokenEnd && part(k + 1)) k++;
    b = k + 1;
  }
  return [a, b];
}

/** The type the noun before "such as", "including" or "like" gives the list of names that starts it. */
function listHeadKind(tokens: Token[], first: number, sentenceStart: number): EntityType | undefined {
  let i = first - 1;
  while (i >= sentenceStart) {
    const w = (tokens[i] as Token).text;
    if (LIST_LINKS.has(w.toLowerCase()) || /^\p{Lu}/u.test(w) || NAME_PARTICLES.has(w)) i--;
    else break;
  }
  const at = (k: number) => (k >= sentenceStart ? (tokens[k] as Token).text.toLowerCase() : "");
  let noun = "";
  if (at(i) === "as" && at(i - 1) === "such") noun = at(i - 2);
  else if (at(i) === "including" || at(i) === "like") noun = at(i - 1) === "," ? at(i - 2) : at(i - 1);
  const singular = noun.replace(/(?:ies)$/, "y").replace(/(?<=[^s])s$/, "");
  if (PLACE_NOUNS.has(noun) || PLACE_NOUNS.has(singular)) return "place";
  if (ORG_NOUNS.has(noun) || ORG_NOUNS.has(singular)) return "organization";
  if (PERSON_ROLES.has(noun) || PERSON_ROLES.has(singular)) return "person";
  return undefined;
}

/** The type an apposition after a name gives it, read from its first person or organisation noun. */
function appositionKind(tokens: Token[], from: number, to: number): EntityType | undefined {
  if (!APPOSITION_OPENERS.has((tokens[from]?.text ?? "").toLowerCase())) return undefined;
  for (let i = from; i < Math.min(to, from + APPOSITION_REACH); i++) {
    const raw = (tokens[i] as Token).text;
    const w = raw.toLowerCase();
    // A name inside ends the description: ", the Velmar Group will ..." is another clause's subject.
    if (w === "," || w === "." || w === "who" || w === "which" || /^\p{Lu}/u.test(raw)) return undefined;
    const singular = w.replace(/(?<=[^s])s$/, "");
    if (PERSON_ROLES.has(w) || PERSON_ROLES.has(singular)) return "person";
    if (ORG_NOUNS.has(w) || ORG_NOUNS.has(singular) || ORG_AFTER.has(w)) return "organization";
    if (PLACE_NOUNS.has(w) || PLACE_NOUNS.has(singular)) return "place";
  }
  return undefined;
}

/**
 * Weak defaults when nothing points anywhere. A lone unknown capitalised word in news is more often an
 * organisation (a firm, a party, a team) than a person, whose names usually come in two words first.
 */
const PRIOR_ONE_WORD: Scores = { person: 0.2, organization: 0.3, place: 0.1, other: 0 };
const PRIOR_MORE_WORDS: Scores = { person: 0.3, organization: 0.2, place: 0.1, other: 0 };
/** Names read as teams before a document counts as a sports report. */
const SPORT_REPORT_TEAMS = 2;
/**
 * Different words of sports reporting (`SPORT_WORDS`) that make a document a sports report even where no
 * score line shows a team: one or two turn up in any news ("coach", "manager", "champions"), four rarely do
 * outside sport.
 */
const SPORT_REPORT_WORDS = 4;
/** Words that, in a sports report, make a name a competition rather than an organisation. */
export const SPORT_COMPETITION_WORDS = new Set(["league", "liga"]);
/** How much the context of the other mentions of the same name in the document adds to a mention's own. */
const DOCUMENT_WEIGHT = 0.6;
/** The most the other mentions' context can add up to: one strong cue, so repeated weak cues cannot outweigh a gazetteer. */
const DOCUMENT_CONTEXT_CAP = 8;
/** The person score a full name needs before its given name and surname, alone, count as that person (two plain words do). */
const PERSON_NAME_EVIDENCE = 1;
/** The organisation or place score that keeps a lone surname its own type (a team's or firm's name shared with a person). */
const PERSON_PART_OVERRIDE = 2;
/** How much each other member of a list ("X, Y and Z") pulls a member towards its own type. */
const LIST_VOTE = 1.5;
/** Context evidence this strong (a score line, a dateline, a title) types a mention whatever its other mentions say. */
const STRONG_CONTEXT = 4;
/** Members a run of names needs to count as a list whose members share a type. */
const LIST_MIN_MEMBERS = 3;
/** The lead over the runner-up type at which a list member's type counts as clear and votes fully. */
const LIST_CLEAR_MARGIN = 3;

/**
 * Types every candidate, letting mentions of the same name share their context across the document,
 * members of one list share their type, and making a lone surname or first name of a person found
 * elsewhere that person. Returns each candidate's type and the summed evidence it was chosen from.
 */
export function resolveInDocument(
  candidates: Candidate[],
  evidence: Evidence[],
  tokens: Token[],
): { types: EntityType[]; totals: Scores[] } {
  const keys = candidates.map((c) => nameKey(c.words.join(" ")));
  const byName = new Map<string, { own: Scores; context: Scores }>();
  candidates.forEach((_c, i) => {
    const e = evidence[i] as Evidence;
    const key = keys[i] as string;
    const sum = byName.get(key) ?? { own: { ...e.own }, context: zero() };
    for (const k of TYPES) {
      sum.own[k] = Math.max(sum.own[k], e.own[k]);
      sum.context[k] += e.context[k];
    }
    byName.set(key, sum);
  });
  const totals = candidates.map((c, i) => {
    const e = evidence[i] as Evidence;
    const doc = byName.get(keys[i] as string) as { own: Scores; context: Scores };
    const prior = c.words.length === 1 ? PRIOR_ONE_WORD : PRIOR_MORE_WORDS;
    const s = zero();
    for (const k of TYPES) {
      const others = Math.min(DOCUMENT_CONTEXT_CAP, doc.context[k] - e.context[k]);
      s[k] = e.own[k] + e.context[k] + DOCUMENT_WEIGHT * others + prior[k];
    }
    return s;
  });
  // In a sports report (several names read as teams), other city and region names are teams too, unless
  // their own context puts them in a place ("in X", a dateline).
  if (evidence.filter((e) => e.team).length >= SPORT_REPORT_TEAMS || isSportReport(tokens)) {
    evidence.forEach((e, i) => {
      if (e.cityLike && !e.team) (totals[i] as Scores).organization += e.own.place + W.sportReport;
    });
    // There a league is the competition its teams play in ("the National League"), not a body of members.
    candidates.forEach((c, i) => {
      if (c.words.some((w) => SPORT_COMPETITION_WORDS.has(bare(w))))
        (totals[i] as Scores).other += W.orgHead + W.miscHead;
    });
  }
  const preliminary = totals.map(pick);
  // A member votes only as strongly as its own evidence is clear: unknown names must not outvote known ones.
  const margins = totals.map((t) => {
    const sorted = TYPES.map((k) => t[k]).sort((a, b) => b - a);
    return Math.min(1, ((sorted[0] ?? 0) - (sorted[1] ?? 0)) / LIST_CLEAR_MARGIN);
  });
  // Lists: candidates of one sentence separated only by commas and conjunctions.
  let group: number[] = [];
  const closeGroup = () => {
    // Two names joined by "and" are as often of different kinds ("Chile and Velmar"); three make a list.
    if (group.length >= LIST_MIN_MEMBERS) {
      for (const g of group) {
        for (const h of group) {
          if (h === g || candidates[h]?.fixed) continue;
          const t = preliminary[h] as EntityType;
          if (t !== "other") (totals[g] as Scores)[t] += LIST_VOTE * (margins[h] as number);
        }
      }
    }
    group = [];
  };
  candidates.forEach((c, i) => {
    const prev = candidates[i - 1];
    const linked =
      prev !== undefined &&
      prev.sentence === c.sentence &&
      c.first - prev.end >= 1 &&
      c.first - prev.end <= 2 &&
      tokens.slice(prev.end, c.first).every((t) => LIST_LINKS.has(t.text.toLowerCase()));
    if (!linked) closeGroup();
    group.push(i);
  });
  closeGroup();
  // One name, one type within a document: the summed evidence of all its mentions decides.
  const byKey = new Map<string, Scores>();
  totals.forEach((t, i) => {
    const sum = byKey.get(keys[i] as string) ?? zero();
    for (const k of TYPES) sum[k] += t[k];
    byKey.set(keys[i] as string, sum);
  });
  // ... unless a mention's own context says clearly otherwise ("Tarvik 5 Olmen 2" beside "in Tarvik").
  const first = keys.map((k, i) => {
    const own = (evidence[i] as Evidence).context;
    const ownType = pick(own);
    return own[ownType] >= STRONG_CONTEXT ? pick(totals[i] as Scores) : pick(byKey.get(k) as Scores);
  });
  // The given names and surnames of the full names typed as persons ("Omar Haddad").
  const personParts = new Set<string>();
  candidates.forEach((c, i) => {
    const t = totals[i] as Scores;
    if (first[i] !== "person" || c.words.length < 2 || t.person < PERSON_NAME_EVIDENCE) return;
    for (const w of [c.words[0] as string, c.words[c.words.length - 1] as string])
      if (!INITIAL.test(w)) personParts.add(nameKey(w));
  });
  const types = candidates.map((c, i) => {
    const type = first[i] as EntityType;
    const t = totals[i] as Scores;
    if (c.fixed || c.words.length > 1 || !personParts.has(nameKey(c.words[0] as string))) return type;
    return Math.max(t.organization, t.place) < PERSON_PART_OVERRIDE ? "person" : type;
  });
  return { types, totals };
}

/** The document uses at least `SPORT_REPORT_WORDS` different words of sports reporting. */
export function isSportReport(tokens: readonly Token[]): boolean {
  const seen = new Set<string>();
  for (const t of tokens) {
    const w = t.text.toLowerCase();
    if (SPORT_WORDS.has(w) && !seen.has(w)) {
      seen.add(w);
      if (seen.size >= SPORT_REPORT_WORDS) return true;
    }
  }
  return false;
}

function pick(s: Scores): EntityType {
  let best: EntityType = "person";
  let value = Number.NEGATIVE_INFINITY;
  for (const k of TYPES) {
    if ((s[k] as number) > value) {
      value = s[k] as number;
      best = k;
    }
  }
  return best;
}

/** A kind of place, in the singular or plural ("town", "provinces", "cities"). */
function isPlaceNoun(word: string): boolean {
  return PLACE_NOUNS.has(word) || PLACE_NOUNS.has(word.replace(/ies$/, "y").replace(/(?<=[^s])s$/, ""));
}

/** Given-name counts from which the first word of a side in a match result still makes it a person ("Stephen X 5 Y 3"). */
const MATCH_GIVEN_NAME = 4;

/**
 * The two sides of a match result, when the sentence is one: a run of capitalised words, a score, another run
 * and a score, with bracketed asides (goal scorers, countries) and a final full stop left out. A label before a
 * colon ("In Olmen :", "Group B :") is where or what the match was, not a side. Token ranges.
 */
export function matchSides(tokens: readonly Token[], sentence: Sentence): [number, number][] {
  const parts: (["name", number, number] | ["score"])[] = [];
  let depth = 0;
  for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
    const w = (tokens[i] as Token).text;
    if (w === ":" && depth === 0 && !parts.some((p) => p[0] === "score")) parts.length = 0;
    else if (w === "(") depth++;
    else if (w === ")") depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (SCORE.test(w)) parts.push(["score"]);
    else if (/^\p{Lu}/u.test(w)) {
      const last = parts[parts.length - 1];
      if (last?.[0] === "name" && last[2] === i) last[2] = i + 1;
      else parts.push(["name", i, i + 1]);
    } else if (!(w === "." && i === sentence.tokenEnd - 1)) return [];
  }
  const shape = parts.map((p) => p[0]).join(" ");
  if (shape !== "name score name score") return [];
  return parts.filter((p): p is ["name", number, number] => p[0] === "name").map((p) => [p[1], p[2]]);
}
