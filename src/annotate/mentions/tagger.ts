import { defaultLexicon, type Lexicon } from "../../lexicon/index.js";
import type { EntityType, Mention, Token } from "../../model/index.js";
import { nameKey } from "../../words/name-key.js";
import { CALENDAR, ORG_HEADS, SPEECH_VERBS } from "../../words/names.js";
import { namesBeforeTheirAcronyms } from "./acronyms.js";
import { adjectivesBeforeNouns } from "./adjectives.js";
import { isAllCaps, isTitleCaseLine } from "./casing.js";
import { competitionsOfSportReports } from "./competitions.js";
import { placesOfDatelines } from "./datelines.js";
import { noPersonAfterThe } from "./determiners.js";
import { familyNamesAlone } from "./family-names.js";
import { clubsOfFixtures } from "./fixtures.js";
import { namesBeforeHeadlineVerbs } from "./headline-verbs.js";
import { personsAfterHonorifics } from "./honorifics.js";
import type { MentionInput } from "./input.js";
import { personsWithoutLeadingWords } from "./leading-words.js";
import { conjoinedNameParts, possessiveCommonNames } from "./name-joins.js";
import { newsDesks } from "./news-desks.js";
import { organisationsOpeningSentences } from "./opening-names.js";
import { organisationsAfterTheirKind } from "./org-kinds.js";
import { namesWithParticles } from "./particles.js";
import { withoutPeriods } from "./periods.js";
import { teamsOfPluralVerbs } from "./plural-subjects.js";
import { papersOfPressReview, reportingOutlets } from "./press-review.js";
import { firmsHeldIn, ownersOfPosts } from "./role-owners.js";
import { detectMentionsByRules, type RuleMention } from "./rules.js";
import { teamsOwningInSportReports } from "./sport-possessives.js";
import { statesAfterTowns, statesMissedAfterTowns } from "./states.js";
import { oneKindPerTable } from "./tables.js";
import { type TaggerDocument, visitFeatures } from "./tagger-features.js";
import { ruleTags, TYPE_OF_CONLL, taggerTokens } from "./tagger-tokens.js";
import { tagDocument } from "./tagger-weights.js";
import { vesselNames } from "./vessels.js";
import { endsInHead, isCountry, isGroupWord } from "./words.js";

/**
 * Evidence from a name's own words (log-odds-like units of the rule detector) at which its type is settled:
 * an organisation noun, a place head, a title, a university.
 */
const SURE_OWN_SCORE = 3;

/**
 * Finds names with the trained tagger, which reads the rule detector's output among its features.
 *
 * @example
 * const { tokens, sentences } = tokenize(text);
 * detectMentionsWithTagger({ text, tokens, sentences }); // [{ text: "Ali Hassan", type: "person", ... }]
 */
