import {
  type DateMention,
  type DiscrepancyFinding,
  type DiscrepancySide,
  type Entity,
  type Interval,
  type Mention,
  type NumberMention,
  type QuoteMention,
  type ResolvedStory,
  type Span,
  spanWords,
} from "../model/index.js";
import { readsAsEnglish } from "../words/language.js";
import { PERSON_TITLES } from "../words/names.js";
import { NUMBER_WORD, parseNumberWords } from "../words/numbers.js";
import { scriptOf } from "../words/script.js";
import { countWords } from "../words/tokens.js";
import { type AlignedPair, alignUnits } from "./align.js";
import { overlaps } from "./intervals.js";
import { type CompareOptions, NO_LEXICON } from "./options.js";
import { cosine, sumVectors, type TermVector } from "./similarity.js";
import { insideSlot, namesBefore, predicateBefore, predicateOf, type Slot, sameName, samePredicate } from "./slots.js";
import { stanceDiscrepancies } from "./stance.js";
import type { Unit } from "./units.js";
import { contentStems, stemsAt } from "./words.js";

/**
 * Statements this similar may disagree about a figure or a place. Lower than the bar for "the same
 * statement", because a differing figure or place itself lowers the similarity; a shared count of the same
 * thing or shared actors must also be there.
 */
const RELATED_STATEMENT = 0.15;
/**
 * Candidate pairs for any discrepancy: statements that share at least a little (a count, a date, an actor).
 * Each kind then asks for its own evidence that both statements are about one thing.
 */
export const CANDIDATE_STATEMENT = 0.06;
/** Two figures further apart than this factor are about different things, not a disagreement. */
const MAX_FIGURE_RATIO = 5;
/** A negation or a person swap only counts between statements this close: the rest must say the same. */
const CLOSE_STATEMENT = 0.3;
/** How many content words after a negator are looked through for its predicate, past words like "sign of". */
const NEGATION_REACH = 3;

/** Person swaps need statements closer still: a second name in a similar sentence is often a second actor. */
const PERSON_STATEMENT = 0.45;

/** A rank before "in": the place that follows names a table or a league, not where something happened. */
const RANKED =
  /\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|top|bottom|\d+(?:st|nd|rd|th)|best|worst|highest|lowest|largest|biggest|smallest)\s+(?:place\s+)?(?:in|of)\s+(?:the\s+)?$/i;
const LOCATIVE = /\b(?:in|at|near|outside|inside)\s+(?:(?:the|a|an|its|their|his|her|our)\s+)?$/i;
/**
 * Negators, and verbs whose complement is negated ("declined to comment" = "did not comment"); "unless X" is
 * "if not X", the opposite condition of "if X". "Fail" and "decline" negate only a verb after "to": "the failed
 * candidate" and "prices declined" negate nothing.
 */
const NEGATION =
  /\b(?:not|no|never|without|neither|nor|none|nobody|nothing|nowhere|unless|(?:declin|fail)\w*(?=\s+to\b)|refus\w*|den(?:y|ied|ies|ying)|reject\w*)\b|n['’]t\b/gi;

/**
 * Discrepancies between aligned statements: differing counts of the same thing (with whether their intervals
 * are compatible), different places for one event, different dates, persons, speakers of one quotation, and
 * opposite polarity.
 */
export function discrepanciesOf(
  story: ResolvedStory,
  units: Unit[],
  candidates: AlignedPair[] = alignUnits(units, CANDIDATE_STATEMENT),
  options: CompareOptions = {},
): DiscrepancyFinding[] {
  const lexicon = { ...NO_LEXICON, ...options };
  // Statements in different writing systems are in different languages: the word rules below read neither.
  // They are written for English, and read only the statements of articles that read as English.
  const script = perUnit(units, (u) => scriptOf(u.text));
  const english = new Set(story.articles.filter((a) => readsAsEnglish(a.article.text)).map((a) => a.article.id));
  const read = perUnit(units, (u) => english.has(u.article));
  const pairs = candidates.filter(
    (p) => p.similarity >= CANDIDATE_STATEMENT && script(p.a) === script(p.b) && read(p.a) && read(p.b),
  );
  const published = new Map(story.articles.map((a) => [a.article.id, a.article.published]));
  const occasionsOf = perUnit(units, (u) => occasions(u, published.get(u.article)));
  const countryOf = storyCountries(units, lexicon);
  const found: DiscrepancyFinding[] = [
    ...numberDiscrepancies(units, pairs, lexicon, story, occasionsOf, countryOf),
    ...slotDiscrepancies(units, pairs, story, occasionsOf),
    ...placeDiscrepancies(units, pairs, lexicon, occasionsOf, countryOf),
    ...dateDiscrepancies(units, pairs, story),
    ...personDiscrepancies(units, pairs, story),
    ...negationDiscrepancies(units, pairs),
    ...attributionDiscrepancies(story),
    ...stanceDiscrepancies(
      units.filter((u) => english.has(u.article)),
      story.entities,
    ),
  ];
  found.forEach((d, i) => {
    d.id = `d${i + 1}`;
  });
  return found;
}

/**
 * `read` of the unit at each position, made on first use and kept for the call: a story's pairs meet each unit
 * many times.
 */
function perUnit<T>(units: Unit[], read: (u: Unit) => T): (at: number) => T {
  const made = new Array<T>(units.length);
  const done = new Uint8Array(units.length);
  return (at) => {
    if (!done[at]) {
      made[at] = read(units[at] as Unit);
      done[at] = 1;
    }
    return made[at] as T;
  };
}

/** `read` of a unit and one of its spans (a figure, a slot), made once per span for one call. */
function perSpan<S extends Span, T>(read: (u: Unit, s: S) => T): (u: Unit, s: S) => T {
  const made = new Map<S, T>();
  return (u, s) => {
    if (made.has(s)) return made.get(s) as T;
    const value = read(u, s);
    made.set(s, value);
    return value;
  };
}

/** The sentence of a statement, as evidence. */
function sentenceOf(u: Unit): DiscrepancySide["evidence"] {
  return { article: u.article, start: u.sentence.start, end: u.sentence.end };
}

// --- numbers -------------------------------------------------------------------------------------

interface Figure {
  unit: Unit;
  number: NumberMention;
}

/** What an age counts, as the number reader names it ("aged 96"). */
const AGE_KEY = "age";

/** A vague amount whose band ends below a dozen ("several", "a few") is no figure an outlet commits to. */
const INDEFINITE_BELOW = 12;

/**
 * A length of time followed by one of these words places an event in time from another one ("three days
 * later", "two years ago", "a week after the vote", "with four minutes left"): it is a date, compared as a date, not a count of days.
 */
const OFFSET_AFTER =
  /^\s*(?:later|earlier|ago|from\s+now|afterwards?|before|after|on|remaining|left|to\s+(?:play|go))\b/i;
const TIME_UNIT = /^(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)$/i;

/** A smaller unit of time that continues a length of time: ", 31 seconds" in "12 minutes, 31 seconds left". */
const FINER_TIME = /^\s*,?\s*(?:and\s+)?\d{1,2}\s+(?:seconds?|minutes?|hours?)\b/iu;

function timeOffset(u: Unit, n: NumberMention): boolean {
  if (!TIME_UNIT.test(n.unit ?? "")) return false;
  let rest = u.text.slice(n.end - u.sentence.start);
  for (let m = FINER_TIME.exec(rest); m; m = FINER_TIME.exec(rest)) rest = rest.slice(m[0].length);
  return OFFSET_AFTER.test(rest.slice(0, 16));
}

/**
 * The counts of a statement that are compared as figures: not indefinite, not part of a tally or duration, not a
 * time offset.
 */
function figuresOf(u: Unit): NumberMention[] {
  return u.numbers.filter(
    (n) =>
      !(n.hedge === "vague" && n.interval.high < INDEFINITE_BELOW) &&
      !insideSlot(n, u.slots) &&
      !timeOffset(u, n) &&
      !conversion(u, n) &&
      !(n.unit === undefined && PAIR.test(n.text.trim())),
  );
}

/**
 * A figure in brackets right after another is that one converted or restated ("40 km (25 miles)", "€2 million
 * ($2.2 million)"): the outlet's figure is the first.
 */
function conversion(u: Unit, n: NumberMention): boolean {
  const at = n.start - u.sentence.start;
  return u.numbers.some((m) => m.end <= n.start && CONVERTED.test(u.text.slice(m.end - u.sentence.start, at)));
}

/** What stands between a figure and its conversion: an opening bracket, perhaps "about". */
const CONVERTED = /^\s*\(\s*(?:(?:about|around|approximately|roughly|some|nearly|or)\s+)?$/iu;

/** Two numbers joined by a dash with nothing counted ("the Jaguars (5-10)"): a record or a score, not a count. */
const PAIR = /^\d+\s*[-–]\s*\d+$/u;

/** What stands between a person's name and a figure that is that person's own: "Ruiz's 30", "Charles' 226". */
const POSSESSED = /^['’]s?\s*$/u;

/** A span of a unit's sentence that a figure or a slot takes up. */
interface Held {
  unit: Unit;
  number: Span;
}

/**
 * Who figures are said of, read once per figure. A figure's owners are the person named last before it in its
 * sentence and every organisation named before it, not counting the source it is reported from ("said Chief
 * Okafor"); or else the one it is credited to right after it ("13 points from Ruiz", "offers by the Harriers").
 * Two figures said of different people count different things. So do two that each name an organisation the
 * other sentence does not ("the Harriers offered $40 million", "the Kites offered $52 million"); an organisation
 * only one side names may be the other's unnamed actor.
 */
function owning(story: ResolvedStory) {
  const idOf = (u: Unit, m: Mention) => story.entities.byMention(u.article, m.start, m.end)?.id;
  const whose = (u: Unit, n: Span) => {
    const own = u.mentions.filter((x) => (x.type === "person" || x.type === "organization") && !reportedBy(u, x));
    const before = own.filter((x) => x.end <= n.start);
    const after = own.find(
      (x) => x.start >= n.end && CREDITED_TO.test(u.text.slice(n.end - u.sentence.start, x.start - u.sentence.start)),
    );
    const person = before.filter((x) => x.type === "person").at(-1) ?? (after?.type === "person" ? after : undefined);
    const orgs = before.filter((x) => x.type === "organization");
    if (!orgs.length && after?.type === "organization") orgs.push(after);
    const last = before.at(-1);
    const possessor =
      last?.type === "person" && POSSESSED.test(u.text.slice(last.end - u.sentence.start, n.start - u.sentence.start))
        ? idOf(u, last)
        : undefined;
    return {
      person: person && idOf(u, person),
      possessor,
      orgs: orgs.map((x) => idOf(u, x)).filter((x): x is string => x !== undefined),
      named: new Set(u.mentions.map((x) => idOf(u, x))),
      actors: own.length,
    };
  };
  const ownersOf = perSpan(whose);
  // A person's own figure ("Ruiz's 30 points") is set only against a figure of a sentence that names that
  // person too, or names no one who could be the other figure's holder.
  const othersOwn = (ox: ReturnType<typeof whose>, oy: ReturnType<typeof whose>) =>
    ox.possessor !== undefined && !oy.named.has(ox.possessor) && oy.actors > 0;
  const differentOwners = (x: Held, y: Held) => {
    const ox = ownersOf(x.unit, x.number);
    const oy = ownersOf(y.unit, y.number);
    if (ox.person !== undefined && oy.person !== undefined && ox.person !== oy.person) return true;
    if (othersOwn(ox, oy) || othersOwn(oy, ox)) return true;
    return ox.orgs.some((o) => !oy.named.has(o)) && oy.orgs.some((o) => !ox.named.has(o));
  };
  return { ownersOf, differentOwners };
}

function numberDiscrepancies(
  units: Unit[],
  pairs: AlignedPair[],
  lexicon: Required<CompareOptions>,
  story: ResolvedStory,
  occasionsOf: (at: number) => Set<string>,
  countryOf: (name: string) => string | undefined,
): DiscrepancyFinding[] {
  const { unitKey } = lexicon;
  const published = new Map(story.articles.map((a) => [a.article.id, a.article.published]));
  const wholeOf = perSpan(shareWhole);
  const scopeOf = perSpan((u: Unit, n: Span) => figureScope(u, n, lexicon));
  // Each statement's figures, read once; a pair without figures on both sides is passed over first.
  const figures = units.map(figuresOf);
  const statistics = figures.map(
    (f) => f.length >= STATISTICS_LINE || f.filter((n) => n.unit !== undefined).length >= COUNTED_LIST,
  );
  // What a figure counts, where its sentence says more than its unit: an age set after a name ("Ana Ruiz, 45,"),
  // a rate ("120 miles per hour", "averaged 30 points"), which is not a total of the same unit.
  const keys = new Map<NumberMention, string>();
  units.forEach((u, i) => {
    for (const n of figures[i] as NumberMention[]) {
      if (!n.unit && appositiveAge(u, n)) keys.set(n, AGE_KEY);
      else if (n.unit && rate(u, n)) keys.set(n, `${unitKey(n.unit)}${RATE_SUFFIX}`);
      else if (margin(u, n)) keys.set(n, `${n.unit ? unitKey(n.unit) : ""}${MARGIN_SUFFIX}`);
    }
  });
  const keyOf = (n: NumberMention) => keys.get(n) ?? (n.unit ? unitKey(n.unit) : undefined);
  const windows: TermVector[] = [];
  const statedBy = new Map<string, Unit[]>();
  const counted = Uint8Array.from(figures, (f) => (f.length ? 1 : 0));
  units.forEach((u, i) => {
    for (const n of figures[i] as NumberMention[]) {
      const k = `${u.article}\u0000${keyOf(n) ?? ""}\u0000${n.value}`;
      const list = statedBy.get(k) ?? [];
      list.push(u);
      statedBy.set(k, list);
    }
  });
  // The values each article gives for each key, to tell a unit it counts once from one it counts many times.
  const valuesOf = new Map<string, Set<number>>();
  units.forEach((u, i) => {
    for (const n of figures[i] as NumberMention[]) {
      const k = `${u.article}\u0000${keyOf(n) ?? ""}`;
      const set = valuesOf.get(k) ?? new Set<number>();
      set.add(n.value);
      valuesOf.set(k, set);
    }
  });
  const manyOf = (article: string, n: NumberMention) =>
    (valuesOf.get(`${article}\u0000${keyOf(n) ?? ""}`)?.size ?? 0) > 1;
  const around = perSpan(surroundings);
  // An outlet that states the other figure too, in a passage about the same thing, is not contradicting it; the
  // same figure said of something else in the article ("five doses" given to one patient) does not count.
  const states = (article: string, n: NumberMention, about: Unit) =>
    (statedBy.get(`${article}\u0000${keyOf(n) ?? ""}\u0000${n.value}`) ?? []).some(
      (v) => cosine(windowVector(units, v, windows), windowVector(units, about, windows)) >= RELATED_STATEMENT,
    );

  const { differentOwners, ownersOf } = owning(story);
  const clusters: { key: string; figures: Map<string, Figure>; score: number }[] = [];
  // The clusters each figure is in, in the order they were made: a pair joins the first one of its key that
  // holds either of its figures, found through its figures rather than by trying every cluster.
  const clustersOf = new Map<NumberMention, number[]>();
  const place = (at: number, f: Figure) => {
    const cluster = clusters[at] as (typeof clusters)[number];
    if (cluster.figures.has(f.unit.article)) return;
    cluster.figures.set(f.unit.article, f);
    const list = clustersOf.get(f.number);
    if (!list) clustersOf.set(f.number, [at]);
    else if (!list.includes(at)) list.push(at);
  };
  const accepted: { a: Figure; b: Figure; key: string; similarity: number }[] = [];
  for (const { a, b, similarity } of pairs) {
    if (!counted[a] || !counted[b]) continue;
    const ua = units[a] as Unit;
    const ub = units[b] as Unit;
    const fa = figures[a] as NumberMention[];
    const fb = figures[b] as NumberMention[];
    // The sentences, or the passages around them, must be related: a figure is often restated in other words.
    if (
      similarity < RELATED_STATEMENT &&
      cosine(windowVector(units, ua, windows), windowVector(units, ub, windows)) < RELATED_STATEMENT
    )
      continue;
    const close = similarity >= RELATED_STATEMENT;
    for (const [na, nb] of matchFigures(fa, fb, keyOf, close, ua.numbers, ub.numbers)) {
      if (partOf(ua, na) || partOf(ub, nb) || distributive(ua, na) || distributive(ub, nb)) continue;
      // Two numbers that name nothing they count ("the three of them", "who was four") are one figure only
      // when said of the same thing.
      if (
        keyOf(na) === undefined &&
        keyOf(nb) === undefined &&
        !samePredicate({ predicate: predicateBefore(ua, na.start) }, { predicate: predicateBefore(ub, nb.start) })
      )
        continue;
      // A bare number set against a count must stand alone, the count left unsaid ("seizing more than 200."):
      // one followed by a word counts that word ("married three times" is no count of "six children").
      if (
        (keyOf(na) === undefined) !== (keyOf(nb) === undefined) &&
        (!(keyOf(na) === undefined ? elliptical(ua, na) : elliptical(ub, nb)) ||
          !samePredicate({ predicate: predicateBefore(ua, na.start) }, { predicate: predicateBefore(ub, nb.start) }))
      )
        continue;
      // "The 10-yard line" and "a 7-yard pass" measure different things.
      if (compound(na) && compound(nb) && headAfter(ua, na) !== headAfter(ub, nb)) continue;
      // "The 15-yard line" and "the 32-yard line" name places on a field, where play stood at two moments.
      if (position(ua, na) || position(ub, nb)) continue;
      // One figure, hedged or not ("nearly $80 million", "$80 million", "more than 80 million"), is one figure;
      // only hedges that point opposite ways ("more than 80" / "fewer than 80") say different things.
      if (na.value === nb.value && !opposite(na.hedge, nb.hedge)) continue;
      if (!sameSet(na, nb) || coordinated(ua, na) || coordinated(ub, nb)) continue;
      // An article that gives several figures of one unit ("15 points" for one player, "16 points" for another)
      // says in the words around each which one it is; one figure of a unit in each is the story's one count.
      if ((manyOf(ua.article, na) || manyOf(ub.article, nb)) && !shareAny(around(ua, na), around(ub, nb))) continue;
      // What will or could be ("will miss two games") is not what was ("missed four games"); a running total
      // ("so far", "to date", a career) is not one occasion's count.
      if (hypothetical(ua, na) !== hypothetical(ub, nb) || cumulative(ua) !== cumulative(ub)) continue;
      if (!sameOccasion(occasionsOf(a), occasionsOf(b))) continue;
      // "8 km west of the port" and "towed for 20 km" measure different things; so do two distances from
      // different places ("west of the port", "west of the lighthouse").
      if (offsetFrom(ua, na) !== offsetFrom(ub, nb)) continue;
      // "After six days of protests" counts the days until the article was written: articles of different days
      // (or of days unknown) give different counts of one running spell.
      if ((elapsed(ua, na) || elapsed(ub, nb)) && !sameDay(published.get(ua.article), published.get(ub.article)))
        continue;
      if (Math.max(na.value, nb.value) / Math.max(1e-9, Math.min(na.value, nb.value)) > MAX_FIGURE_RATIO) continue;
      if (states(ua.article, nb, ub) || states(ub.article, na, ua)) continue;
      // A line of statistics ("ran 88 times for 351 yards and three touchdowns and had 47 catches") qualifies
      // each figure by the others: one is set against another's only where the two lines share a figure too,
      // which shows they give the same tally.
      // "Another two touchdowns" adds to a tally rather than giving it: it shows no shared one.
      if (
        (statistics[a] || statistics[b]) &&
        !sharesAnother(
          fa.filter((m) => !addsTo(ua, m)),
          fb.filter((m) => !addsTo(ub, m)),
          na,
          nb,
          keyOf,
        )
      )
        continue;
      // A figure said of a person belongs to that person: "Lee has spent 19 seasons" and "Kim spent four
      // seasons" count different careers; so does one said of an organisation ("the Harriers offered $40
      // million", "the Kites offered $52 million"). An age is compared only when both are said of one person.
      const figA: Figure = { unit: ua, number: na };
      const figB: Figure = { unit: ub, number: nb };
      if (differentOwners(figA, figB)) continue;
      // "65 percent in Tarn" and "80 percent of Velmar's traffic" are shares of different wholes.
      if (SHARE.test(na.unit ?? "") && differentWholes(wholeOf(ua, na), wholeOf(ub, nb), countryOf)) continue;
      // "20,000 marched in Tarn" and "100,000 marched nationwide" count a part and the whole.
      const sa = scopeOf(ua, na);
      const sb = scopeOf(ub, nb);
      if (sa && sb && sa !== sb) continue;
      if (SPELL_UNIT.test(na.unit ?? "") && differentScopes(spellScope(ua, na), spellScope(ub, nb))) continue;
      const va = measuredBy(ua, na);
      const vb = measuredBy(ub, nb);
      if (va && vb && va !== vb) continue;
      const pa = ownersOf(ua, na).person;
      if ((keyOf(na) === AGE_KEY || keyOf(nb) === AGE_KEY) && (pa === undefined || pa !== ownersOf(ub, nb).person))
        continue;
      accepted.push({ a: figA, b: figB, key: keyOf(na) ?? keyOf(nb) ?? "", similarity });
    }
  }
  // A figure of no one set against figures said of different people ("15 points" against Ruiz's 16 and Bako's
  // 14) could be either one's: it is set against none, and does not chain them into one finding.
  const partners = new Map<NumberMention, Figure[]>();
  const partner = (x: Figure, y: Figure) => {
    const list = partners.get(x.number);
    if (list) list.push(y);
    else partners.set(x.number, [y]);
  };
  for (const { a, b } of accepted) {
    partner(a, b);
    partner(b, a);
  }
  const ambiguous = new Set<NumberMention>();
  for (const [n, list] of partners)
    if (list.some((x, i) => list.some((y, j) => j > i && differentOwners(x, y)))) ambiguous.add(n);
  for (const { a, b, key, similarity } of accepted) {
    if (ambiguous.has(a.number) || ambiguous.has(b.number)) continue;
    const holding = [...(clustersOf.get(a.number) ?? []), ...(clustersOf.get(b.number) ?? [])].filter(
      (at) => (clusters[at] as (typeof clusters)[number]).key === key,
    );
    let at = holding.length ? Math.min(...holding) : -1;
    if (at < 0) at = clusters.push({ key, figures: new Map<string, Figure>(), score: 0 }) - 1;
    place(at, a);
    place(at, b);
    const cluster = clusters[at] as (typeof clusters)[number];
    cluster.score = Math.max(cluster.score, similarity);
  }
  return clusters.map((c) => {
    const figures = [...c.figures.values()];
    const compatible = figures.every((x) =>
      figures.every((y) => overlaps(statedRange(x.number), statedRange(y.number))),
    );
    const what = figures.find((f) => f.number.unit)?.number.unit ?? "of it";
    const about = `how many ${what}${sharedContext(figures.map((f) => f.unit))}`;
    const listed = figures.map((f) => `${f.unit.article} says "${f.number.text}"`).join(", ");
    return {
      id: "",
      kind: "number" as const,
      about,
      compatible,
      explanation: `${listed}: ${
        compatible
          ? "the figures differ but their ranges overlap, so both can be true"
          : "the ranges do not overlap, so they cannot both be right"
      }.`,
      sides: figures.map((f) => ({ article: f.unit.article, value: f.number.text, evidence: sentenceOf(f.unit) })),
    };
  });
}

/** A verb right before "for" and a figure: what the figure measures ("rushed for 350 yards", "sold for $30 million"). */
const MEASURED_BY = /\b(\p{L}+(?:ed|ing)|threw|thrown|ran|won|paid|sold|bought|fought|went|got)\s+for\s+$/iu;

/**
 * The stem of the verb a figure measures, where one stands right before it with "for": "threw for 180 yards"
 * and "rushed for 240 yards" measure different things, as "sold for" and "bought for" do.
 */
function measuredBy(u: Unit, n: NumberMention): string | undefined {
  const at = n.start - u.sentence.start;
  const verb = MEASURED_BY.exec(u.text.slice(Math.max(0, at - 24), at))?.[1];
  return verb === undefined ? undefined : (contentStems(verb)[0] ?? verb.toLowerCase());
}

/** A unit that gives a share of some whole. */
const SHARE = /^(?:percent|percentage points?)$/iu;

/** Marks that end the clause a figure stands in: punctuation, but not a decimal point. */
const FIGURE_CLAUSE_END = /[,;:—–!?]|\.(?!\d)/u;

/** Whether the character at `i` of `text` ends a clause (see `FIGURE_CLAUSE_END`). */
function clauseMarkAt(text: string, i: number): boolean {
  const c = text[i];
  if (c === ".") return !/\d/u.test(text[i + 1] ?? "");
  return c !== undefined && /[,;:—–!?]/u.test(c);
}

/** The clause a figure stands in, as offsets into its unit's text: from the mark before it to the mark after. */
function figureClause(u: Unit, n: Span): { from: number; to: number } {
  const start = n.start - u.sentence.start;
  const end = n.end - u.sentence.start;
  let from = start;
  while (from > 0 && !clauseMarkAt(u.text, from - 1)) from--;
  const stop = u.text.slice(end).search(FIGURE_CLAUSE_END);
  return { from, to: stop < 0 ? u.text.length : end + stop };
}

/** The place mentions of a figure's clause, the figure's own words left out. */
function placesAround(u: Unit, n: Span): Mention[] {
  const { from, to } = figureClause(u, n);
  return u.mentions.filter(
    (m) =>
      m.type === "place" &&
      m.start - u.sentence.start >= from &&
      m.end - u.sentence.start <= to &&
      (m.start < n.start || m.start >= n.end),
  );
}

/**
 * The places a share is of: those named in the clause that holds it ("in Tarn by 65 percent", "80 percent of
 * Velmar's traffic"), lowercased. A share is of some whole, and the clause around it says which.
 */
function shareWhole(u: Unit, n: Span): string[] {
  return placesAround(u, n).map((m) => m.text.toLowerCase());
}

/**
 * Whether two shares are of different wholes: both name places, and none of one's is, or lies in the country
 * of, one of the other's. A share that names no place may be of either's whole.
 */
function differentWholes(a: string[], b: string[], countryOf: (name: string) => string | undefined): boolean {
  if (!a.length || !b.length) return false;
  const related = (p: string, q: string) => {
    if (p === q) return true;
    const cp = countryOf(p);
    const cq = countryOf(q);
    return cp !== undefined && cp === cq;
  };
  return !a.some((p) => b.some((q) => related(p, q)));
}

/** Words that say a figure is the whole country's: "nationwide", "across the country". */
const NATIONWIDE =
  /\b(?:nationwide|nation-wide|countrywide|country-wide|(?:across|around|throughout|all\s+over)\s+(?:the\s+)?(?:country|nation))\b/giu;

/**
 * Whether a figure is said of the whole country ("national") or of one place in it ("local"), read from the
 * nearest such word in its clause, after it first ("took to the streets of Tarn as rallies spread across the
 * country" is Tarn's), else before it; undefined when the clause says neither. A country's own name is the
 * whole country.
 */
function figureScope(u: Unit, n: Span, lexicon: Required<CompareOptions>): "national" | "local" | undefined {
  const { from, to } = figureClause(u, n);
  const marks = placesAround(u, n).map((m) => ({
    at: m.start - u.sentence.start,
    scope: lexicon.placeOf(m.text)?.kind === "country" ? ("national" as const) : ("local" as const),
  }));
  for (const w of u.text.slice(from, to).matchAll(NATIONWIDE)) marks.push({ at: from + w.index, scope: "national" });
  const start = n.start - u.sentence.start;
  const after = marks.filter((m) => m.at >= start).sort((x, y) => x.at - y.at)[0];
  const before = marks.filter((m) => m.at < start).sort((x, y) => y.at - x.at)[0];
  return (after ?? before)?.scope;
}

/** Units that count a spell: time spent in some role or place. */
const SPELL_UNIT = /^(?:hours?|days?|weeks?|months?|years?|decades?|seasons?|terms?)$/iu;

/** The phrase that says where or as what a spell was spent: "with the harbour police", "as its director". */
const SCOPE_AFTER =
  /^\s*(with|as|for|at)\s+(?:(?:the|a|an|his|her|its|their|our)\s+)?((?:[\p{L}'’.-]+\s+){0,3}[\p{L}'’.-]+)/iu;
const SCOPE_BEFORE =
  /\b(with|as|for|at)\s+(?:(?:the|a|an|his|her|its|their|our)\s+)?((?:[\p{L}'’.-]+\s+){0,3}[\p{L}'’.-]+)\s+(?:for\s+)?(?:the\s+(?:last|past|first|next)\s+)?$/iu;

/**
 * Where or as what a spell was spent, read from the phrase right after its figure ("14 seasons with the
 * club") or right before it ("worked with the dog unit for five years"): the preposition and the phrase's
 * stems, names included.
 */
function spellScope(u: Unit, span: Span): { preposition: string; stems: Set<string> } | undefined {
  const after = SCOPE_AFTER.exec(u.text.slice(span.end - u.sentence.start));
  const before = SCOPE_BEFORE.exec(u.text.slice(0, span.start - u.sentence.start));
  const found = after ?? before;
  if (!found) return undefined;
  return { preposition: (found[1] as string).toLowerCase(), stems: new Set(contentStems(found[2] as string)) };
}

/**
 * Two spells spent in different capacities ("with the dog unit" / "for the county police", "with the club" /
 * "as its director") are two careers. Only where both say where or as what, and neither preposition nor words
 * meet, are they kept apart.
 */
function differentScopes(a: ReturnType<typeof spellScope>, b: ReturnType<typeof spellScope>): boolean {
  if (!a || !b || a.preposition === b.preposition) return false;
  for (const s of a.stems) if (b.stems.has(s)) return false;
  return true;
}

/** Figures in one sentence from which it reads as a line of statistics rather than a statement. */
const STATISTICS_LINE = 4;
/**
 * Counts of things in one sentence from which it reads as a list ("seized six rifles, 12 radios and 300
 * flares"): two such lists of which not one other figure agrees tell of two tallies, most often of two
 * occasions. A time of day or a bare number counts nothing.
 */
const COUNTED_LIST = 3;

/** Whether two sentences share a figure (value and what it counts) other than the pair compared. */
function sharesAnother(
  left: NumberMention[],
  right: NumberMention[],
  x: NumberMention,
  y: NumberMention,
  keyOf: (n: NumberMention) => string | undefined,
): boolean {
  return left.some((m) => m !== x && right.some((n) => n !== y && n.value === m.value && keyOf(n) === keyOf(m)));
}

/** What a difference's key adds to its unit's: "ahead by 7 goals" is compared only with other differences. */
const MARGIN_SUFFIX = "/margin";
/** What a rate's key adds to its unit's: "120 miles per hour" is compared only with other rates of miles. */
const RATE_SUFFIX = "/rate";
/** Words after a figure that make it a rate: "per hour", "a year", "each season", "/day". */
const RATE_AFTER =
  /^\s*(?:(?:per|an?|each)\s+(?:hour|day|week|month|year|season|game|match|night|minute|second|run|carry|capita|head|person)s?\b|\/\s*\p{L})/iu;
/** Words before a figure that make it an average: "averaged 30 points", "an average of 12". */
const AVERAGE_BEFORE = /\baverag\w*\s+(?:of\s+)?$/i;

function rate(u: Unit, n: NumberMention): boolean {
  const start = n.start - u.sentence.start;
  const end = n.end - u.sentence.start;
  return (
    RATE_AFTER.test(u.text.slice(end, end + 24)) || AVERAGE_BEFORE.test(u.text.slice(Math.max(0, start - 24), start))
  );
}

/** A bare number set off by commas right after a name is that person's age: "Ana Ruiz, 45, who owns". */
function appositiveAge(u: Unit, n: NumberMention): boolean {
  const start = n.start - u.sentence.start;
  const end = n.end - u.sentence.start;
  return (
    /\p{Lu}[\p{L}'’.-]*,\s*$/u.test(u.text.slice(Math.max(0, start - 40), start)) &&
    /^\s*[,)]/u.test(u.text.slice(end, end + 3))
  );
}

/**
 * Words in a figure's clause, before it, that make it a forecast, a possibility or a rule rather than a count
 * of what happened: "will miss two games", "could reach 50", "can only be valid with more than 50 percent".
 */
const HYPOTHETICAL =
  /\b(?:will|would|could|can|may|might|should|shall|must)\b|['’]ll\b|\b(?:expected|likely|set|going|plans?|planning|hop(?:es|ing))\s+to\b/i;
/** Words before a figure that make it what someone asks for, not what is given: "asking for $200 million". */
const REQUESTED =
  /\b(?:ask(?:s|ed|ing)?\s+for|seek(?:s|ing)?|sought|demand(?:s|ed|ing)?|want(?:s|ed|ing)?|hop(?:es|ed|ing)\s+for)\b/iu;

/**
 * A figure needed for something ("needed nine points to pass the record", "needs 20 votes to win") is a target,
 * not a count of what happened: what was then scored or won is another figure.
 */
const NEEDED_BEFORE =
  /\b(?:needs?|needed|needing|requires?|required|requiring)\s+(?:(?:just|only|another|at\s+least)\s+)?$/i;
const FOR_PURPOSE_AFTER = /^[^,;:.!?]*?\bto\s+\p{L}/u;

/**
 * Verbs that make their object the subject of what follows ("allowed one worker to go home", "ordered 90
 * residents to flee"): the figure counts those made to do the later thing, not those the sentence's other
 * verbs act on ("found four workers").
 */
const CONTROL_BEFORE =
  /\b(?:allow(?:s|ed|ing)?|permit(?:s|ted|ting)?|forc(?:es|ed|ing)|order(?:s|ed|ing)?|told|tell(?:s|ing)?|urg(?:es|ed|ing)|persuad(?:es|ed|ing)|invit(?:es|ed|ing)|help(?:s|ed|ing)?)\s+(?:(?:only|just|about|some|at\s+least|nearly)\s+)?$/iu;
/** What follows a controlled figure: its noun, then "to" and a verb. */
const CONTROLLED_AFTER = /^\s*(?:[\p{L}-]+\s+){0,2}?to\s+\p{L}/u;

/**
 * How a figure stands to what happened: "" said as happened, "asked" asked for, "needed" needed for something,
 * "made" made or let to do something, "possible" forecast or possible. Only figures standing alike are compared: a sum asked for and a sum hoped for
 * are two sums, neither of them the one agreed.
 */
function hypothetical(u: Unit, n: Span): "" | "asked" | "needed" | "made" | "possible" {
  const before = u.text.slice(0, n.start - u.sentence.start);
  const clause = before.split(/[,;:]/u).at(-1) ?? "";
  if (REQUESTED.test(clause)) return "asked";
  const after = u.text.slice(n.end - u.sentence.start);
  if (NEEDED_BEFORE.test(before) && FOR_PURPOSE_AFTER.test(after)) return "needed";
  if (CONTROL_BEFORE.test(before) && CONTROLLED_AFTER.test(after)) return "made";
  return HYPOTHETICAL.test(clause) ? "possible" : "";
}

/** A running total: "so far", "to date", "combined", a career. */
const CUMULATIVE = /\b(?:so\s+far|to\s+date|combined|career|all-time)\b/i;

function cumulative(u: Unit): boolean {
  return CUMULATIVE.test(u.text);
}

/**
 * Periods that name another occasion than the story's own: "last season", "the previous year", "next month".
 * ("This season" is the story's own, and says nothing the other sentence leaves out.)
 */
const OTHER_PERIOD =
  /\b(?:last|previous|next|past|prior)\s+(?:season|campaign|year|month|week|summer|winter|spring|autumn|fall|term)\b/giu;
/**
 * A clause set a span away from the story's moment: "came a week after she scored 12 goals", "two days
 * before the vote". What it tells happened on another occasion. A spell ("closed for a year after cracks were
 * found") is a length, not an offset.
 */
const OFFSET_OCCASION = new RegExp(
  `(?<!\\b(?:for|lasting|within|over|during)\\s+)\\b(?:an?|${NUMBER_WORD}|\\d{1,2})\\s+(?:days?|nights?|weeks?|months?|years?|seasons?)\\s+(?:after|before|earlier|later)\\b`,
  "giu",
);
/** Words before a date that make it the bound of a span, not an occasion: "the driest since 1990". */
const SPAN_BOUND =
  /\b(?:since|until|till|before|after|than|from|by|through|prior\s+to)\s+(?:(?:early|late|mid)[\s-]+)?$/iu;

/** A month's name alone ("February", "Sept."). */
const MONTH_ONLY =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/iu;

/**
 * The other occasions a statement names: a month or a year that does not hold its article's date ("In
 * June, a flood closed four schools", "was fined in 2011"), and a period set apart from the story's ("last
 * season"). In an undated article every month or year named is taken for another occasion: nothing shows it
 * is the story's own.
 */
function occasions(u: Unit, published: string | undefined): Set<string> {
  const out = new Set<string>();
  for (const d of u.dates) {
    // A month named without its year, in an undated article, is left unresolved: it still names an occasion.
    if (!d.date && !published && MONTH_ONLY.test(d.text.trim())) out.add(d.text.trim().toLowerCase());
    if (!d.date || d.date.length >= 10 || pageDate(u, d)) continue;
    if (published?.startsWith(d.date)) continue;
    if (SPAN_BOUND.test(u.text.slice(Math.max(0, d.start - u.sentence.start - 24), d.start - u.sentence.start)))
      continue;
    if (d.relative && !/^(?:last|next|previous|past)\b/iu.test(d.text)) continue;
    out.add(d.relative && !published ? d.text.toLowerCase() : d.date);
  }
  for (const m of u.text.matchAll(OFFSET_OCCASION)) out.add(m[0].toLowerCase().replace(/\s+/gu, " "));
  for (const m of u.text.matchAll(OTHER_PERIOD))
    if (!SPAN_BOUND.test(u.text.slice(Math.max(0, m.index - 24), m.index)))
      out.add(m[0].toLowerCase().replace(/\s+/gu, " "));
  return out;
}

/** Whether two statements' other occasions leave them about one: none named by either, or one named by both. */
function sameOccasion(a: Set<string>, b: Set<string>): boolean {
  if (!a.size && !b.size) return true;
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** The points of the compass, as a pattern: "north", "south-east", "west". */
const COMPASS = "(?:north|south)(?:-?(?:east|west))?|east|west";

/**
 * Words after a figure that make it a distance from somewhere: "8 km west of the port", "5 km from the
 * border", "a mile off the headland", "two streets away from".
 */
const OFFSET_FROM = new RegExp(
  `^\\s*(?:(?:${COMPASS}|(?:up|down)(?:stream|river|hill)?|inland|offshore|away|short|outside)\\s+)?(?:of|from|off)\\s+(?:the\\s+)?([\\p{L}\\p{N}'’-]+)`,
  "iu",
);
/** A direction that makes "of" after a figure say where from: "north of", "short of". */
const DIRECTION_OF = new RegExp(`^\\s*(?:${COMPASS}|short|outside)\\s+of\\b`, "iu");
/** A compass direction closing a figure as read ("8 km west"). */
const DIRECTION_LAST = new RegExp(`\\s(${COMPASS})$`, "iu");
/** Units of length: "from" after one of them says where a distance is measured from, not where things came from. */
const LENGTH =
  /^(?:(?:nautical\s+)?miles?|km|kilomet(?:er|re)s?|met(?:er|re)s?|m|feet|foot|ft|yards?|yds?|inches|inch|blocks?|leagues?)$/iu;
/** A figure restated in brackets after it: "(5 miles)". */
const BRACKETED = /^\s*\([^)]{0,40}\)/u;

/**
 * Where a distance is measured from, the place after its direction ("north of Portavel" → "portavel"); "" for a
 * figure that is no distance from a place ("9 crates of fish", "40 boxes from the lorry").
 */
function offsetFrom(u: Unit, n: NumberMention): string {
  const end = n.end - u.sentence.start;
  // "8 km west" may be read with its direction inside the figure: the distance then runs on from it.
  const direction = DIRECTION_LAST.exec(n.text)?.[1] ?? "";
  const after = direction + u.text.slice(end, end + 80).replace(BRACKETED, "");
  const directed = DIRECTION_OF.test(after) || /^\s*[\p{L}-]+\s+(?:from|off)\b/iu.test(after);
  if (!directed && !LENGTH.test(n.unit ?? "")) return "";
  if (/^\s*of\b/iu.test(after)) return "";
  return OFFSET_FROM.exec(after)?.[1]?.toLowerCase() ?? "";
}

/**
 * A figure that is a difference, not an amount: "ahead by 7 goals", "two laps sooner than", "rose by 3
 * percent". It is set only against another difference.
 */
const MARGIN_BEFORE =
  /\b(?:led|leads?|leading|won|wins?|winning|lost|loses?|losing|trail(?:s|ed|ing)?|beat(?:s|en|ing)?|ahead|behind|up|down|r[io]se[sn]?|rising|f[ae]ll(?:s|en|ing)?|increas(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|dropp?(?:s|ed|ing)?|gr[eo]w(?:s|n|ing)?|declin(?:e|es|ed|ing)|cut|rais(?:e|es|ed|ing)|reduc(?:e|es|ed|ing)|narrow(?:s|ed|ing)?|widen(?:s|ed|ing)?|outscor(?:e|es|ed|ing)|edg(?:e|es|ed|ing))\s+by\s+$/iu;
const MARGIN_AFTER =
  /^\s*(?:more|fewer|less|sooner|later|earlier|longer|shorter|higher|lower|faster|slower|bigger|smaller|larger|greater|better|worse)\s+than\b/iu;

function margin(u: Unit, n: NumberMention): boolean {
  const start = n.start - u.sentence.start;
  const end = n.end - u.sentence.start;
  return (
    MARGIN_BEFORE.test(u.text.slice(Math.max(0, start - 24), start)) || MARGIN_AFTER.test(u.text.slice(end, end + 20))
  );
}

/** A length of time that a spell has lasted: "six days of protests", "after three weeks of talks". */
function elapsed(u: Unit, n: NumberMention): boolean {
  if (!TIME_UNIT.test(n.unit ?? "")) return false;
  const end = n.end - u.sentence.start;
  return /^\s+of\s+(?!the\s+(?:year|month|week)\b)/iu.test(u.text.slice(end, end + 20));
}

/** Whether two articles are known to be of one day. */
function sameDay(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.slice(0, 10) === b.slice(0, 10);
}

const UPWARD = new Set(["more-than", "at-least"]);
const DOWNWARD = new Set(["less-than", "at-most"]);

function opposite(a: NumberMention["hedge"], b: NumberMention["hedge"]): boolean {
  return (UPWARD.has(a) && DOWNWARD.has(b)) || (DOWNWARD.has(a) && UPWARD.has(b));
}

/** Words right after a figure that make it a count per item ("one count each", "two years apiece"). */
const DISTRIBUTIVE_AFTER = /^\s*(?:each|apiece)\b/i;

function distributive(u: Unit, n: NumberMention): boolean {
  const at = n.end - u.sentence.start;
  return DISTRIBUTIVE_AFTER.test(u.text.slice(at, at + 12));
}

/** A round figure of one digit and a scale word ("three million", "2 billion"), not hedged. */
const ROUND_FIGURE =
  /^(?:[1-9]|one|two|three|four|five|six|seven|eight|nine)\s+(?:thousand|million|billion|trillion)\b/i;
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/**
 * The values a figure allows: its interval, and for an unhedged round figure ("three million") every value it
 * rounds from, half its scale either way: "three million" people and "3.3 million" can both be right.
 */
function statedRange(n: NumberMention): Interval {
  const round = n.hedgeText === undefined ? ROUND_FIGURE.exec(n.text.trim()) : null;
  const scale = round ? SCALES[(/(thousand|million|billion|trillion)/i.exec(round[0])?.[1] ?? "").toLowerCase()] : 0;
  if (!scale || n.interval.low !== n.interval.high) return n.interval;
  return { low: n.value - scale / 2, high: n.value + scale / 2, lowOpen: true, highOpen: true };
}

/** Words right before a figure that make it count a part of something ("the other two workers", "another eight"). */
const PARTITIVE_BEFORE = /\b(?:other|another|remaining|additional|further|extra|last|first|next)\s+$/i;

/** Whether a figure counts more of something already counted ("another two", "three more"). */
function addsTo(u: Unit, n: NumberMention): boolean {
  const at = n.start - u.sentence.start;
  const end = n.end - u.sentence.start;
  return (
    PARTITIVE_BEFORE.test(u.text.slice(Math.max(0, at - 12), at)) || PARTITIVE_AFTER.test(u.text.slice(end, end + 16))
  );
}

function partOf(u: Unit, n: NumberMention): boolean {
  const at = n.start - u.sentence.start;
  const end = n.end - u.sentence.start;
  return (
    addsTo(u, n) ||
    OTHERS_AFTER.test(u.text.slice(end, end + OTHERS_REACH)) ||
    RATIO_WHOLE.test(u.text.slice(Math.max(0, at - 40), at))
  );
}

/**
 * Words before a figure that make it the whole of a ratio ("completed 19 of 33 passes", "missed 6 of the
 * team's 16 games"): the count the statement is about is the part, not the whole.
 */
const RATIO_WHOLE =
  /(?:\b\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+(?:out\s+)?of\s+(?:(?:the|their|his|her|its|our)\s+)?(?:[\p{L}'’]+\s+)?$/iu;

/**
 * A count followed in its clause by others of the same group ("rescued one climber and found two others",
 * "freed 12 and held 30 others"): the group counted elsewhere may be all of them.
 */
const OTHERS_AFTER = new RegExp(
  `^[^.;:!?]*?\\b(?:and|but|while)\\s+(?:[\\p{L}-]+\\s+){1,3}(?:\\d[\\d,]*|${NUMBER_WORD})\\s+others\\b`,
  "iu",
);
const OTHERS_REACH = 60;

/** Words right after a bare figure that make it count a part: "married two more times". */
const PARTITIVE_AFTER = /^\s*(?:more|other|additional|further|extra)\b/i;

/** Words that make a figure count part of something ("three other rifles", "two more boats"). */
const PARTITIVE = /^(?:other|another|more|additional|further|remaining|extra|fresh|final|last|first)$/i;

/**
 * The words between a figure's number and what it counts: "Yemeni" in "11 Yemeni pirates", "other assault"
 * in "three other assault rifles".
 */
function modifiersOf(n: NumberMention): string[] {
  let rest = n.text.trim();
  if (n.hedgeText && rest.toLowerCase().startsWith(n.hedgeText.toLowerCase()))
    rest = rest.slice(n.hedgeText.length).trim();
  const digits = /^[\d.,]+(?:\s*(?:hundred|thousand|million|billion|bn|m|k)\b)?/i.exec(rest);
  const consumed = digits ? digits[0].length : (parseNumberWords(rest)?.length ?? 0);
  const words = rest
    .slice(consumed)
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  if (n.unit && words.length > 0 && words[words.length - 1]?.toLowerCase() === n.unit) words.pop();
  return words;
}

/** Whether nothing it counts follows a bare figure: a stop, a comma, "and"/"or", or the sentence's end. */
function elliptical(u: Unit, n: NumberMention): boolean {
  const end = n.end - u.sentence.start;
  return /^\s*(?:$|[,.;:!?)\]"”’'—–]|(?:and|or)\b)/u.test(u.text.slice(end, end + 6));
}

/** The first word after a figure, lower-cased: what a compound figure ("a 10-yard pass") describes. */
function headAfter(u: Unit, n: NumberMention): string {
  const end = n.end - u.sentence.start;
  return (/^\s*([\p{L}-]+)/u.exec(u.text.slice(end, end + 30))?.[1] ?? "").toLowerCase();
}

/** Nouns that a measure before them turns into a place along something: "the 20-yard line", "the 5-km mark". */
const POSITION_HEAD = /^(?:line|mark|marker|point|post|peg)$/iu;

/** A measure naming a position ("the 20-yard line"), not an amount. */
function position(u: Unit, n: NumberMention): boolean {
  return compound(n) && POSITION_HEAD.test(headAfter(u, n));
}

/** A figure written as a hyphenated modifier: "three-game", "10-year". */
function compound(n: NumberMention): boolean {
  return /^[\p{L}\p{N}.,]+-\p{L}+$/u.test(n.text.trim().split(/\s+/)[0] ?? "") && !/\s/.test(n.text.trim());
}

/**
 * Whether two figures can count the same set: neither counts a part of something ("three other rifles"), and
 * neither narrows its count by a proper adjective the other lacks ("11 Yemeni pirates" among "23 pirates").
 */
function sameSet(a: NumberMention, b: NumberMention): boolean {
  const ma = modifiersOf(a);
  const mb = modifiersOf(b);
  if (ma.some((w) => PARTITIVE.test(w)) || mb.some((w) => PARTITIVE.test(w))) return false;
  // "a three-game streak" measures the streak, "10 games" counts games.
  if (compound(a) !== compound(b)) return false;
  const proper = (ws: string[]) => new Set(ws.filter((w) => /^\p{Lu}\p{Ll}/u.test(w)).map((w) => w.toLowerCase()));
  const pa = proper(ma);
  const pb = proper(mb);
  return [...pa].every((w) => pb.has(w)) && [...pb].every((w) => pa.has(w));
}

/**
 * A count of people named by a proper adjective and coordinated with another ("12 Somali and 11 Yemeni",
 * "23 Somali and Yemeni sea brigands") is a part of a list or shares its number with the next noun: it is not
 * a count of one set to compare.
 */
function coordinated(u: Unit, n: NumberMention): boolean {
  const last = n.text.trim().split(/\s+/).pop() ?? "";
  if (!/^\p{Lu}\p{Ll}/u.test(last)) return false;
  return /^\s*(?:and|or|&)\s+(?:\d|\p{Lu})/u.test(u.text.slice(n.end - u.sentence.start));
}

/** Content words on each side of a figure that say what it is a figure of. */
const SURROUNDING_WORDS = 3;

/**
 * What a figure is said to be of, in its own words: the content stems around it, `SURROUNDING_WORDS` on each
 * side within its sentence (names among them left out: a story's names are around all of its figures), not
 * counting the words of any figure, and the words that qualify its unit ("strong" in "four strong tremors").
 * "The union said 14 dockers were hurt" gives union, said, hurt.
 */
function surroundings(u: Unit, n: NumberMention): Set<string> {
  const base = u.sentence.start;
  const inFigure = (at: number) => u.numbers.some((m) => at >= m.start - base && at < m.end - base);
  const words = stemsAt(u.text).filter((w) => !inFigure(w.at));
  const before = words.filter((w) => w.at < n.start - base).slice(-SURROUNDING_WORDS);
  const after = words.filter((w) => w.at >= n.end - base).slice(0, SURROUNDING_WORDS);
  return new Set([...before, ...after, ...qualifiers(n)].map((w) => w.stem).filter((s) => u.lexical.has(s)));
}

/** The words of a figure between its number and the noun it ends on: "strong" in "four strong tremors". */
function qualifiers(n: NumberMention): { stem: string }[] {
  let end = -1;
  for (const w of n.text.matchAll(/[\p{L}\p{N}][\p{L}\p{N},.]*/gu))
    if (/\d/.test(w[0]) || parseNumberWords(w[0]) !== undefined) end = w.index + w[0].length;
  return end < 0 ? [] : stemsAt(n.text.slice(end)).slice(0, -1);
}

/**
 * Whether two figures' surroundings share a word, which says they are figures of the same thing. Two sentences
 * of one story can share their subject and still give figures of different things ("40 percent blamed the
 * operator", "the mayor's approval stood at 20 percent"); a restated figure keeps some of its words ("14
 * dockers were hurt", "19 dockers had been hurt").
 */
function shareAny(a: Set<string>, b: Set<string>): boolean {
  for (const s of a) if (b.has(s)) return true;
  return false;
}

/** Neighbouring sentences of one article, this many on each side, make the passage around a statement. */
const WINDOW = 1;

/**
 * The passage around a unit as one term vector: its own weights plus its neighbours' in the same article.
 * `windows` keeps the vectors already built for one call, by unit index.
 */
function windowVector(units: Unit[], u: Unit, windows: TermVector[]): TermVector {
  const cached = windows[u.index];
  if (cached) return cached;
  const around: TermVector[] = [];
  for (let i = u.index - WINDOW; i <= u.index + WINDOW; i++) {
    const n = units[i];
    if (n && n.article === u.article) around.push(n.vector);
  }
  const vector = sumVectors(around, u.vector.space);
  windows[u.index] = vector;
  return vector;
}

/**
 * Figures of two statements that count the same thing: equal units first; then, if each side has exactly one
 * figure left and neither names a unit, those two (the sentence structure already aligned them).
 */
function matchFigures(
  left: NumberMention[],
  right: NumberMention[],
  keyOf: (n: NumberMention) => string | undefined,
  close: boolean,
  allLeft: NumberMention[] = left,
  allRight: NumberMention[] = right,
): [NumberMention, NumberMention][] {
  const out: [NumberMention, NumberMention][] = [];
  // Counted over every figure of the sentence, those in a tally or a duration too: "for three days … four days"
  // has two figures of days, whichever of them is compared.
  const count = (list: NumberMention[], k: string) =>
    (list === left ? allLeft : list === right ? allRight : list).filter((m) => keyOf(m) === k).length;
  // A count of one thing is matched only when each side gives exactly one figure of it: "80 per cent" against
  // "20 per cent … 30 per cent … 70 per cent" says nothing about which one is meant.
  for (const n of left) {
    const k = keyOf(n);
    if (k === undefined || count(left, k) !== 1 || count(right, k) !== 1) continue;
    const match = right.find((m) => keyOf(m) === k);
    if (match) out.push([n, match]);
  }
  const rest = (list: NumberMention[], other: NumberMention[]) =>
    list.filter((m) => {
      const k = keyOf(m);
      return k === undefined || count(other, k) === 0;
    });
  const restLeft = rest(left, right);
  const restRight = rest(right, left);
  const [x] = restLeft;
  const [y] = restRight;
  // One figure left on each side, and at most one of them names what it counts ("seizing more than 40",
  // "more than 55 taken prisoner"): statements this close put them in the same place.
  if (!x || !y || restLeft.length !== 1 || restRight.length !== 1) return out;
  if ((keyOf(x) || keyOf(y)) && !close) return out;
  // A measure ("two decades", "$5 million", "40 percent") is never paired with a bare number.
  const bare = !keyOf(x) || !keyOf(y);
  if ((!keyOf(x) && !keyOf(y)) || (bare && !MEASURE.test(x.unit ?? "") && !MEASURE.test(y.unit ?? "")))
    out.push([x, y]);
  return out;
}

/** Units that measure rather than count: time, money, shares, distances, weights and the like. */
const MEASURE =
  /^(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century|age|percent|percentage points?|usd|aud|cad|nzd|hkd|gbp|eur|jpy|inr|[kcm]?m|miles?|km|kg|tonnes?|tons?|pounds?|dollars?|euros?|yuan|yen|rupees?|metres?|meters?|feet|foot|inches?|litres?|liters?|gallons?|barrels?|acres?|hectares?|degrees?|times)$/i;

/** A few words both statements share, to say what the figure is about. */
function sharedContext(units: Unit[]): string {
  const [first, ...rest] = units;
  if (!first) return "";
  const words = first.text.match(/[\p{L}][\p{L}'’-]+/gu) ?? [];
  const others = rest.map((u) => new Set(contentStems(u.text)));
  const shared: string[] = [];
  for (const w of words) {
    const s = contentStems(w)[0];
    if (!s || shared.some((x) => x.toLowerCase() === w.toLowerCase())) continue;
    if (others.every((o) => o.has(s))) shared.push(w);
    if (shared.length === 4) break;
  }
  return shared.length ? ` (${shared.join(", ")})` : "";
}

// --- tallies and durations ------------------------------------------------------------------------

const describeSlot = (s: Slot) =>
  s.kind === "tally" ? `${s.tally?.[0]}–${s.tally?.[1]}` : `${Math.round((s.days?.low ?? 0) * 10) / 10} days`;

/**
 * Tallies and durations of aligned statements: the one slot of its kind on each side, about the same predicate
 * ("voted 7 to 2 to close" / "voted 6-3 to close"; "close it for six months" / "closed for a year"). Tallies
 * differ when their sides do; durations when their intervals in days do not overlap.
 */
/** The name written right before a slot ("defeated Drake 65-53"), lower-cased, if one is. */
function namedBefore(u: Unit, start: number): string | undefined {
  const before = u.text.slice(Math.max(0, start - u.sentence.start - 40), start - u.sentence.start);
  return /((?:\p{Lu}[\p{L}'’.-]*\s+){1,3})$/u.exec(before)?.[1]?.trim().toLowerCase();
}

function slotDiscrepancies(
  units: Unit[],
  pairs: AlignedPair[],
  story: ResolvedStory,
  occasionsOf: (at: number) => Set<string>,
): DiscrepancyFinding[] {
  const out: DiscrepancyFinding[] = [];
  const { differentOwners } = owning(story);
  const windows: TermVector[] = [];
  const slotted = Uint8Array.from(units, (u) => (u.slots.length ? 1 : 0));
  const seen = new Set<string>();
  for (const { a, b, similarity } of pairs) {
    const ua = units[a] as Unit;
    const ub = units[b] as Unit;
    if (!slotted[a] || !slotted[b]) continue;
    if (
      similarity < RELATED_STATEMENT &&
      cosine(windowVector(units, ua, windows), windowVector(units, ub, windows)) < RELATED_STATEMENT
    )
      continue;
    for (const kind of ["tally", "duration"] as const) {
      const sa = ua.slots.filter((x) => x.kind === kind);
      const sb = ub.slots.filter((x) => x.kind === kind);
      const [x] = sa;
      const [y] = sb;
      if (!x || !y || sa.length !== 1 || sb.length !== 1 || !samePredicate(x, y)) continue;
      // "Indiana State defeated Evansville 51-50" and "the Bluejays defeated Drake 65-53" are two games.
      const na = namedBefore(ua, x.start);
      const nb = namedBefore(ub, y.start);
      if (na && nb && na !== nb) continue;
      // "Ana Ruiz has worked there for 33 years" and "Kim for 21 years" are two careers; a spell of another
      // occasion ("in 2019, a strike lasted two weeks") is not this one.
      if (differentOwners({ unit: ua, number: x }, { unit: ub, number: y })) continue;
      if (!sameOccasion(occasionsOf(a), occasionsOf(b))) continue;
      // A spell hoped for or asked for ("could attract a 10-year deal") is not the one agreed.
      if (hypothetical(ua, x) !== hypothetical(ub, y)) continue;
      if (kind === "duration" && differentScopes(spellScope(ua, x), spellScope(ub, y))) continue;
      const differ =
        kind === "tally"
          ? x.tally?.[0] !== y.tally?.[0] || x.tally?.[1] !== y.tally?.[1]
          : !!x.days && !!y.days && !overlaps(x.days, y.days);
      if (!differ) continue;
      const key = [kind, ...[ua.article, ub.article].sort(), ...[x.text, y.text].sort()].join("\u0000");
      if (seen.has(key)) continue;
      seen.add(key);
      const what = kind === "tally" ? "the vote or score" : "how long";
      out.push({
        id: "",
        kind: "number",
        about: `${what}${sharedContext([ua, ub])}`,
        compatible: false,
        explanation: `${ua.article} says "${x.text}" (${describeSlot(x)}), ${ub.article} "${y.text}" (${describeSlot(y)}): they cannot both be right.`,
        sides: [
          { article: ua.article, value: x.text, evidence: sentenceOf(ua) },
          { article: ub.article, value: y.text, evidence: sentenceOf(ub) },
        ],
      });
    }
  }
  return out;
}

// --- places --------------------------------------------------------------------------------------

interface Place {
  name: string;
  country: string | undefined;
  /** The content stems of the place's clause, names and numbers left out: what is said to be there. */
  predicate: string[];
}

/** Places a statement puts something in: a place name or a demonym after a locative preposition. */
function locativePlaces(
  u: Unit,
  lexicon: Required<CompareOptions>,
  countryOf: (name: string) => string | undefined,
): Place[] {
  const out: Place[] = [];
  const add = (name: string, at: number) => {
    if (!WATER.test(name) && !out.some((p) => p.name === name))
      out.push({ name, country: countryOf(name), predicate: placeClause(u, at) });
  };
  const local = (start: number) => {
    const at = start - u.sentence.start;
    const before = u.text.slice(Math.max(0, at - 30), at);
    // "last in the Atlantic", "third in Europe": a rank within a league or a table, not where it happened.
    return RANKED.test(before) ? "" : before.slice(-14);
  };
  // A place listed after a locative one is locative too: "in Peru and Chile", "in Tarn, Velm or Ost".
  let listedFrom = -1;
  for (const m of u.mentions) {
    if (m.type !== "place") continue;
    const possessive = /^['’]s?\b/u.test(u.text.slice(m.end - u.sentence.start));
    const listed = listedFrom >= 0 && LISTED.test(u.text.slice(listedFrom, m.start - u.sentence.start));
    if (!possessive && !/['’]s?$/u.test(m.text) && (LOCATIVE.test(local(m.start)) || listed)) {
      add(m.text, m.start);
      listedFrom = m.end - u.sentence.start;
    } else listedFrom = -1;
  }
  for (const w of u.text.matchAll(
    /\b(?:in|at|near|outside|inside)\s+(?:(?:the|a|an|its|their|his|her|our)\s+)?(\p{Lu}[\p{L}]+)\s+(\p{Ll}+)/gu,
  )) {
    const place = w[1] && !WATER.test(w[2] ?? "") ? lexicon.placeOfDemonym(w[1]) : undefined;
    if (place) add(place, u.sentence.start + w.index);
  }
  return out;
}

/** Marks that end a clause around a place. */
const CLAUSE_MARK = /[,;:—–.!?]/u;

/**
 * The content stems of the clause a place at offset `at` stands in, from the mark before it to the mark after
 * it, names and numbers left out: "arrived … on Monday and said she was ready" in "Ruiz, who won the
 * title in 2001, arrived in Velmar on Monday and said she was ready".
 */
function placeClause(u: Unit, at: number): string[] {
  const local = at - u.sentence.start;
  const before = u.text.slice(0, local);
  let from = before.length;
  while (from > 0 && !CLAUSE_MARK.test(before[from - 1] as string)) from--;
  const after = u.text.slice(local).search(CLAUSE_MARK);
  const clause = u.text.slice(from, after < 0 ? u.text.length : local + after);
  return predicateOf(clause);
}

/**
 * A body of water, or a country's waters or coast ("the Gulf of Tarn", "the Velmish coast"): a ship's place
 * there is off some country's shore, which another outlet may well name instead; it is set against no country.
 */
const WATER = /\b(?:gulf|sea|seas|ocean|strait|straits|bay|channel|waters|coast|coastline|shore|shores)\b/iu;

function placeDiscrepancies(
  units: Unit[],
  pairs: AlignedPair[],
  lexicon: Required<CompareOptions>,
  occasionsOf: (at: number) => Set<string>,
  countryOf: (name: string) => string | undefined,
): DiscrepancyFinding[] {
  const out: DiscrepancyFinding[] = [];
  const seen = new Set<string>();
  // Each statement's places are read once per call, and a pair is looked at further only if both have some.
  const places = units.map((u) => locativePlaces(u, lexicon, countryOf));
  const placed = Uint8Array.from(places, (p) => (p.length ? 1 : 0));
  const eventMarks = perUnit(units, (u) => eventMarksOf(u, lexicon.unitKey));
  for (const { a, b, similarity } of pairs) {
    if (!placed[a] || !placed[b]) continue;
    const ua = units[a] as Unit;
    const ub = units[b] as Unit;
    const pa = places[a] as Place[];
    const pb = places[b] as Place[];
    if (!sameEvent(similarity, eventMarks(a), eventMarks(b))) continue;
    // "Won the title in Berlin in 1998" is no place of the story's event.
    if (!sameOccasion(occasionsOf(a), occasionsOf(b))) continue;
    if (pa.some((p) => pb.some((q) => p.name.toLowerCase() === q.name.toLowerCase()))) continue;
    // An outlet that names the other's place in the same statement puts something else elsewhere ("jolted
    // southern Velmar, felt in Ostia"); it does not move the event.
    if (pb.some((q) => namesPlace(ua, q.name)) || pa.some((p) => namesPlace(ub, p.name))) continue;
    // The values are the places whose countries are known to differ; a region such as "Europe" or a small
    // town says nothing either way.
    const onlyA = pa.filter((p) => p.country !== undefined);
    const onlyB = pb.filter((q) => q.country !== undefined);
    if (onlyA.length === 0 || onlyB.length === 0) continue;
    if (onlyA.some((p) => onlyB.some((q) => samePlace(p, q)))) continue;
    // Statements joined only by a shared date or count may put different things in different places ("arrived
    // in Velmar on Monday", "took the title in 2001 by a knockout in Ostia"): a place is set against another only
    // where their clauses say the same thing is there, unless the statements are close throughout.
    if (similarity < CLOSE_STATEMENT && !onlyA.some((p) => onlyB.some((q) => samePredicate(p, q)))) continue;
    const key = [ua.article, ub.article, ...onlyA.map((p) => p.name), ...onlyB.map((p) => p.name)].join("|");
    if (seen.has(key)) continue;
    seen.add(key);
    const va = onlyA.map((p) => p.name).join(", ");
    const vb = onlyB.map((p) => p.name).join(", ");
    out.push({
      id: "",
      kind: "place",
      about: `where it happened${sharedContext([ua, ub])}`,
      explanation: `${ua.article} places it in ${va}, ${ub.article} in ${vb}.`,
      sides: [
        { article: ua.article, value: va, evidence: sentenceOf(ua) },
        { article: ub.article, value: vb, evidence: sentenceOf(ub) },
      ],
    });
  }
  return out;
}

/** What goes on after the last of two places when they are a list: "Tarn, Velm and Ost", "Tarn, Velm, Ost". */
const LIST_GOES_ON = /^\s*(?:,\s*(?:(?:and|or)\s+)?\p{Lu}|(?:and|or)\s+(?:the\s+)?\p{Lu})/u;

/** What may stand between places of one list: "Peru and the", ", ", ", or". */
const LISTED = /^\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)(?:the\s+)?$/iu;

/**
 * Cities at least this large (the gazetteer's size, 55 = about 300,000 people) are taken to be the gazetteer's
 * city wherever a story names them, as a regional capital or a large port is; a smaller one's name is as often
 * a town or a district elsewhere (the gazetteer keeps only the largest town of a name, and a district of a
 * city abroad may bear it), so in a story set in other countries it says nothing of where it happened.
 */
const SETTLED_CITY_SIZE = 55;

/**
 * The country each place name of a story lies in, read with the story's own words: a place the story qualifies
 * by another ("Tarn, Velmar"; "TARN, VELMAR") lies where that one does, and a smaller city in a story
 * that names countries only if its own is one of them.
 */
function storyCountries(units: Unit[], lexicon: Required<CompareOptions>): (name: string) => string | undefined {
  const within = new Map<string, string>();
  const named = new Set<string>();
  for (const u of units) {
    const places = u.mentions.filter((m) => m.type === "place");
    places.forEach((m, i) => {
      const facts = lexicon.placeOf(m.text);
      if (facts?.country && (facts.kind !== "city" || facts.size >= SETTLED_CITY_SIZE)) named.add(facts.country);
      // "A, B" qualifies A by B unless it is a list ("the Tarn Sea, Velmar and Ost") or A is a country.
      const next = places[i + 1];
      const key = m.text.toLowerCase();
      const between = (x: Mention, y: Mention) => u.text.slice(x.end - u.sentence.start, y.start - u.sentence.start);
      if (
        next &&
        !within.has(key) &&
        facts?.kind !== "country" &&
        /^\s*,\s*$/u.test(between(m, next)) &&
        !LIST_GOES_ON.test(u.text.slice(next.end - u.sentence.start)) &&
        !(i > 0 && /^\s*,\s*$/u.test(between(places[i - 1] as Mention, m)))
      )
        within.set(key, next.text.toLowerCase());
    });
  }
  const countryOf = (name: string, depth: number): string | undefined => {
    const container = within.get(name.toLowerCase());
    if (container !== undefined && depth < 3) return countryOf(container, depth + 1);
    const facts = lexicon.placeOf(name);
    if (!facts?.country) return undefined;
    if (facts.kind === "city" && facts.size < SETTLED_CITY_SIZE && named.size > 0 && !named.has(facts.country))
      return undefined;
    return facts.country;
  };
  return (name) => countryOf(name, 0);
}

/** Whether a statement names a place anywhere, in whatever case. */
function namesPlace(u: Unit, name: string): boolean {
  const lower = name.toLowerCase();
  return u.mentions.some((m) => m.type === "place" && m.text.toLowerCase() === lower);
}

/**
 * Places that may be the same: one name, or places in one country (a city and its country), or places whose
 * country the gazetteer does not know (then nothing says they differ).
 */
function samePlace(p: Place, q: Place): boolean {
  if (p.name.toLowerCase() === q.name.toLowerCase()) return true;
  return p.country === undefined || q.country === undefined || p.country === q.country;
}

/**
 * Two statements are about one event when they share a count of the same thing or an absolute date, or are
 * close overall.
 */
function sameEvent(similarity: number, a: EventMarks, b: EventMarks): boolean {
  if (similarity >= CLOSE_STATEMENT) return true;
  if (b.counts.length && a.counts.some((c) => b.counts.includes(c))) return true;
  return b.dates.length > 0 && a.dates.some((d) => b.dates.includes(d));
}

/** What marks a statement's event (see `sameEvent`): its counts of things and its absolute dates. */
interface EventMarks {
  counts: string[];
  dates: (string | undefined)[];
}

function eventMarksOf(u: Unit, unitKey: (u: string) => string): EventMarks {
  return {
    counts: u.numbers.filter((n) => n.unit).map((n) => `${n.value} ${unitKey(n.unit as string)}`),
    dates: u.dates.filter((d) => d.date && !d.relative).map((d) => d.date),
  };
}

// --- dates ---------------------------------------------------------------------------------------

/** A weekday's name, the words that say which one it is as written, whatever the article's date. */
const WEEKDAY = /^(?:on\s+)?(?:(?:last|next|this|early|late)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;

/** Where a web address begins: its scheme or "www.", written with or without spaces around its dots. */
const ADDRESS_START = /\b(?:https?\s*:|www\s*\.)/giu;
/** Two plain words side by side: prose, which no web address holds. */
const PROSE = /\p{L}{2,}\s+\p{L}{2,}/u;
/** A date stated with its year. */
const WITH_YEAR = /\b\d{4}\b/u;
/** What may stand before an opening date in running prose ("On March 3, 2009 the port..."). */
const OPENING_ADVERBIAL = /^(?:on|in|by|since|until|from|as\s+of)?$/iu;

/**
 * Whether a date is not said of any event: a year inside a web address (a link's path: "/ 2012 / 08 /"), or a
 * dateline: a full date with its year between a headline and the body, run on into the body's next capitalised
 * word without a stop ("...arrested on suspicion of theft March 4, 2026 Police in Portavel said"). Either is the
 * page's own date, which two outlets may well give differently for one event.
 */
function pageDate(u: Unit, d: DateMention): boolean {
  const at = d.start - u.sentence.start;
  const before = u.text.slice(0, at);
  const scheme = [...before.matchAll(ADDRESS_START)].at(-1);
  if (scheme && !PROSE.test(before.slice(scheme.index))) return true;
  if (!WITH_YEAR.test(d.text)) return false;
  const after = u.text.slice(d.end - u.sentence.start);
  return /^\s+\p{Lu}/u.test(after) && !OPENING_ADVERBIAL.test(before.trim());
}

/**
 * The first word after a date written in the possessive: what it dates ("Friday's final" → "final", "Friday's
 * second semifinal" → "second"), or "" for a date that is not possessive.
 */
function possessiveOf(u: Unit, d: DateMention): string {
  const end = d.end - u.sentence.start;
  return (/^['’]s\s+([\p{L}-]+)/u.exec(u.text.slice(end, end + 40))?.[1] ?? "").toLowerCase();
}

/** The weekday a date's words name ("on Saturday night" → "satur"), or undefined. */
function weekdayNamed(text: string): string | undefined {
  return /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b/iu.exec(text)?.[1]?.toLowerCase();
}

function differentWeekdays(a: string, b: string): boolean {
  const x = weekdayNamed(a);
  const y = weekdayNamed(b);
  return x !== undefined && y !== undefined && x !== y && WEEKDAY.test(a) && WEEKDAY.test(b);
}

const DAY_MS = 86_400_000;

/** Whether `d` says "the weekend" and `day` (an ISO date) is that weekend's Saturday or Sunday. */
function withinWeekend(d: DateMention, day: string): boolean {
  if (!/\bweekend\b/iu.test(d.text) || !d.date || d.date.length < 10 || day.length < 10) return false;
  const said = Date.parse(d.date.slice(0, 10));
  const other = Date.parse(day.slice(0, 10));
  // The weekend is read as its Saturday; a Sunday stands for it too.
  const weekday = new Date(said).getUTCDay();
  if (weekday !== 6 && weekday !== 0) return false;
  const saturday = weekday === 6 ? said : said - DAY_MS;
  return other === saturday || other === saturday + DAY_MS;
}

function dateDiscrepancies(units: Unit[], pairs: AlignedPair[], story: ResolvedStory): DiscrepancyFinding[] {
  const out: DiscrepancyFinding[] = [];
  // A relative date ("Tuesday", "yesterday") is only as sure as the date of its own article: in an undated
  // one it was resolved against the story's dates, a guess that is not the outlet's word.
  const dated = new Set(story.articles.filter((a) => a.article.published).map((a) => a.article.id));
  const guessed = (u: Unit, d: { relative: boolean }) => d.relative && !dated.has(u.article);
  for (const { a, b, similarity } of pairs) {
    if (similarity < CLOSE_STATEMENT) continue;
    const ua = units[a] as Unit;
    const ub = units[b] as Unit;
    const da = ua.dates.filter((d) => d.date && !pageDate(ua, d));
    const db = ub.dates.filter((d) => d.date && !pageDate(ub, d));
    if (da.length !== 1 || db.length !== 1) continue;
    const [fa, fb] = [da[0] as DateMention, db[0] as DateMention];
    // The same words ("on Saturday") resolved to two days say the same thing: the articles' dates differ.
    // So do the same day and month without a year ("May 3"), whose year each article supplied.
    const sameWords = fa.text.toLowerCase() === fb.text.toLowerCase();
    if (sameWords && ((fa.relative && fb.relative) || !(WITH_YEAR.test(fa.text) || WITH_YEAR.test(fb.text)))) continue;
    // "Friday's semifinal" dates the semifinal, not what the sentence says happened: a possessive date is
    // compared only with one of the same thing.
    const pa = possessiveOf(ua, fa);
    const pb = possessiveOf(ub, fb);
    if (pa !== pb) continue;
    // Where either was resolved against a guessed date, only two different weekdays' names still differ as
    // written ("Saturday night" and "late Saturday night" may be one night, placed in two weeks by the guess).
    if ((guessed(ua, fa) || guessed(ub, fb)) && !differentWeekdays(fa.text, fb.text)) continue;
    const x = (da[0] as { date: string; text: string }).date;
    const y = (db[0] as { date: string; text: string }).date;
    if (x.length !== y.length || x.slice(0, 10) === y.slice(0, 10)) continue;
    // "At the weekend" is two days: a Saturday or Sunday said by the other is one of them.
    if (withinWeekend(fa, y) || withinWeekend(fb, x)) continue;
    // The dates must fill the same role: said of the same happening ("died on March 3" and "filled the square on
    // Friday" are two events in one pair of similar sentences).
    const role = (u: Unit, d: { start: number }) => ({ predicate: predicateBefore(u, d.start) });
    if (!samePredicate(role(ua, da[0] as { start: number }), role(ub, db[0] as { start: number }))) continue;
    // Nor are two dates of things named differently in their clauses ("won the Kestrel Prize in 2012", "won the
    // Lantern Medal in 2013"; "before Portavel Crown Court on 3 May", "before Portavel Magistrates' Court on
    // Tuesday").
    const na = namesBefore(ua, fa.start);
    const nb = namesBefore(ub, fb.start);
    if (na.length && nb.length && !na.some((x) => nb.some((y) => sameName(x, y)))) continue;
    out.push({
      id: "",
      kind: "date",
      about: `when it happened${sharedContext([ua, ub])}`,
      explanation: `${ua.article} dates it ${x} ("${da[0]?.text}"), ${ub.article} ${y} ("${db[0]?.text}").`,
      // The words as written, then the day they resolve to: a reader checks the first, a program the second.
      sides: [
        { article: ua.article, value: `${da[0]?.text} (${x})`, evidence: sentenceOf(ua) },
        { article: ub.article, value: `${db[0]?.text} (${y})`, evidence: sentenceOf(ub) },
      ],
    });
  }
  return out;
}

// --- persons -------------------------------------------------------------------------------------

/** What stands between a figure and the one it is credited to after it: "13 points from", "offers by the". */
const CREDITED_TO = /^\s*(?:[\p{L}-]+\s+){0,2}(?:from|by|for)\s+(?:the\s+)?$/iu;

/** A reporting verb right after a name: "Okafor said", "Chief Okafor told reporters". */
const SOURCE_AFTER =
  /^['’]?\s*(?:said|says|told|tells|added|adds|stated|states|explained|explains|reported|reports|wrote|writes)\b/iu;
/** A reporting verb a few words (a title, a role) before a name: "said witness Ana Ruiz", "according to Sgt. Ruiz". */
const SOURCE_BEFORE = /\b(?:said|says|told|tells|added|adds|according\s+to)\s+(?:[\p{L}\p{N}.'’-]+\s+){0,3}$/iu;

/**
 * Whether a person is the source a statement is reported from ("…, Chief Okafor said"), not one who takes part
 * in what it reports: two outlets that give one account from two sources corroborate it through each, they do
 * not give one role to two people.
 */
function reportedBy(u: Unit, m: Mention): boolean {
  const at = m.start - u.sentence.start;
  const end = m.end - u.sentence.start;
  return SOURCE_AFTER.test(u.text.slice(end, end + 20)) || SOURCE_BEFORE.test(u.text.slice(Math.max(0, at - 50), at));
}

function personDiscrepancies(units: Unit[], pairs: AlignedPair[], story: ResolvedStory): DiscrepancyFinding[] {
  const out: DiscrepancyFinding[] = [];
  const persons = perUnit(
    units,
    (u) =>
      new Set(
        u.mentions
          .filter(
            (m: Mention) =>
              m.type === "person" && !u.quotes.some((q) => m.start >= q.start && m.end <= q.end) && !reportedBy(u, m),
          )
          .map((m) => story.entities.byMention(u.article, m.start, m.end)?.id)
          .filter((x): x is string => !!x),
      ),
  );
  const byId = new Map(story.entities.entities.map((e) => [e.id, e]));
  for (const { a, b, similarity } of pairs) {
    if (similarity < PERSON_STATEMENT) continue;
    const ua = units[a] as Unit;
    const ub = units[b] as Unit;
    const pa = persons(a);
    const pb = persons(b);
    const onlyA = [...pa].filter((p) => !pb.has(p));
    const onlyB = [...pb].filter((p) => !pa.has(p));
    if (onlyA.length !== 1 || onlyB.length !== 1 || pa.size !== pb.size) continue;
    const ea = byId.get(onlyA[0] as string);
    const eb = byId.get(onlyB[0] as string);
    if (!ea || !eb) continue;
    // One name inside the other ("Mr Dario" and "Dario Venn", "Choi" and "Choi Dae-hyun") is one person the
    // resolver kept apart, not two; and a statement that names the other side's person too gives that
    // person another role in it, not the same role to someone else.
    if (oneNameInOther(ea, eb) || namesPerson(ua.text, eb) || namesPerson(ub.text, ea)) continue;
    // Two names with one family name are a given name spelled two ways ("Katherine" / "Kathryn") or two
    // relatives, not one role given to someone else.
    if (sameFamilyName(ea, eb)) continue;
    // A swap needs two people the story names in full somewhere: a one-word "person" is as often a title, a
    // team or a magazine the tagger mistook ("Playboy", "Chiefs") as a person.
    if (!fullName(ea) || !fullName(eb)) continue;
    // The two must fill one role: a word next to each name is the same ("Ruiz cut the ribbon", "Bako cut the
    // ribbon"), not two people in different places of statements that share other words.
    if (!sameRole(ua, ea.id, ub, eb.id, story)) continue;
    const [x, y] = [ea.name, eb.name];
    out.push({
      id: "",
      kind: "person",
      about: `who it was${sharedContext([ua, ub])}`,
      explanation: `${ua.article} names ${x} where ${ub.article} names ${y} in the same statement.`,
      sides: [
        { article: ua.article, value: x, evidence: sentenceOf(ua) },
        { article: ub.article, value: y, evidence: sentenceOf(ub) },
      ],
    });
  }
  return out;
}

/** The word right before and right after each mention of an entity in a statement, lowercased. */
function neighbours(u: Unit, id: string, story: ResolvedStory): { before: Set<string>; after: Set<string> } {
  const before = new Set<string>();
  const after = new Set<string>();
  for (const m of u.mentions) {
    if (story.entities.byMention(u.article, m.start, m.end)?.id !== id) continue;
    const b = /(\p{L}+)\P{L}*$/u.exec(u.text.slice(0, m.start - u.sentence.start))?.[1];
    const a = /^[\s,]*(\p{L}+)/u.exec(u.text.slice(m.end - u.sentence.start))?.[1];
    if (b) before.add(b.toLowerCase());
    if (a) after.add(a.toLowerCase());
  }
  return { before, after };
}

function sameRole(ua: Unit, a: string, ub: Unit, b: string, story: ResolvedStory): boolean {
  const x = neighbours(ua, a, story);
  const y = neighbours(ub, b, story);
  return [...x.before].some((w) => y.before.has(w)) || [...x.after].some((w) => y.after.has(w));
}

/** The words of a person's name, titles left out, hyphens and case undone: "Mr Dae-hyun" -> dae, hyun. */
function personNameWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[\s\-‐–.]+/u)
    .filter((w) => w !== "" && !PERSON_TITLES.has(w));
}

/** Whether every word of some form of one entity's name is in some form of the other's. */
function oneNameInOther(a: Entity, b: Entity): boolean {
  const forms = (e: Entity) => [e.name, ...e.aliases].map(personNameWords).filter((w) => w.length > 0);
  const inside = (small: string[], big: string[]) => small.every((w) => big.includes(w));
  return forms(a).some((x) => forms(b).some((y) => inside(x, y) || inside(y, x)));
}

/** Whether some form of a person's name has two words or more, titles aside ("Ana Ruiz", not "Mr Ruiz"). */
function fullName(e: Entity): boolean {
  return [e.name, ...e.aliases].some((form) => personNameWords(form).length >= 2);
}

/** Whether two people's full names (two words or more) end in the same family name. */
function sameFamilyName(a: Entity, b: Entity): boolean {
  const la = new Set(familyNames(a).map(familyKey));
  return familyNames(b).some((w) => la.has(familyKey(w)));
}

/** A family name as compared: its last part, case and hyphens undone ("Dae-Hyun" -> hyun). */
const familyKey = (w: string) => personNameWords(w).at(-1) ?? "";

/** The last words of a person's full names (two words or more), as written. */
function familyNames(e: Entity): string[] {
  return [e.name, ...e.aliases]
    .filter((form) => personNameWords(form).length >= 2)
    .map(
      (form) =>
        form
          .split(/\s+/u)
          .filter((w) => personNameWords(w).length > 0)
          .at(-1) as string,
    );
}

/** Whether a sentence writes one of an entity's names, as whole words. */
export function namesAny(text: string, e: Entity): boolean {
  return [e.name, ...e.aliases].some((form) => writes(text, form));
}

/**
 * Whether a text writes a form as words of their own, looking at every place it is written, not only the first:
 * "Lee" may stand inside "Leeds" before it stands alone.
 */
function writes(text: string, form: string): boolean {
  const wordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  for (let at = text.indexOf(form); at >= 0 && form.length > 0; at = text.indexOf(form, at + 1)) {
    if (!wordChar(text[at - 1]) && !wordChar(text[at + form.length])) return true;
  }
  return false;
}

/**
 * Whether a text names a person: by one of the person's names, or by the family name of a full one ("Ruiz" for
 * "Dr Ana Ruiz").
 */
export function namesPerson(text: string, e: Entity): boolean {
  return namesAny(text, e) || familyNames(e).some((family) => writes(text, family));
}

// --- negation ------------------------------------------------------------------------------------

/**
 * Negators followed by these words do not negate: "not only … but", "not just", "no fewer than 20", "no doubt",
 * "nothing but a hat" (only a hat), "none more so than".
 */
const NOT_NEGATING = /^\s*(?:only|just|merely|least|less|fewer|more\s+(?:than|so)|doubt|wonder|matter|but)\b/i;

/** Before a negator, these leave it elliptical: "whether or not", "clothing or none at all". */
const ELLIPTICAL_BEFORE = /\bor\s*$/i;

/**
 * Verbs of refusal negate what follows them only when it is a verb or a clause ("refused to stop", "denied
 * that he knew", "denied having", "denied any role"): with a bare noun, the thing refused is there ("rejected
 * calls to resign": the calls were made; "denied a plea offer": an offer was made).
 */
const REFUSAL = /^(?:refus|den[iy]|reject)/i;
const REFUSAL_COMPLEMENT = /^\s*(?:to|that|any|ever|\p{L}+ing)\b/iu;

/**
 * Negators that are themselves the subject ("none of the teams has offered", "neither X nor Y claimed"): what
 * they negate comes after their noun phrase, past its first auxiliary; with none in the clause, the predicate
 * is not found and nothing is compared.
 */
const SUBJECT_NEGATOR = /^(?:none|neither)$/i;
/** What stands before a word that opens its clause: nothing, a quotation mark, or a clause's punctuation. */
const CLAUSE_OPENING = /(?:^|[;:.!?]\s*)["“'‘]?\s*$/u;
const AUXILIARY =
  /\b(?:is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|shall|should|may|might|must)\b/i;

/**
 * "Without" negates a verb ("left without paying"), and a thing only where something is said to be without it
 * ("was without power"); elsewhere it says how something went ("arrested without incident"), not that a thing
 * the other account names is absent.
 */
const WITHOUT_NEGATES = /\b(?:is|are|was|were|be|been|being|left|remain(?:s|ed)?|went|gone|go(?:es)?)\s+$/i;

/** "Don't talk", "Never give up": an order asserts nothing about what happened. */
const IMPERATIVE = /(?:^|["“‘(]\s*)(?:do\s+not|don['’]t|never)$/i;

/**
 * Words that pass a negation on to what follows them: "no sign of ending" negates "ending", "did not try to
 * stop" negates "stop", "no further comment" negates "comment". The negated predicate is the first content
 * word after them.
 */
const LIGHT = new Set([
  "sign",
  "signs",
  "intention",
  "intentions",
  "intent",
  "plan",
  "plans",
  "attempt",
  "attempts",
  "try",
  "tried",
  "way",
  "ways",
  "chance",
  "chances",
  "hope",
  "hoped",
  "need",
  "needed",
  "want",
  "wanted",
  "planned",
  "attempted",
  "further",
  "other",
  "longer",
  "immediate",
  "single",
]);

/**
 * What the negations of a statement govern: each one's predicate (the first content word after the negator,
 * past words that only pass the negation on) with where it stands, and its scope (the first
 * {@link NEGATION_REACH} content words), within its clause. A negator glued to its word by a hyphen makes a
 * compound ("no-fly", "non-stop"), not a negation.
 */
function negations(
  text: string,
  quoted: (at: number) => boolean = () => false,
): {
  predicates: Map<string, number>;
  prepositions: Map<string, string>;
  supports: Map<string, RegExp>;
  subjects: Map<string, Set<string>>;
  moments: Map<string, RegExp>;
  scope: Set<string>;
} {
  const predicates = new Map<string, number>();
  const prepositions = new Map<string, string>();
  const supports = new Map<string, RegExp>();
  const subjects = new Map<string, Set<string>>();
  const moments = new Map<string, RegExp>();
  let subject: Set<string> | undefined;
  const scope = new Set<string>();
  for (const m of text.matchAll(NEGATION)) {
    const before = text.slice(0, m.index);
    let rest = text.slice(m.index + m[0].length);
    if (quoted(m.index)) {
      for (const x of contentStems((rest.split(/[;:.!?()]/u)[0] ?? "") as string)) scope.add(x);
      continue;
    }
    if (NOT_NEGATING.test(rest) || /^-/u.test(rest) || ELLIPTICAL_BEFORE.test(before)) continue;
    if (REFUSAL.test(m[0]) && !REFUSAL_COMPLEMENT.test(rest)) continue;
    // "An aide without title or salary": what "without" governs is not asserted either way.
    const adjunct = /^without$/i.test(m[0]) && !WITHOUT_NEGATES.test(before) && !/^\s*\p{L}+ing\b/iu.test(rest);
    if (IMPERATIVE.test(text.slice(0, m.index + m[0].length))) continue;
    // "Nor" after "neither" belongs to it: the pair negates once, after both nouns.
    if (/^nor$/i.test(m[0]) && /\bneither\b/i.test(before)) continue;
    // "No decision has been reached", "Not guilty pleas were entered": a negator opening its clause belongs to
    // the subject, and what is denied is the verb after it.
    subject = undefined;
    if (SUBJECT_NEGATOR.test(m[0]) || (/^(?:no|not)$/i.test(m[0]) && CLAUSE_OPENING.test(before))) {
      const clause = rest.split(/[,;:.!?()]/u)[0] ?? "";
      const aux = clause.search(AUXILIARY);
      if (aux < 0) continue;
      subject = new Set(contentStems(rest.slice(0, aux)));
      // "Shot at the guards but none were hurt": a bare "none" stands for the last thing its sentence counts.
      if (subject.size === 0 && SUBJECT_NEGATOR.test(m[0])) subject = antecedentOf(before);
      rest = rest.slice(aux);
    }
    // A question word opens what is not said or known, not what did not happen: "did not say what he was
    // treated for" denies the telling, not the treatment.
    const whole = listedClause(rest).split(/[;:.!?()]/u)[0] ?? "";
    const written = whole.split(QUESTION_WORD)[0] ?? "";
    const bound = MOMENT.exec(whole)?.[1];
    const moment = bound ? new RegExp(`\\b${bound.replace(/\s+/gu, "\\s+")}\\b`, "iu") : undefined;
    // "Not … until May" says when it happens, not that it does not: "will not be named until Friday".
    if (UNTIL.test(written)) continue;
    // What is negated is a predicate: names after the negator ("did not hire Cheeks") are its arguments.
    const clause = written.replace(/(?<=\s)\p{Lu}[\p{L}'’.-]*/gu, " ");
    // Everything to the end of the clause is under the negation; its predicate is the first content word that
    // is neither a word passing it on nor a manner adverb ("did not properly conduct" negates "conduct").
    // The words passing it on are matched as written: "no sign of" passes it on, "not signed" is the predicate.
    const words = clause.split(/\s+/u).filter((w) => !/\p{L}{3}ly$/iu.test(w) && !LIGHT.has(w.toLowerCase()));
    // "No reported injuries": after "no", a participle before its noun describes it; the noun is what is denied.
    const first = words.findIndex((w) => w !== "");
    if (m[0].toLowerCase() === "no" && first >= 0 && /^\p{L}+ed$/u.test(words[first] as string) && words[first + 1])
      words.splice(first, 1);
    for (const x of contentStems(clause)) scope.add(x);
    if (adjunct) continue;
    // A number names a thing ("Nor is Windows Server 2012"), it is no predicate.
    const predicate = contentStems(words.join(" "))
      .slice(0, NEGATION_REACH)
      .filter((x) => !/^\d/u.test(x))[0];
    // Where the predicate itself stands: its subject is looked for before it ("unless the city agreed").
    const at = stemsAt(text.slice(m.index)).find((x) => x.stem === predicate)?.at;
    if (predicate && at !== undefined && !predicates.has(predicate)) {
      predicates.set(predicate, m.index + at);
      // "Was not at the terminal": what is denied is being there, said with that preposition.
      const between = text.slice(m.index + m[0].length, m.index + at);
      const relation = LAST_PREPOSITION.exec(between)?.[1];
      if (relation) prepositions.set(predicate, relation.toLowerCase());
      // "Does not have a permit": what is denied is having one, said with that verb.
      const carrier = SUPPORTED.exec(between)?.[1] ?? "";
      const support = SUPPORT_VERBS.find((v) => v.test(carrier));
      if (support) supports.set(predicate, support);
      if (subject?.size) subjects.set(predicate, subject);
      // A state in progress ("was not wearing a harness when he fell") holds over the moment and around it.
      const progressive = /^\p{L}+ing\b/iu.test(text.slice(m.index + at));
      if (moment && !progressive) moments.set(predicate, moment);
    }
  }
  return { predicates, prepositions, supports, subjects, moments, scope };
}

/** How many words before a bare "none" are read as what it stands for. */
const ANTECEDENT_REACH = 3;

/** The content stems of the last words of a clause, past a joining word: "police officers" in "at police officers but". */
function antecedentOf(before: string): Set<string> {
  const words = (before.split(/[;:.!?]/u).at(-1) ?? "").trim().split(/\s+/u);
  while (words.length && /^(?:but|and|or|yet|so|,)$/iu.test(words.at(-1) as string)) words.pop();
  return new Set(contentStems(words.slice(-ANTECEDENT_REACH).join(" ")));
}

/** Verbs that carry a noun's meaning ("have a permit", "make an offer"), each with its forms. */
const SUPPORT_VERBS = [
  /\b(?:have|has|had|having)\b/iu,
  /\b(?:get|gets|got|gotten|getting)\b/iu,
  /\b(?:make|makes|made|making)\b/iu,
  /\b(?:take|takes|took|taken|taking)\b/iu,
  /\b(?:give|gives|gave|given|giving)\b/iu,
];
/**
 * A support verb right before the noun it carries, past a determiner ("have a permit", "make any offer"); an
 * auxiliary ("has been reached") carries nothing.
 */
const SUPPORTED = /\b(\p{L}+)\s+(?:(?:a|an|the|any|its|their|his|her|our|much|enough)\s+)?$/iu;

/** A form of "be" before a participle: the verb is passive, and what follows it is no object. */
const PASSIVE_AUX = /^(?:is|are|was|were|be|been|being)$/iu;

/** How many words after an asserted verb are read as its object. */
const OBJECT_REACH = 4;

/** The last preposition between a negator and its predicate ("not at the", "no longer in"). */
const LAST_PREPOSITION =
  /\b(at|in|on|inside|outside|near|by|with|from|into|onto|under|behind)\b(?!.*\b(?:at|in|on|inside|outside|near|by|with|from|into|onto|under|behind)\b)/iu;

/**
 * The clause after a negator, up to its first comma, and on through commas that only continue a list it
 * negates: "did not have a salary, a title or a listing" negates all three.
 */
function listedClause(rest: string): string {
  const parts = rest.split(",");
  let n = 1;
  // A part is the list's next item when the list goes on to "or"/"nor" (or "and") before any other break.
  while (
    n < parts.length &&
    /^\s*(?:an?\s+|the\s+)?[\p{L}-]+(?:\s+(?:or|nor|and)\s|\s*$)/iu.test(parts[n] as string) &&
    n < LIST_REACH
  )
    n++;
  const last = parts[n];
  const closesList = n > 1 || (last !== undefined && /^\s*(?:or|nor)\s/iu.test(last));
  return closesList
    ? parts
        .slice(0, Math.min(n + 1, parts.length))
        .join(",")
        .replace(/,/gu, " ")
    : (parts[0] ?? "");
}
/** How many comma-separated items a negated list may have. */
const LIST_REACH = 6;

const UNTIL = /\buntil\b/i;
/**
 * A clause that bounds a negation to a moment: "no shots were fired when the man was taken into custody" denies
 * shots at that moment, and "he fired one shot" may be another. A state in progress is not so bounded.
 */
const MOMENT = /\b(when|while|as\s+soon\s+as)\b/iu;
const QUESTION_WORD = /\b(?:what|whether|why|how|where|when|who|whom|which)\b/i;

/** A condition ("if", "unless"): a negation inside one is set only against another condition. */
const CONDITION = /\b(?:if|unless)\b/i;

/**
 * Where the sentence asserts the word with stem `stem` rather than naming it as a goal, an order or a
 * permission ("told him to delete them", "allowed to pay", "to make her respond" assert nothing happened): the
 * index of that word among the sentence's words split at spaces, or -1.
 */
function assertedAt(text: string, stem: string): number {
  const words = text.split(/\s+/u);
  return words.findIndex((w, i) => {
    if (contentStems(w)[0] !== stem) return false;
    const before = words.slice(Math.max(0, i - INFINITIVE_REACH), i).map((x) => x.toLowerCase());
    // "a developing player": a participle after an indefinite article describes a noun, nothing happened.
    if (/ing$/iu.test(w) && /^an?$/iu.test(words[i - 1] ?? "")) return false;
    // "should have identified the hazard and implemented …": a modal perfect says it was not done, for every
    // verb it governs in its clause.
    const clause = words.slice(0, i).join(" ").split(/[,;:]/u).at(-1)?.toLowerCase().split(/\s+/u) ?? [];
    const modalPerfect = clause.some((x, k) => MODALS.has(x) && clause[k + 1] === "have");
    // "lost power", "power lines knocked out": a thing said to be lost or cut is its absence, not its presence.
    const near = words.slice(Math.max(0, i - PRIVATIVE_REACH), i + PRIVATIVE_REACH + 1).join(" ");
    // "The gun has not been found" against "No gun has been found": a clause negated itself asserts nothing.
    // `search` ignores the global pattern's lastIndex, which `matchAll` elsewhere leaves alone.
    const negated = clauseOf(words, i).search(NEGATION) >= 0;
    return !before.includes("to") && !modalPerfect && !PRIVATIVE.test(near) && !negated;
  });
}

/**
 * Where a clause's subject is looked for: back from its verb to the nearest of these, which open a clause or
 * a report of one ("after Palin was named", "police said the man was").
 */
const SUBJECT_BOUNDARY =
  /[,;:()"“”—–]|\s-{1,2}\s|\b(?:that|which|who|whom|whose|after|before|when|while|because|although|though|if|unless|since|and|but|or|said|says|say|told|tells|added|adding|according\s+to)\b/giu;
const HOPS_BACK = /^(?:that|which|who|whom|whose|,)$/i;
/** How many clause openings a subject is looked for back across (a relative pronoun, then a comma). */
const SUBJECT_HOPS = 3;
/** How many words before its verb a subject is looked for. */
const SUBJECT_REACH = 6;
/** Pronouns of the speaker and the one spoken to: another outlet's third person is someone else. */
const SPEAKER_PRONOUN = /^(?:i|we|you)$/i;

/**
 * The subject before a verb or negator that starts at `at` in `text`: its content stems, and its pronoun when
 * it is one.
 */
function subjectBefore(text: string, at: number, skip: string): { stems: string[]; pronoun?: string } {
  let head = text.slice(0, at);
  for (let hops = 0; hops < SUBJECT_HOPS; hops++) {
    const cut = [...head.matchAll(SUBJECT_BOUNDARY)].at(-1);
    const from = cut ? cut.index + cut[0].length : 0;
    const window = head.slice(from).trim().split(/\s+/u).slice(-SUBJECT_REACH);
    const stems = contentStems(window.join(" ")).filter((x) => x !== skip && !/^\d/u.test(x));
    const pronoun = window.find((w) => PRONOUN.test(w))?.toLowerCase();
    // "Ana Ruiz, who was not there": a relative pronoun's subject is before it; so is that of a clause opened
    // by a comma with no subject of its own ("the stars, Ana Ruiz and Li Wen, are signed").
    if (stems.length > 0 || pronoun || !cut || !HOPS_BACK.test(cut[0]))
      return { stems, ...(pronoun ? { pronoun } : {}) };
    head = head.slice(0, cut.index).replace(/[\s,]+$/u, "");
  }
  return { stems: [] };
}

const PRONOUN = /^(?:i|we|you|he|she|they|it)$/i;

/**
 * Whether two clauses plainly have different subjects: each names one and they share no word ("McCain has not
 * been named" / "after Palin was named"), or one speaks in the first or second person and the other does not.
 */
function differentSubjects(
  a: { stems: string[]; pronoun?: string },
  b: { stems: string[]; pronoun?: string },
): boolean {
  if (a.pronoun !== b.pronoun && [a.pronoun, b.pronoun].some((p) => p !== undefined && SPEAKER_PRONOUN.test(p)))
    return true;
  if (a.pronoun || b.pronoun || a.stems.length === 0 || b.stems.length === 0) return false;
  return !a.stems.some((x) => b.stems.includes(x));
}

/** The clause of the word at `i`: from the last comma, semicolon, colon or dash before it to the next one. */
function clauseOf(words: string[], i: number): string {
  let from = i;
  while (from > 0 && !/[,;:—–]$/u.test(words[from - 1] as string) && !/^[—–-]+$/u.test(words[from - 1] as string))
    from--;
  let to = i;
  while (to < words.length - 1 && !/[,;:—–]$/u.test(words[to] as string) && !/^[—–-]+$/u.test(words[to + 1] as string))
    to++;
  return words.slice(from, to + 1).join(" ");
}

/** Words that say a thing is gone: what they are said of is not asserted to be there. */
const PRIVATIVE =
  /\b(?:lost|lose|loses|losing|lacks?|lacking|lacked|cut off|knocked out|knocked down|deprived|stripped of|short of|out of|ran out)\b/i;
/** How many words on each side of a word a privative verb still governs it. */
const PRIVATIVE_REACH = 3;

const MODALS = new Set(["should", "could", "would", "might", "must", "ought"]);

/** How many words before a verb an infinitive "to" still governs it ("to make her respond"). */
const INFINITIVE_REACH = 3;

function negationDiscrepancies(units: Unit[], pairs: AlignedPair[]): DiscrepancyFinding[] {
  const out: DiscrepancyFinding[] = [];
  const byNegation = new Map<string, DiscrepancyFinding>();
  // A negation inside a quotation is the speaker's view ("we should strengthen it, not weaken it"), not what
  // the outlet reports happened.
  const negationsOf = perUnit(units, (u) =>
    negations(u.text, (at) => u.quotes.some((q) => at + u.sentence.start >= q.start && at + u.sentence.start < q.end)),
  );
  const stemsOf = perUnit(units, (u) => new Set(u.stems));
  const conditional = perUnit(units, (u) => CONDITION.test(u.text));
  const asks = perUnit(units, (u) => question(u.text));
  for (const { a, b, similarity } of pairs) {
    if (similarity < CLOSE_STATEMENT) continue;
    const ua = units[a] as Unit;
    const ub = units[b] as Unit;
    // A headline is a fragment in its own grammar, and a quotation is someone's words: neither is compared;
    // nor is a question, which asserts nothing.
    if (ua.quoted > 0.5 || ub.quoted > 0.5 || ua.headline || ub.headline) continue;
    if (asks(a) || asks(b)) continue;
    const na = negationsOf(a);
    const nb = negationsOf(b);
    const sa = stemsOf(a);
    const sb = stemsOf(b);
    // A predicate negated on one side and asserted on the other, outside any negation there.
    if (conditional(a) !== conditional(b)) continue;
    // The other side must assert it of the same subject: "McCain has not been named" is no answer to "after
    // Palin was named".
    const opposed = (neg: Unit, n: typeof na, pos: Unit, posStems: Set<string>, posScope: Set<string>) =>
      [...n.predicates].find(([s, at]) => {
        if (!posStems.has(s) || posScope.has(s)) return false;
        const i = assertedAt(pos.text, s);
        if (i < 0) return false;
        // A place denied with a preposition is asserted only with the same one: "was not at the terminal" is
        // no answer to "stopped by the terminal".
        const relation = n.prepositions.get(s);
        const words = pos.text.split(/\s+/u);
        if (relation && !words.slice(Math.max(0, i - 3), i).some((w) => w.toLowerCase() === relation)) return false;
        const support = n.supports.get(s);
        if (support && !support.test(words.slice(Math.max(0, i - 3), i).join(" "))) return false;
        // "No verdict has been given" denies a verdict, not "gave a warning": what the asserting side's verb
        // takes must be what the denied subject names, where both say.
        const denied = n.subjects.get(s);
        const passive = words.slice(Math.max(0, i - 2), i).some((w) => PASSIVE_AUX.test(w));
        const object = contentStems(
          (words
            .slice(i + 1, i + 1 + OBJECT_REACH)
            .join(" ")
            .split(/[,;:.!?]/u)[0] ?? "") as string,
        );
        if (denied && !passive && object.length && !object.some((x) => denied.has(x))) return false;
        // A negation bounded to a moment is answered only by a statement bounded the same way.
        const moment = n.moments.get(s);
        if (moment && !moment.test(pos.text)) return false;
        const posAt = pos.text.split(/\s+/u).slice(0, i).join(" ").length;
        return !differentSubjects(subjectBefore(neg.text, at, s), subjectBefore(pos.text, posAt, s));
      })?.[0];
    const fromA = opposed(ua, na, ub, sb, nb.scope);
    const flipped = fromA ?? opposed(ub, nb, ua, sa, na.scope);
    if (!flipped) continue;
    // One negating statement against several outlets that assert it is one finding with a side for each.
    const [neg, pos] = fromA ? [ua, ub] : [ub, ua];
    const key = `${neg.article}\u0000${neg.sentence.start}\u0000${flipped}`;
    const known = byNegation.get(key);
    if (known) {
      if (!known.sides.some((x) => x.article === pos.article))
        known.sides.push({ article: pos.article, value: clauseAround(pos.text, flipped), evidence: sentenceOf(pos) });
      continue;
    }
    const finding: DiscrepancyFinding = {
      id: "",
      kind: "negation",
      about: `whether "${flipped}…" holds${sharedContext([ua, ub])}`,
      explanation: `${ua.article} and ${ub.article} make the same statement with opposite polarity or condition.`,
      sides: [
        { article: ua.article, value: clauseAround(ua.text, flipped), evidence: sentenceOf(ua) },
        { article: ub.article, value: clauseAround(ub.text, flipped), evidence: sentenceOf(ub) },
      ],
    };
    byNegation.set(key, finding);
    out.push(finding);
  }
  return out;
}

function question(text: string): boolean {
  return /\?[\s"'”’)]*$/u.test(text);
}

/** The words around the first word of the sentence whose stem is `stem`. */
function clauseAround(text: string, stem: string): string {
  const words = text.split(/\s+/);
  const i = words.findIndex((w) => contentStems(w)[0] === stem);
  if (i < 0) return text;
  return words.slice(Math.max(0, i - 4), i + 4).join(" ");
}

// --- attribution ---------------------------------------------------------------------------------

/** How far from its quotation an attribution may stand and still be its own ('"…," said Ana Ruiz, a …'). */
const ATTRIBUTION_REACH = 120;

/** Whether a quotation's speaker is written by name in an attribution right before or after it. */
function namedBeside(q: QuoteMention): boolean {
  const at = q.attributionSpan;
  if (q.speaker?.kind !== "name" || !at) return false;
  return at.start >= q.end ? at.start - q.end <= ATTRIBUTION_REACH : q.start - at.end <= ATTRIBUTION_REACH;
}

/** Fewer words than this in a quotation make a turn of phrase, whose speaker no one disputes. */
const MIN_ATTRIBUTED_WORDS = 4;
/** Fewer words than this, and fewer than half of the longest rendering's, make a rendering a borrowed phrase. */
const MIN_FRAGMENT_WORDS = 6;

/**
 * Whether two speakers' names are one speaker named more or less fully ("Port Authority", "Sidi Port
 * Authority"), spelled two ways ("Del Venn", "DelVenn"; "P.J.", "PJ") or with one family name.
 */
function oneSpeaker(a: string, b: string, entities: Map<string, Entity>): boolean {
  const words = (n: string) => n.toLowerCase().split(/\s+/);
  if (words(a).every((w) => words(b).includes(w))) return true;
  const squashed = (n: string) => n.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  if (squashed(a) === squashed(b)) return true;
  const ea = entities.get(a);
  const eb = entities.get(b);
  return ea?.type === "person" && eb?.type === "person" && fullName(ea) && fullName(eb) && sameFamilyName(ea, eb);
}

function attributionDiscrepancies(story: ResolvedStory): DiscrepancyFinding[] {
  const out: DiscrepancyFinding[] = [];
  const byArticle = new Map(story.articles.map((a) => [a.article.id, a]));
  for (const q of story.quotes) {
    const speakers: DiscrepancySide[] = [];
    const kinds = new Map<string, "person" | "body">();
    const entities = new Map<string, Entity>();
    // A phrase of a few words in quotation marks ("a fresh start") is a turn of phrase many repeat,
    // not a statement one speaker made.
    const reference = q.occurrences[q.reference]?.words;
    if (
      reference &&
      countWords(spanWords(byArticle.get(reference.article)?.article ?? { text: "" }, reference)) < MIN_ATTRIBUTED_WORDS
    )
      continue;
    // Every rendering's words: a speaker one of them names ("Ana Ruiz toured the quay today, and she assured the
    // crews ...") is the one the statement reports, and a shorter rendering given to her agrees with it.
    const renderings = q.occurrences.map((o) =>
      spanWords(byArticle.get(o.words.article)?.article ?? { text: "" }, o.words),
    );
    const longest = Math.max(...renderings.map((words) => countWords(words)));
    for (const [i, o] of q.occurrences.entries()) {
      const { article, start, end } = o.words;
      // A few words of a longer quotation ('urged users to update "as quickly as possible"') are a phrase the
      // outlet borrows, which others' speakers may have used too: the rendering sets no speaker against theirs.
      const size = countWords(renderings[i] ?? "");
      if (size < MIN_FRAGMENT_WORDS && size * 2 < longest) continue;
      const mention = byArticle.get(article)?.quotes.find((m) => m.start === start && m.end === end);
      // Only a speaker the attribution names, next to the quotation, is set against another outlet's: one
      // reached through a pronoun, a description or an earlier quotation's attribution may be the reader's
      // mistake rather than the outlet's.
      if (!mention || !namedBeside(mention)) continue;
      const target = mention.speaker as NonNullable<typeof mention.speaker>;
      const entity = story.entities.byMention(article, target.start, target.end) ?? story.entities.byName(target.text);
      // A speaker the quotation itself names ("Mayor Ruiz came to the port this morning") is seldom its speaker:
      // the attribution was read from the wrong name, or it gives the words the statement reports as hers.
      // Places speak too, by metonymy ("Washington said").
      if (entity && o.attribution && !renderings.some((words) => namesAny(words, entity))) {
        speakers.push({ article, value: entity.name, evidence: o.attribution });
        kinds.set(entity.name, entity.type === "person" ? "person" : "body");
        entities.set(entity.name, entity);
      }
    }
    const names = new Set(speakers.map((s) => s.value));
    // One outlet's speaker named in another's attribution, the words after the name to the end of its sentence
    // ("Ana Ruiz, a researcher at Kestrel Labs, told …"), is that speaker's employer or role, not a rival.
    const namedWith = (n: string, m: string) =>
      speakers.some((x) => {
        if (x.value !== m || x.evidence === undefined) return false;
        const article: { text: string; title?: string } = byArticle.get(x.article)?.article ?? { text: "" };
        const field = x.evidence.field === "title" ? (article.title ?? "") : article.text;
        const tail = /^[^.!?\n]{0,160}/u.exec(field.slice(x.evidence.end))?.[0] ?? "";
        return namesAny(spanWords(article, x.evidence) + tail, entities.get(n) as Entity);
      });
    const same = (n: string, m: string) =>
      oneSpeaker(n, m, entities) || oneSpeaker(m, n, entities) || namedWith(n, m) || namedWith(m, n);
    const groups: string[][] = [];
    for (const n of names) {
      const group = groups.find((g) => g.some((m) => same(n, m)));
      if (group) group.push(n);
      else groups.push([n]);
    }
    // A person and an organisation are not rival speakers: the person may speak for it (its spokesman).
    const persons = groups.filter((g) => g.some((n) => kinds.get(n) === "person")).length;
    if (persons < 2 && groups.length - persons < 2) continue;
    const said = q.occurrences[q.reference]?.words;
    const text = said ? spanWords(byArticle.get(said.article)?.article ?? { text: "" }, said) : "";
    out.push({
      id: "",
      kind: "attribution",
      about: `who said "${text.length > 60 ? `${text.slice(0, 59)}…` : text}"`,
      explanation: `The same quotation is given to ${[...names].join(" and to ")}.`,
      sides: speakers,
    });
  }
  return out;
}