export function detectMentionsWithTagger(input: MentionInput, lexicon: Lexicon = defaultLexicon()): Mention[] {
  const { tokens, sentences } = taggerTokens(input);
  const ruleMentions = detectMentionsByRules(input, lexicon);
  const rules = ruleTags(tokens, ruleMentions);
  // The words are copied by `push`, not `map`, for the reason `ruleTags` gives.
  const words: string[] = [];
  for (const t of tokens) words.push(t.text);
  const doc: TaggerDocument = { words, sentences, rules, newsCopies: "rules" };
  const labels = tagDocument(doc, lexicon.taggerWeights(), (visit) => visitFeatures(doc, lexicon, visit));
  const mentions: Mention[] = [];
  let open: Mention | undefined;
  labels.forEach((label, i) => {
    const t = tokens[i] as Token;
    if (label === "O") {
      open = undefined;
      return;
    }
    const type = TYPE_OF_CONLL[label.slice(2)] as EntityType;
    if (label.startsWith("I-") && open && open.type === type) {
      open.end = t.end;
      return;
    }
    open = { start: t.start, end: t.end, text: "", type };
    mentions.push(open);
  });
  // Where the name's own words settle its type ("Delta Shipping", "Mount Elgon"), the tagger keeps the span
  // it found but not a type of its own.
  const sure = new Map<string, EntityType>();
  for (const r of ruleMentions)
    if (r.own === r.type && r.ownScore >= SURE_OWN_SCORE) sure.set(`${r.start}:${r.end}`, r.type);
  for (const m of mentions) {
    const type = sure.get(`${m.start}:${m.end}`);
    if (type) m.type = type;
  }
  const settled = settleByRules(mentions, ruleMentions, input.text, lexicon);
  for (const m of settled) m.text = input.text.slice(m.start, m.end);
  const opening = openingCommonWords(settled, ruleMentions, input, lexicon);
  const titled = titleCaseCommonWords(settled, ruleMentions, input, lexicon);
  const slugs = slugWords(settled, input, lexicon);
  const kept = namesBeforeHeadlineVerbs(
    withoutPeriods(
      settled.filter((m) => /[\p{L}\p{N}]/u.test(m.text) && !opening.has(m) && !titled.has(m) && !slugs.has(m)),
    ),
    ruleMentions,
    input,
    lexicon,
  );
  const people = oneKindPerTable(
    scorecardPlayers(
      namesWithParticles(
        placesOfDatelines(newsDesks(namesBeforeTheirAcronyms(kept, input.text), input.text), input),
        input.text,
      ),
      input,
    ),
    input.text,
    lexicon,
  );
  const named = possessiveNames(
    oneKindPerEntry(
      teamsAfterNations(bracketedAffiliations(people, input.text, lexicon), input.text, lexicon),
      input.text,
      lexicon,
    ),
    input.text,
    lexicon,
  );
  const joined = conjoinedNameParts(possessiveCommonNames(named, input.text, lexicon), input.text, lexicon);
  venuesAfterAt(joined, input.text, lexicon);
  streetsBeforeTheirKind(joined, input.text, lexicon);
  sitesBeforeTheirKind(joined, input.text);
  // News conventions that make a name an organisation (or a league a competition), each changing types in place.
  const papers = papersOfPressReview(joined, input.text, lexicon);
  reportingOutlets(papers, input.text, lexicon);
  ownersOfPosts(papers, input.text, lexicon);
  firmsHeldIn(papers, input.text, lexicon);
  organisationsAfterTheirKind(papers, input.text, lexicon);
  statesAfterTowns(papers, input.text);
  competitionsOfSportReports(papers, input);
  vesselNames(papers, input.text);
  adjectivesBeforeNouns(papers, input.text, lexicon);
  personsWithoutLeadingWords(papers, lexicon);
  const typed = teamsOfPluralVerbs(
    organisationsOpeningSentences(
      familyNamesAlone(
        organisationShortForms(oneTypePerPerson(withLegalForms(withRoyalTitles(papers, input.text)), lexicon), lexicon),
        input,
      ),
      input,
    ),
    input.text,
  );
  const placed = placesOpeningSentences(publicationsBeforeTheirKind(typed, input.text, lexicon), input.text);
  const teams = clubsOfFixtures(teamsOwningInSportReports(placed, input, lexicon), input.text, lexicon);
  return personsAfterHonorifics(
    noPersonAfterThe(statesMissedAfterTowns(teams, input.text), input.text, lexicon),
    input.text,
    lexicon,
  );
}

/** The word "at" (any case) and the space before a name, as the tail of the text before it. */
const AT_BEFORE = /(?:^|[^\p{L}\p{N}])[Aa][Tt] $/u;
/** Initials and short acronyms ("U.N.", "UN"): an organisation's, even where a small town shares the letters. */
const ACRONYM = /^(?:\p{Lu}\.?){1,4}$/u;

/**
 * A name the gazetteers know as a place, right after "at", is where something happens: a venue ("Kent AT
 * Leeds" in a fixture list, "talks at Geneva"), not the team or body that shares its name. Mentions must have
 * their text set; their types are changed in place.
 */
export function venuesAfterAt(mentions: Mention[], text: string, lexicon: Lexicon): Mention[] {
  for (const m of mentions) {
    if (m.type !== "organization" || ACRONYM.test(m.text)) continue;
    if (!AT_BEFORE.test(text.slice(Math.max(0, m.start - 4), m.start))) continue;
    if (lexicon.lookupPlace(m.text) || isCountry(m.text, lexicon)) m.type = "place";
  }
  return mentions;
}

/** "In" or "At" opening a sentence or line, and the space after it, as the text before a name. */
const OPENING_IN = /(?:^|[.!?:\n]\s*)(?:In|At) $/u;

/**
 * A name between an opening "In" or "At" and a comma or colon ("In Velmar , police said", "At Kestrel Bay :
 * Portavel 2 Orrin 1") is where what follows happened, a place, though the tagger read a person or some other
 * name there; an organisation there may be a company's premises ("At Velmar Corp , sales rose") and keeps its
 * type. Mentions must have their text set; their types are changed in place.
 */
export function placesOpeningSentences(mentions: Mention[], text: string): Mention[] {
  for (const m of mentions) {
    if (m.type !== "person" && m.type !== "other") continue;
    if (!/^\s?[,:]/u.test(text.slice(m.end, m.end + 2))) continue;
    if (OPENING_IN.test(text.slice(Math.max(0, m.start - 8), m.start))) m.type = "place";
  }
  return mentions;
}

/** Kinds of publication, as written right after a paper's name ("the Velmar Post newspaper said"). */
const PUBLICATION_AFTER = /^\s(?:newspaper|daily|weekly|magazine|tabloid|news agency)\b/u;
/** An indefinite article before a name, as the tail of the text before it: "a Murdoch newspaper" is one he owns. */
const A_BEFORE = /(?:^|[^\p{L}])[Aa]n? $/u;

/**
 * A name right before the kind of publication it is ("the Statesman newspaper", "Le Matin daily") is that
 * publication, an organisation, though its words read as a person's or an unknown place's. A place the
 * gazetteers know is where the paper is from ("a Portavel daily"), and a name after "a" owns the paper.
 * Mentions must have their text set; their types are changed in place.
 */
export function publicationsBeforeTheirKind(mentions: Mention[], text: string, lexicon: Lexicon): Mention[] {
  const papers = new Set<string>();
  for (const m of mentions) {
    if (m.type === "other" || !PUBLICATION_AFTER.test(text.slice(m.end, m.end + 16))) continue;
    if (A_BEFORE.test(text.slice(Math.max(0, m.start - 3), m.start))) continue;
    if (lexicon.lookupPlace(m.text) || isCountry(m.text, lexicon)) continue;
    m.type = "organization";
    papers.add(nameKey(m.text));
  }
  // The paper named alone elsewhere ("a Velmar Post commentary", "Velmar Post said") is that paper too.
  for (const m of mentions) if (m.type === "person" && papers.has(nameKey(m.text))) m.type = "organization";
  return mentions;
}

/**
 * Kinds of site written in lower case after their names ("Velmar airport", "Kestrel prison"): the name is
 * the site's, a place, though it is a person's ("Ana Ruiz airport") or an organisation's as well. A camp is
 * left out: "the Ruiz camp" is her supporters.
 */
const SITE_AFTER =
  /^\s(?:airport|airfield|airbase|prison|jail|hospital|mosque|church|cathedral|temple|stadium|harbou?r|port)\b/u;

/**
 * A name before the kind of site it names, in lower case ("Ben Amari airport", "Portavel prison"), is that site, a
 * place. Mentions must have their text set; their types are changed in place.
 */
export function sitesBeforeTheirKind(mentions: Mention[], text: string): Mention[] {
  for (const m of mentions)
    if ((m.type === "person" || m.type === "organization") && SITE_AFTER.test(text.slice(m.end, m.end + 12)))
      m.type = "place";
  return mentions;
}

/** Streets' kind in the plural after their names ("Church and Main streets", "Velmar Road and Orrin avenues"). */
const STREETS_AFTER =
  /^(?:\s+(?:and|&)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*)?\s+(?:streets|avenues|roads|lanes|boulevards)\b/u;

/**
 * Names before "streets" or "avenues" in lower case, alone or joined by "and" ("at Church and Main streets"),
 * are streets, places, however common their words ("Church", "Main") or whatever else they could name; a
 * people's name there says whose roads they are ("Velmarian roads"). Mentions must have their text set; their types are changed in place.
 */
export function streetsBeforeTheirKind(mentions: Mention[], text: string, lexicon: Lexicon): Mention[] {
  for (const m of mentions)
    if (STREETS_AFTER.test(text.slice(m.end, m.end + 80)) && !isGroupWord(m.text, lexicon)) m.type = "place";
  return mentions;
}

/** A company's legal form written with periods ("S.A.", "N.V.", "S.p.A."): two letters or more, each with its period. */
const DOTTED_LEGAL_FORM = /^(?:\p{L}{1,2}\.){2,}$/u;

/**
 * A name that ends in a company's legal form written with periods ("Velmarco S.A.") is an organisation,
 * whatever the tagger read; its short form ("Velmarco") follows it in `organisationShortForms`. Mentions
 * must have their text set; their types are changed in place.
 */
export function withLegalForms(mentions: Mention[]): Mention[] {
  for (const m of mentions) {
    const w = m.text.split(/\s+/);
    const last = w[w.length - 1] as string;
    if (w.length > 1 && DOTTED_LEGAL_FORM.test(last) && isOrgHead(last)) m.type = "organization";
  }
  return mentions;
}

/** A cricket scorecard's dismissal marks: caught, stumped (before the fielder) and bowled (before the bowler). */
const FIELDED = new Set(["c", "st"]);
const BOWLED = "b";
/** Bowling figures after a name: overs, maidens, runs, wickets ("22-6-56-2", "9.3-1-40-3"), however tokenized. */
const BOWLING_FIGURES = /^\s*\d{1,2}(?:\.\d)?-\d{1,2}-\d{1,3}-\d{1,2}(?![\d.-])/;
const RUNS = /^\d{1,3}$/;
/**
 * A goal's minute after a scorer's name in a football result ("( Name 15th , Other 64th pen )"): an ordinal,
 * then what ends a scorer's entry. Together with the bracket or comma before the name this is a list of scorers.
 */
const GOAL_MINUTE =
  /^\s*\(?\s*\d{1,3}(?:st|nd|rd|th)\s*(?:min(?:ute)?s?\b|pen(?:alty)?\b|o\.?g\b|and\b|\d{1,3}(?:st|nd|rd|th)\b|[,;)])/;
/** What opens a scorer's entry: a bracket, a comma, a colon ("Scorers :") or a dash after the team ("Team - Name"). */
const SCORER_BEFORE = /(?:[(,;:]|\s-)\s*$/;

/**
 * Names in a cricket scorecard are players, whatever else the words could name: the fielder in "c Name b"
 * or "st Name b", the bowler in "b Name 46" (bowled, then the batsman's runs), and the bowler before bowling
 * figures ("Name 22-6-56-2"). The marks are lower-case single letters that prose does not put before a
 * capital and a number. So are a football result's scorers, each named in brackets or after a comma with the
 * minute of the goal ("( Name 15th , Other 64th pen )"). Mentions there are replaced by one person over the
 * capitalised words.
 */
export function scorecardPlayers(mentions: Mention[], input: MentionInput): Mention[] {
  const { tokens, sentences, text } = input;
  const players: Mention[] = [];
  for (const s of sentences) {
    const word = (k: number) => (k >= s.tokenStart && k < s.tokenEnd ? (tokens[k] as Token).text : "");
    const capital = (k: number) => /^\p{Lu}/u.test(word(k));
    for (let from = s.tokenStart; from < s.tokenEnd; from++) {
      if (!capital(from)) continue;
      let to = from + 1;
      while (capital(to)) to++;
      const mark = word(from - 1);
      const after = word(to);
      const start = (tokens[from] as Token).start;
      const end = (tokens[to - 1] as Token).end;
      const player =
        (FIELDED.has(mark) && after === BOWLED) ||
        (mark === BOWLED && RUNS.test(after)) ||
        BOWLING_FIGURES.test(text.slice(end, end + 16)) ||
        (SCORER_BEFORE.test(text.slice(Math.max(0, start - 4), start)) && GOAL_MINUTE.test(text.slice(end, end + 20)));
      if (player) players.push({ start, end, text: text.slice(start, end), type: "person" });
      from = to - 1;
    }
  }
  if (players.length === 0) return mentions;
  const overlaps = (m: Mention) => players.some((p) => m.start < p.end && p.start < m.end);
  return [...mentions.filter((m) => !overlaps(m)), ...players].sort((a, b) => a.start - b.start);
}

/** Titles that are part of a monarch's or royal's name ("Queen Maren II", "Prince Olaf"), unlike "President". */
const ROYAL_TITLES = new Set(["King", "Queen", "Prince", "Princess", "Emperor", "Empress"]);

/**
 * A person's name right after a royal title takes the title in: "King Harald", "Princess Ida" are how such
 * people are named, and "King Harald" and "Harald" are told apart from "King Harald V" by resolve, not here.
 * Mentions must have their text set.
 */
export function withRoyalTitles(mentions: Mention[], text: string): Mention[] {
  for (const m of mentions) {
    if (m.type !== "person") continue;
    const before = /(\p{Lu}\p{Ll}+) $/u.exec(text.slice(Math.max(0, m.start - 12), m.start));
    if (!before || !ROYAL_TITLES.has(before[1] as string)) continue;
    m.start -= (before[0] as string).length;
    m.text = text.slice(m.start, m.end);
  }
  return mentions;
}

/**
 * One-word names the tagger found on the first word of a sentence, before a lower-case word, where the rules
 * found none and the lexicon knows the word neither as a place nor as a first name: a common noun whose capital
 * is the sentence's ("Olive oil prices rose", "Harbour traffic was halted").
 */
function openingCommonWords(
  mentions: readonly Mention[],
  rules: readonly RuleMention[],
  input: MentionInput,
  lexicon: Lexicon,
): Set<Mention> {
  const { firstNameCount, lookupPlace } = lexicon;
  const out = new Set<Mention>();
  const starts = new Map<number, number>();
  for (const s of input.sentences)
    if (s.tokenEnd > s.tokenStart + 1) starts.set((input.tokens[s.tokenStart] as Token).start, s.tokenStart);
  for (const m of mentions) {
    const at = starts.get(m.start);
    if (at === undefined || (input.tokens[at] as Token).end !== m.end) continue;
    const next = (input.tokens[at + 1] as Token).text;
    if (!/^\p{Ll}/u.test(next) || SPEECH_VERBS.has(next)) continue;
    if (rules.some((r) => r.start < m.end && m.start < r.end)) continue;
    if (lookupPlace(m.text) || firstNameCount(m.text) > 0 || isAllCaps(m.text)) continue;
    out.add(m);
  }
  return out;
}

/**
 * Names the tagger found in a headline set in title case ("Dockers Agree to End Strike After Fire"), that the
 * rules did not find with the same span, whose every word an English dictionary lists as a common word: their capitals are the
 * headline's. Mentions must have their text set.
 */
export function titleCaseCommonWords(
  mentions: readonly Mention[],
  rules: readonly RuleMention[],
  input: MentionInput,
  lexicon: Lexicon,
): Set<Mention> {
  const out = new Set<Mention>();
  for (const s of input.sentences) {
    const inside = mentions.filter((m) => m.start >= s.start && m.end <= s.end);
    if (inside.length === 0 || !isTitleCaseLine(input.tokens.slice(s.tokenStart, s.tokenEnd), lexicon)) continue;
    for (const m of inside) {
      if (rules.some((r) => r.start === m.start && r.end === m.end)) continue;
      if (m.text.split(/\s+/).every((w) => lexicon.dictionaryKind(w) === "common")) out.add(m);
    }
  }
  return out;
}

/** Dashes after a line's label ("SPORTS - ..."). */
const SLUG_DASHES = new Set(["-", "--", "—", "–"]);

/**
 * Names found in the label that opens a line in capitals before a dash ("PRESS DIGEST - ...", "ATHLETICS -
 * ..."), whose every word an English dictionary lists only as a common word: a wire's section label, not a
 * name. A place ("TURKEY - ...") or a word the dictionary also lists as a name is kept. Mentions must have
 * their text set.
 */
export function slugWords(mentions: readonly Mention[], input: MentionInput, lexicon: Lexicon): Set<Mention> {
  const out = new Set<Mention>();
  for (const s of input.sentences) {
    let k = s.tokenStart;
    while (
      k < s.tokenEnd &&
      /\p{L}/u.test((input.tokens[k] as Token).text) &&
      isAllCaps((input.tokens[k] as Token).text)
    )
      k++;
    const dash = input.tokens[k];
    if (k === s.tokenStart || k >= s.tokenEnd || !dash || !SLUG_DASHES.has(dash.text)) continue;
    const labelEnd = (input.tokens[k - 1] as Token).end;
    for (const m of mentions) {
      if (m.start < s.start || m.end > labelEnd) continue;
      const words = m.text.split(/\s+/);
      if (words.every((w) => lexicon.dictionaryKind(w) === "common" && !lexicon.lookupPlace(w))) out.add(m);
    }
  }
  return out;
}

/**
 * Size of a city (ten times the log of its population, as the gazetteer keeps it) from which its name is
 * too well known to be taken for a surname without a first name before it: about a million people. Smaller
 * towns share their names with many families ("Akashi", "Lincoln").
 */
const BIG_CITY_SIZE = 60;

/**
 * One person, one type across a document: a full name that no head word ends ("Raj Patel") is a person when
 * its surname alone is one elsewhere ("Patel said"), and a lone surname is the person whose full name is one.
 * Mentions must have their text set; their types are changed in place.
 */
export function oneTypePerPerson(mentions: Mention[], lexicon: Lexicon): Mention[] {
  const { firstNameCount, lookupPlace } = lexicon;
  const words = (m: Mention) => m.text.split(/\s+/);
  const people = new Set<string>();
  for (const m of mentions) {
    if (m.type !== "person") continue;
    const w = words(m);
    const last = w[w.length - 1] as string;
    // A country's, region's or big city's name ends a person's only after a known first name ("George
    // Washington"), not where a name and a place ran together ("Lebed Chechnya peace plan", "Dinamo Sofia").
    const place = lookupPlace(last);
    const wellKnown = place !== undefined && (place.kind !== "city" || place.size >= BIG_CITY_SIZE);
    if (wellKnown && !(w.length > 1 && firstNameCount(w[0] as string) > 0)) continue;
    people.add(nameKey(last));
  }
  for (const m of mentions) {
    if (m.type === "person" || m.type === "other") continue;
    const w = words(m);
    const last = w[w.length - 1] as string;
    if (!/^\p{Lu}\p{Ll}/u.test(last) || endsInHead(last) || !people.has(nameKey(last))) continue;
    // The surname has to be a person's on its own or at the end of a full name, not a name that merely ends in it.
    if (w.length > 1 && w.slice(0, -1).some((x) => !/^\p{Lu}/u.test(x) || isCountry(x, lexicon) || lookupPlace(x)))
      continue;
    m.type = "person";
  }
  return mentions;
}

/**
 * An organisation named in full with the words that make it one ("Velmar Holdings", "Tarsin Pharmaceuticals
 * Inc") is named by the rest alone later ("Velmar said"): such a short form, read as a person or as a place
 * the gazetteers do not know, is that organisation. A person's full name elsewhere ("Ana Velmar") keeps it
 * a person. Mentions must have their text set; their types are changed in place.
 */
export function organisationShortForms(mentions: Mention[], lexicon: Lexicon): Mention[] {
  const { lookupPlace } = lexicon;
  const words = (m: Mention) => m.text.split(/\s+/);
  const short = new Set<string>();
  const people = new Set<string>();
  for (const m of mentions) {
    const w = words(m);
    if (m.type === "person" && w.length > 1) people.add(nameKey(w[w.length - 1] as string));
    if (m.type !== "organization" || w.length < 2) continue;
    let k = w.length;
    while (k > 1 && isOrgHead(w[k - 1] as string)) k--;
    if (k < w.length) short.add(nameKey(w.slice(0, k).join(" ")));
  }
  if (short.size === 0) return mentions;
  for (const m of mentions) {
    if (m.type !== "person" && m.type !== "place") continue;
    const key = nameKey(m.text);
    if (!short.has(key) || people.has(key)) continue;
    if (m.type === "place" && (lookupPlace(m.text) || isCountry(m.text, lexicon))) continue;
    m.type = "organization";
  }
  return mentions;
}

/** Clubs a document must give in brackets after people before a person read there is taken for one too. */
const MIN_BRACKETED_CLUBS = 2;

/**
 * A person's affiliation in brackets after the name, as results and line-ups give it ("Ana Ruiz ( Velmar )"):
 * a country there is the one the person stands for, a place; a city or a name the gazetteers do not know is
 * the club, also where the tagger read a person there (a club named after one), though a lone bracketed
 * person elsewhere is a name's other part ("Boris ( Velmarov )"). Mentions must have their text set; their types
 * are changed in place.
 */
export function bracketedAffiliations(mentions: Mention[], text: string, lexicon: Lexicon): Mention[] {
  const { lookupPlace } = lexicon;
  const bracketed = mentions.filter((m, i) => {
    const person = mentions[i - 1];
    if (person?.type !== "person" || m.type === "other") return false;
    return /^\s*\(\s*$/.test(text.slice(person.end, m.start)) && /^\s*\)/.test(text.slice(m.end, m.end + 3));
  });
  const country = (m: Mention) => lookupPlace(m.text)?.kind === "country" || isCountry(m.text, lexicon);
  // Clubs are given where the tagger read more bracketed names as organisations than there are countries;
  // where nations are given (an athletics result), a city there is a place too.
  const organisations = bracketed.filter((m) => m.type === "organization" && !country(m)).length;
  const clubs = organisations > bracketed.filter(country).length;
  for (const m of bracketed) {
    if (country(m)) m.type = "place";
    else if (m.type === "person") {
      if (clubs && organisations >= MIN_BRACKETED_CLUBS) m.type = "organization";
    } else if (clubs && lookupPlace(m.text)?.kind !== "region") m.type = "organization";
  }
  return mentions;
}

/** A nation in brackets, as the tail of the text between a person and the name after it. */
const NATION_BETWEEN = /^\s*\(\s*([^()\n]{1,40}?)\s*\)\s*$/;
/** What ends a results entry after its team: the end of the line, or a time, points or a gap. */
const ENTRY_END = /^[ \t]*(?:\n|$|\+?\d)/;

/**
 * A results entry gives a rider or driver, the nation in brackets and then the team ("Ana Ruiz ( Spain )
 * Velmar 1:54.443"): the name after the bracketed nation, before a time or the end of the line, is the team,
 * an organisation. Mentions must have their text set; their types are changed in place.
 */
export function teamsAfterNations(mentions: Mention[], text: string, lexicon: Lexicon): Mention[] {
  mentions.forEach((m, i) => {
    // The nation is often a mention of its own, between the person and the team.
    const before = mentions[i - 1];
    const person = before && isEntrant(before, lexicon) ? before : mentions[i - 2];
    if (m.type === "organization" || !person || !isEntrant(person, lexicon)) return;
    const inner = NATION_BETWEEN.exec(text.slice(person.end, m.start))?.[1];
    if (inner === undefined || !isCountry(inner, lexicon) || isCountry(m.text, lexicon)) return;
    // A big city there is where the entry ran (a meeting's venue), not a team; small towns share teams' names.
    const place = lexicon.lookupPlace(m.text);
    if (place && place.kind !== "city") return;
    if (place && place.size >= BIG_CITY_SIZE) return;
    if (ENTRY_END.test(text.slice(m.end, m.end + 8))) m.type = "organization";
  });
  return mentions;
}

/**
 * The name that opens a results entry: a person, or a name read as a place the gazetteers do not know, as a
 * person's may end in a place's head word ("Ana Hill").
 */
function isEntrant(m: Mention, lexicon: Lexicon): boolean {
  return m.type === "person" || (m.type === "place" && !lexicon.lookupPlace(m.text) && !isCountry(m.text, lexicon));
}

/** A nation in brackets right after a name, as results give an entry's country ("Name ( Velmaria )"). */
const BRACKETED = /^\s*\(\s*([^()\n]{1,40}?)\s*\)/;
/** Entries a document must give with their nations before their kinds are read as one list's. */
const MIN_ENTRIES = 4;
/**
 * Share of the entries the leading kind must have to settle the others: a results list is of athletes or of
 * clubs, and a lesser share means the document mixes lists.
 */
const ENTRY_SHARE = 0.75;

/**
 * The entries of a results list, each a name followed by its nation in brackets ("Ana Ruiz ( Velmaria ) beat
 * Tomas Orrin ( Kestria )"), are of one kind: persons where most of them read as persons (a tournament's
 * players), organisations where most read as organisations (a cup's clubs). Names that are themselves nations
 * keep their type. Mentions must have their text set; their types are changed in place.
 */
export function oneKindPerEntry(mentions: Mention[], text: string, lexicon: Lexicon): Mention[] {
  const nation = (name: string) => isCountry(name, lexicon);
  const entries = mentions.filter((m) => {
    if (m.type === "other" || nation(m.text)) return false;
    const inner = BRACKETED.exec(text.slice(m.end, m.end + 48))?.[1];
    return inner !== undefined && nation(inner);
  });
  if (entries.length < MIN_ENTRIES) return mentions;
  const votes = new Map<EntityType, number>();
  for (const m of entries) votes.set(m.type, (votes.get(m.type) ?? 0) + 1);
  const [top, count] = [...votes].reduce((a, b) => (b[1] > a[1] ? b : a));
  if (top === "place" || count < ENTRY_SHARE * entries.length) return mentions;
  for (const m of entries) m.type = top;
  return mentions;
}

/** Capitalised words, then a possessive ending, as the tail of the text before a name ("Sudan People's ", "Moody 's "). */
const POSSESSOR = /((?:\p{Lu}[\p{L}\p{M}.&-]*\s)*\p{Lu}[\p{L}\p{M}.&-]*)\s?['’][sS]\s$/u;

/**
 * A possessive inside an organisation's name: capitalised words and "'s" before a name that ends in an
 * organisation's head word make one name with it ("Sudan People's Liberation Army", "Moody's Investors
 * Service"), unless the possessor is a place, a people or a person ("Britain's Labour Party", "Murdoch's News
 * Corp" stay two). Where a document joins them so, the possessor with its "'s" elsewhere is that organisation
 * too ("Moody's said"). A saint's name before the possessive joins it too, though it reads as a person, and
 * the head alone as some other name ("St. Anne's Church"). Mentions must have their text set.
 */
export function possessiveNames(mentions: Mention[], text: string, lexicon: Lexicon): Mention[] {
  const { lookupPlace } = lexicon;
  const joined = new Map<Mention, Mention>();
  const possessors = new Set<string>();
  for (const b of mentions) {
    const w = b.text.split(/\s+/);
    if ((b.type !== "organization" && b.type !== "other") || !isOrgHead(w[w.length - 1] as string)) continue;
    const before = text.slice(Math.max(0, b.start - 80), b.start);
    const m = POSSESSOR.exec(before);
    if (!m) continue;
    const owner = (m[1] as string).replace(/^(?:The|A|An)\s/u, "");
    const words = owner.split(/\s/);
    const last = words[words.length - 1] as string;
    // A saint's name owns what is named after the saint ("St. Anne's Church"): one name, not a person and a head,
    // unless the whole is a place's name ("St. Louis's").
    const saint = SAINT.test(owner);
    if (b.type !== "organization" && !saint) continue;
    // A place ("Hong Kong's"), a people, a day ("Sunday's"), an organisation by its head ("AMR Corp's") owns a
    // name of its own; capitals only (a headline) say too little.
    const ownName = words.some((_w, k) => {
      const tail = words.slice(k).join(" ");
      return (!saint || k === 0) && (lookupPlace(tail) !== undefined || isCountry(tail, lexicon));
    });
    if (ownName || isGroupWord(last, lexicon) || CALENDAR.has(last.toLowerCase()) || isOrgHead(last)) continue;
    if (isAllCapsWord(last)) continue;
    const start = b.start - owner.length - (m[0].length - (m[1] as string).length);
    const ownerEnd = start + owner.length;
    if (!saint && mentions.some((x) => x.type === "person" && x.start < ownerEnd && start < x.end)) continue;
    joined.set(b, { start, end: b.end, text: text.slice(start, b.end), type: "organization" });
    possessors.add(nameKey(owner));
  }
  if (joined.size === 0) return mentions;
  const merged = [...joined.values()];
  const out: Mention[] = [];
  for (const x of mentions) {
    const into = joined.get(x);
    if (into) {
      out.push(into);
      continue;
    }
    if (merged.some((j) => x.start < j.end && j.start < x.end)) continue;
    // The possessor alone elsewhere: "Moody 's" / "Moody's" after "Moody's Investors Service".
    const tail = /^\s?['’][sS](?![\p{L}])/u.exec(text.slice(x.end, x.end + 4));
    if (tail && possessors.has(nameKey(x.text))) {
      const end = x.end + tail[0].length;
      out.push({ start: x.start, end, text: text.slice(x.start, end), type: "organization" });
      continue;
    }
    out.push(x);
  }
  return out.sort((a, b) => a.start - b.start);
}

const isAllCapsWord = (w: string) => w.length > 1 && isAllCaps(w);
/** A saint's name, as churches, hospitals and schools are named after one ("St. Anne", "Saint Olaf"). */
const SAINT = /^(?:St\.?|Saint|Ste\.?)\s\p{Lu}/u;

/** An organisation's head word or legal form, written with or without periods ("Inc.", "S.A.", "AG"). */
function isOrgHead(word: string): boolean {
  const lower = word.toLowerCase();
  return ORG_HEADS.has(lower) || ORG_HEADS.has(lower.replace(/\./g, ""));
}

/**
 * Where the rules are sure of a span, it stands against the tagger's reading: a name of a storm, war or
 * operation, a dateline and a credit line (`RuleMention.sure`); a name the rules end in an organisation or
 * place head that the tagger cut so that the head stands alone ("Norbury" + "Polyclinic"); a country
 * the rules split off the name after it ("US" + "Trump"), which the tagger joined into one; and a country in
 * capitals the tagger did not take for a name at all.
 */
export function settleByRules(
  mentions: Mention[],
  rules: readonly RuleMention[],
  text: string,
  lexicon: Lexicon,
): Mention[] {
  const replaced = new Set<Mention>();
  const added: Mention[] = [];
  const inside = (m: Mention, r: Mention) => m.start >= r.start && m.end <= r.end;
  const overlaps = (m: Mention, r: Mention) => m.start < r.end && r.start < m.end;
  const ruleMention = (r: RuleMention): Mention => ({ start: r.start, end: r.end, text: "", type: r.type });
  for (const r of rules) {
    const headed = r.own === r.type && r.ownScore >= SURE_OWN_SCORE && endsInHead(lastWord(text, r));
    // The tagger's names under the rule's are looked for only where they can matter: every mention is walked.
    if (!r.sure && !headed) continue;
    const hit = mentions.filter((m) => !replaced.has(m) && overlaps(m, r));
    const cut =
      headed &&
      hit.length > 0 &&
      hit.every((m) => inside(m, r)) &&
      hit.some((m) => m.end === r.end && m.start > r.start);
    if (r.sure || cut) {
      for (const m of hit) replaced.add(m);
      added.push(ruleMention(r));
    }
  }
  // "US Trump": the rules put a country's name and the single word after it apart. A country's name in
  // capitals the tagger passed over ("US" opening a line, read as the word "us") stands as the rules found it.
  rules.forEach((r, i) => {
    const next = rules[i + 1];
    if (r.type !== "place" || !isCountry(text.slice(r.start, r.end), lexicon)) return;
    const caps = isAllCaps(text.slice(r.start, r.end));
    if (caps && !mentions.some((m) => overlaps(m, r)) && !added.some((m) => overlaps(m, r))) added.push(ruleMention(r));
    if (!next) return;
    if (!/^\s+$/.test(text.slice(r.end, next.start)) || next.sure) return;
    const joined = mentions.find((m) => !replaced.has(m) && m.start === r.start && m.end === next.end);
    if (!joined || endsInHead(lastWord(text, joined))) return;
    replaced.add(joined);
    added.push(ruleMention(r), ruleMention(next));
  });
  return [...mentions.filter((m) => !replaced.has(m)), ...added].sort((a, b) => a.start - b.start);
}

function lastWord(text: string, m: Mention): string {
  return /[^\s]+$/u.exec(text.slice(m.start, m.end))?.[0] ?? "";
}
