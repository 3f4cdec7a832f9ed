import type { Lexicon } from "../../lexicon/index.js";
import {
  CALENDAR,
  MISC_HEADS,
  NAME_PARTICLES,
  NEVER_NAMES,
  ORG_AFTER,
  ORG_HEADS,
  ORG_MEMBERS,
  ORG_NOUNS,
  PERSON_ROLES,
  PERSON_TITLES,
  PLACE_HEADS,
  PLACE_NOUNS,
  PLACE_PREPOSITIONS,
  SPEECH_VERBS,
  STRONG_PLACE_PREPOSITIONS,
} from "../../words/names.js";
import { isAllCaps, isHeadline, isTitleCaseLine, titleCase } from "./casing.js";
import type { RuleTag } from "./tagger-tokens.js";
import { isGroupWord } from "./words.js";

/** The tags the tagger chooses from: BIO over persons, organisations, places and other names. */
export const LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"] as const;
export type Label = (typeof LABELS)[number];

/** A document as the tagger sees it: its words, its sentences as word ranges, and the rule detector's tags. */
export interface TaggerDocument {
  words: readonly string[];
  /** [first, end) word ranges, in order, covering every word. */
  sentences: readonly (readonly [number, number])[];
  /** The rule detector's reading of each word: its BIO tag ("O", "B-PER", "I-ORG", ...) and its evidence. */
  rules: readonly RuleTag[];
  /**
   * Which features also get a news-only copy ("N:feature"): "rules" for the rule features, as when tagging
   * news; "all" in training on the news corpus, whose copies then absorb what is peculiar to it. None when absent.
   */
  newsCopies?: "all" | "rules";
}

/** Lower-case words up to this length (function words) stand for themselves in the shape features. */
const SHORT_WORD = 4;

/** Words that join the members of a list. */
const COORDINATION = new Set(["and", "or", ",", "&", "/"]);

/** The longest gazetteer name looked for, in words. */
const GAZETTEER_WORDS = 4;

/** Tokens after which a capital is the convention, as at the start of a sentence. */
const OPENERS = new Set(['"', "'", "(", "[", ":", "-", "--", "—", "–", "*", "•", ";", "“", "‘", "``"]);

const QUOTES: Record<string, string> = { "“": '"', "”": '"', "``": '"', "''": '"', "‘": "'", "’": "'" };

/** The word with typographic quotes and apostrophes made plain, so corpora and news copy look alike. */
export function plainWord(word: string): string {
  return QUOTES[word] ?? word.replace(/[’‘]/g, "'");
}

/** "Chile" -> "Xx", "U.S." -> "X.X.", "1,100" -> "d,d", "al-Sadr" -> "x-Xx": character classes, repeats collapsed. */
export function wordShape(word: string): string {
  let shape = "";
  let last = "";
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? "X" : /\p{Ll}/u.test(ch) ? "x" : /\p{N}/u.test(ch) ? "d" : ch;
    if (c !== last) shape += c;
    last = c;
  }
  return shape;
}

/** How a word is written: lower, Capitalised, ALLCAPS, initials (U.S.), MiXed, digits or punctuation. */
function casingClass(word: string): string {
  if (!/\p{L}/u.test(word)) return /\p{N}/u.test(word) ? "D" : "P";
  if (/^(?:\p{Lu}\.)+$/u.test(word)) return "I";
  if (isAllCaps(word) && word.length > 1) return "A";
  if (/^\p{Lu}[^\p{Lu}]*$/u.test(word)) return "C";
  if (/^\p{Ll}/u.test(word) && !/\p{Lu}/u.test(word)) return "L";
  return /^\p{Lu}/u.test(word) ? "CM" : "LM";
}

/** Counts rounded down to a power of two, so rare and frequent words fall in a few bins. */
function bucket(n: number): string {
  if (n <= 0) return "0";
  if (n === 1) return "1";
  if (n < 4) return "2";
  if (n < 16) return "4";
  if (n < 64) return "16";
  return "64";
}

/**
 * A word seen fewer times than this in the corpora is only "rare": one sighting says little about the type,
 * and tweets repeat the same few names within days, so a single sighting would be trusted far too much.
 */
const MIN_CORPUS_COUNT = 2;

/** What the corpora say a capitalised word was part of: the leading type and how often it was seen. */
function corpusType(word: string, lexicon: Lexicon): string {
  const c = lexicon.wordCounts(word);
  if (!c) return "none";
  const named = c.person + c.organization + c.place + c.misc;
  const total = named + c.none;
  if (total < MIN_CORPUS_COUNT) return total === 0 ? "none" : "rare";
  const shares: [string, number][] = [
    ["PER", c.person],
    ["ORG", c.organization],
    ["LOC", c.place],
    ["MISC", c.misc],
    ["O", c.none],
  ];
  let best = shares[0] as [string, number];
  for (const s of shares) if (s[1] > best[1]) best = s;
  const share = best[1] / total;
  return `${best[0]}${share >= 0.8 ? "+" : share >= 0.5 ? "" : "?"}${bucket(total)}`;
}

/** The rule detector's type of a word, its tag's position dropped: "PER", "ORG", "LOC", "MISC" or "O". */
const ruleType = (rule: RuleTag | undefined) =>
  rule === undefined ? "none" : rule.tag === "O" ? "O" : rule.tag.slice(2);

/** Evidence of the rules rounded down to these steps (log-odds-like units), so the tagger can learn how far to trust it. */
const EVIDENCE_STEPS = [6, 3, 1, 0];
const step = (x: number) => EVIDENCE_STEPS.find((s) => x >= s) ?? -1;

/**
 * The features of every word of a document, as strings. A word's features describe the word (form, shape,
 * suffixes, casing and where it stands in its sentence), its neighbours, what the gazetteers and corpus counts
 * know about it, the cues around its run of capitalised words here and around the same word elsewhere in the
 * document, how the document writes it elsewhere, and what the rule detector made of it and how sure it was.
 * The tagger's weights are keyed by these strings, so a change here needs a retrained model.
 *
 * @example documentFeatures({ words: ["Ali", "said"], sentences: [[0, 2]], rules: [{ tag: "B-PER" }, { tag: "O" }] }, lexicon)[0]
 */
export function documentFeatures(doc: TaggerDocument, lexicon: Lexicon): string[][] {
  const { firstNameCount, lowerCount } = lexicon;
  const words = doc.words.map(plainWord);
  const lower = words.map((w) => w.toLowerCase());
  const casing = words.map(casingClass);
  // Short lower-case words are their own shape: "of" and "and" behave differently between two names.
  const shapes = words.map((w, i) => (casing[i] === "L" && w.length <= SHORT_WORD ? w.toLowerCase() : wordShape(w)));
  const position: string[] = words.map(() => "m");
  const headline: string[] = words.map(() => "");
  for (const [from, to] of doc.sentences) {
    const slice = words.slice(from, to).map((text) => ({ text, start: 0, end: 0 }));
    const kind = isHeadline(slice) ? "H" : isTitleCaseLine(slice, lexicon) ? "T" : "";
    for (let i = from; i < to; i++) {
      headline[i] = kind;
      position[i] = i === from ? "s" : OPENERS.has(words[i - 1] as string) ? "o" : "m";
    }
  }
  // How the document writes each word where its case means something: a word written in lower case
  // elsewhere is a common word set in capitals here; one capitalised mid-sentence elsewhere is a name.
  const lowerInDoc = new Map<string, number>();
  const capitalInDoc = new Map<string, number>();
  for (let i = 0; i < words.length; i++) {
    if (headline[i] === "H" || headline[i] === "T") continue;
    const c = casing[i] as string;
    const key = lower[i] as string;
    if (c === "L") lowerInDoc.set(key, (lowerInDoc.get(key) ?? 0) + 1);
    else if ((c === "C" || c === "CM") && position[i] === "m") capitalInDoc.set(key, (capitalInDoc.get(key) ?? 0) + 1);
  }
  const gazetteer = gazetteerTags(words, doc.sentences, lexicon);
  const cues = runCues(lower, casing, doc.sentences);
  // The cues around the other occurrences of each word: what the rest of the document says about a name.
  const cuesOfWord = new Map<string, Map<string, number>>();
  cues.forEach((list, i) => {
    if (list.length === 0) return;
    const key = lower[i] as string;
    const map = cuesOfWord.get(key) ?? new Map<string, number>();
    for (const cue of list) map.set(cue, (map.get(cue) ?? 0) + 1);
    cuesOfWord.set(key, map);
  });

  const features: string[][] = [];
  for (const [from, to] of doc.sentences) {
    for (let i = from; i < to; i++) {
      const w = words[i] as string;
      const lw = lower[i] as string;
      const at = (k: number) => (k >= from && k < to ? (lower[k] as string) : k < from ? "<s>" : "</s>");
      const shapeAt = (k: number) => (k >= from && k < to ? (shapes[k] as string) : k < from ? "<s>" : "</s>");
      const c = casing[i] as string;
      const pos = position[i] as string;
      const h = headline[i] as string;
      const cp = `${c}|${pos}${h}`;
      const bare = lw.replace(/\.$/, "");
      const f: string[] = [
        "bias",
        `w=${w}`,
        `l=${lw}`,
        `sh=${shapes[i]}`,
        `c=${cp}`,
        `s2=${lw.slice(-2)}`,
        `s3=${lw.slice(-3)}`,
        `s4=${lw.slice(-4)}`,
        `l-1=${at(i - 1)}`,
        `l+1=${at(i + 1)}`,
        `l-2=${at(i - 2)}`,
        `l+2=${at(i + 2)}`,
        `l-1l=${at(i - 1)}|${lw}`,
        `ll+1=${lw}|${at(i + 1)}`,
        `sh-1=${shapeAt(i - 1)}|${shapes[i]}`,
        `sh+1=${shapes[i]}|${shapeAt(i + 1)}`,
        `sh-1+1=${shapeAt(i - 1)}|${shapes[i]}|${shapeAt(i + 1)}`,
      ];
      if (w.length <= 3) f.push(`len=${w.length}|${c}`);
      if (w.includes("-")) f.push(`hyph|${c}`);
      // What the lexicon knows; a capital that says nothing (sentence start, headline) makes it matter more.
      const named = c === "C" || c === "CM" || c === "A" || c === "I";
      const form = c === "A" ? titleCase(w) : w;
      f.push(`lc=${bucket(lowerCount(lw))}|${cp}`);
      if (named) {
        f.push(`ct=${corpusType(form, lexicon)}|${pos}${h}`);
        const fn = firstNameCount(form);
        if (fn > 0) f.push(`fn=${bucket(fn)}`);
        if (isGroupWord(form, lexicon)) f.push("group");
        f.push(`doc=${bucket(lowerInDoc.get(lw) ?? 0)}|${bucket(capitalInDoc.get(lw) ?? 0)}|${pos}${h}`);
      }
      const gz = gazetteer[i];
      if (gz) f.push(`gz=${gz}`, `gz=${gz}|${c}`);
      if (PERSON_TITLES.has(bare)) f.push(`title|${c}`);
      if (ORG_HEADS.has(bare)) f.push(`orghead|${c}`);
      if (PLACE_HEADS.has(bare)) f.push(`placehead|${c}`);
      if (MISC_HEADS.has(bare)) f.push(`mischead|${c}`);
      if (CALENDAR.has(bare)) f.push("calendar");
      if (NEVER_NAMES.has(lw)) f.push(`never|${c}`);
      if (NAME_PARTICLES.has(w)) f.push("particle");
      const prev = at(i - 1).replace(/\.$/, "");
      const next = at(i + 1).replace(/\.$/, "");
      if (PERSON_TITLES.has(prev)) f.push(`title-1|${c}`);
      if (PERSON_ROLES.has(prev)) f.push(`role-1|${c}`);
      if (ORG_NOUNS.has(prev)) f.push(`orgnoun-1|${c}`);
      if (PLACE_PREPOSITIONS.has(prev)) f.push(`placeprep-1|${c}`);
      if (prev === "of" && PLACE_NOUNS.has(at(i - 2))) f.push(`placenoun-2|${c}`);
      if (SPEECH_VERBS.has(next)) f.push(`speech+1|${c}`);
      if ((prev === "of" || prev === "from" || prev === "for") && ORG_MEMBERS.has(at(i - 2))) f.push(`member-of|${c}`);
      // "X and Y", "X, Y": names joined by a conjunction or comma are often of one kind.
      if (COORDINATION.has(prev) && i - 2 >= from) f.push(`coord-l=${ruleType(doc.rules[i - 2])}|${prev}`);
      if (COORDINATION.has(next) && i + 2 < to) f.push(`coord-r=${ruleType(doc.rules[i + 2])}|${next}`);
      const own = cues[i] as string[];
      for (const cue of own) f.push(`cue=${cue}`);
      const elsewhere = cuesOfWord.get(lw);
      if (elsewhere) {
        for (const [cue, n] of elsewhere) if (n > own.filter((x) => x === cue).length) f.push(`D:${cue}`);
      }
      if (ORG_AFTER.has(next)) f.push(`orgafter+1|${c}`);
      if (ORG_HEADS.has(next)) f.push(`orghead+1|${c}`);
      if (PLACE_HEADS.has(next)) f.push(`placehead+1|${c}`);
      // The rule detector's reading, alone and with the word's casing and its neighbours' readings.
      const r = doc.rules[i]?.tag ?? "O";
      const rPrev = i > from ? (doc.rules[i - 1]?.tag ?? "O") : "<s>";
      const rNext = i + 1 < to ? (doc.rules[i + 1]?.tag ?? "O") : "</s>";
      const ruleStart = f.length;
      f.push(
        `r=${r}`,
        `r=${r}|${cp}`,
        `r-1=${rPrev}|${r}`,
        `r+1=${r}|${rNext}`,
        `rt=${i > from ? ruleType(doc.rules[i - 1]) : "<s>"}|${ruleType(doc.rules[i])}|${i + 1 < to ? ruleType(doc.rules[i + 1]) : "</s>"}`,
      );
      const reading = doc.rules[i]?.reading;
      if (reading) {
        const { type } = reading;
        const own = `${reading.own}${step(reading.ownScore)}`;
        const context = `${reading.context}${step(reading.contextScore)}`;
        f.push(
          `rm=${type}|${step(reading.margin)}`,
          `ro=${type}|${own}|${context}`,
          `rown=${type}|${own}`,
          `rctx=${type}|${context}`,
        );
        if (reading.team) f.push(`rteam=${type}`);
        if (reading.fixed) f.push(`rfixed=${type}`);
      }
      if (doc.newsCopies) for (const x of f.slice(doc.newsCopies === "all" ? 0 : ruleStart)) f.push(`N:${x}`);
      features.push(f);
    }
  }
  return features;
}

/** Words that open an apposition before its head noun ("X, a commander", "X, one of the largest militias"). */
const APPOSITION_OPENERS = new Set(["a", "an", "the", "one", "another", "its", "his", "her", "their"]);
/** How far into an apposition or before a list its head noun is looked for. */
const CUE_REACH = 8;

/** The kind of a noun: "per" for roles, "org" for kinds of organisations, "loc" for kinds of places. */
function nounKind(word: string): string | undefined {
  const singular = word.replace(/ies$/, "y").replace(/(?<=[^s])s$/, "");
  if (PERSON_ROLES.has(word) || PERSON_ROLES.has(singular)) return "per";
  if (ORG_NOUNS.has(word) || ORG_NOUNS.has(singular) || ORG_AFTER.has(word)) return "org";
  if (PLACE_NOUNS.has(word) || PLACE_NOUNS.has(singular)) return "loc";
  return undefined;
}

const isNameWord = (c: string) => c === "C" || c === "CM" || c === "A" || c === "I";

/** Words that end the noun phrase of an apposition: its head noun is the last kind of noun before them. */
const PHRASE_ENDS = new Set([
  ",",
  ".",
  ";",
  ":",
  "who",
  "which",
  "that",
  "in",
  "on",
  "at",
  "for",
  "from",
  "with",
  "to",
  "near",
  "by",
  "since",
  "after",
  "before",
  "of",
  "and",
  "said",
  "says",
]);
/** "one of", "some of": the head noun of the apposition comes after "of". */
const QUANTIFIERS = new Set(["one", "some", "many", "most", "several", "two", "three", "all", "each", "any"]);

/**
 * Cues in the context of each run of capitalised words, given to every word of the run: the role or kind of
 * organisation or place named before it ("commander of", "the militia", "in"), the words after it ("X said",
 * "X said it", "X fighters"), an apposition's head noun ("X, one of the largest militias") and the noun a
 * list hangs from ("groups such as X, Y and Z"). The members of a list ("from X, Y and Z") share the cues
 * before and after the whole list.
 */
function runCues(
  lower: readonly string[],
  casing: readonly string[],
  sentences: TaggerDocument["sentences"],
): string[][] {
  const cues: string[][] = lower.map(() => []);
  for (const [from, to] of sentences) {
    const at = (k: number) => (k >= from && k < to ? (lower[k] as string) : "");
    const name = (k: number) => k >= from && k < to && isNameWord(casing[k] as string);
    const runs: [number, number][] = [];
    for (let a = from; a < to; ) {
      if (!name(a)) {
        a++;
        continue;
      }
      let b = a + 1;
      while (b < to && (name(b) || (NAME_PARTICLES.has(at(b)) && name(b + 1)))) b++;
      runs.push([a, b]);
      a = b;
    }
    // Lists: runs joined only by commas and conjunctions.
    const listOf = runs.map((_r, i) => i);
    for (let r = 1; r < runs.length; r++) {
      const [, prevEnd] = runs[r - 1] as [number, number];
      const [a] = runs[r] as [number, number];
      let k = prevEnd;
      while (k < a && COORDINATION.has(at(k))) k++;
      if (k === a && a - prevEnd >= 1 && a - prevEnd <= 2) listOf[r] = listOf[r - 1] as number;
    }
    runs.forEach(([a, b], r) => {
      const first = (runs[listOf[r] as number] as [number, number])[0];
      let last = r;
      while (listOf[last + 1] === listOf[r]) last++;
      const end = (runs[last] as [number, number])[1];
      const list = new Set<string>();
      for (const start of new Set([a, first])) {
        const prev = at(start - 1);
        const prev2 = at(start - 2);
        if (PERSON_ROLES.has(prev)) list.add("role-1");
        if (ORG_NOUNS.has(prev)) list.add("orgnoun-1");
        if (STRONG_PLACE_PREPOSITIONS.has(prev)) list.add("in-1");
        if ((prev === "of" || prev === "from" || prev === "for") && ORG_MEMBERS.has(prev2)) list.add("member-of");
        if (prev === "of" && PLACE_NOUNS.has(prev2)) list.add("place-of");
        if (SPEECH_VERBS.has(prev)) list.add("speech-1");
      }
      for (const stop of new Set([b, end])) {
        const next = at(stop) === "'s" ? at(stop + 1) : at(stop);
        const next2 = at(stop + 1);
        if (SPEECH_VERBS.has(next)) {
          list.add("speech+1");
          if (next2 === "it" || next2 === "its") list.add("speech-it");
          if (next2 === "he" || next2 === "she" || next2 === "his" || next2 === "her") list.add("speech-he");
        }
        if (ORG_AFTER.has(next)) list.add("orgafter+1");
      }
      if (at(b) === "," && APPOSITION_OPENERS.has(at(b + 1))) {
        let kind: string | undefined;
        for (let k = b + 1; k < Math.min(to, b + 1 + CUE_REACH); k++) {
          const w = at(k);
          if (QUANTIFIERS.has(w) && at(k + 1) === "of") {
            k++;
            continue;
          }
          if (PHRASE_ENDS.has(w) || name(k)) break;
          kind = nounKind(w) ?? kind;
        }
        if (kind) list.add(`appos=${kind}`);
      }
      // The noun before "such as" or "including" that the list hangs from.
      const k = first - 1;
      const head =
        at(k) === "as" && at(k - 1) === "such" ? at(k - 2) : at(k) === "including" || at(k) === "like" ? at(k - 1) : "";
      const kind = head ? nounKind(head) : undefined;
      if (kind) list.add(`list=${kind}`);
      const shared = [...list];
      for (let i = a; i < b; i++) cues[i] = shared;
    });
  }
  return cues;
}

/**
 * BIO tags of the longest gazetteer names over each sentence ("B-country", "I-city", "B-univ"), looked up
 * from capitalised words only; undefined where no name covers the word.
 */
function gazetteerTags(
  words: readonly string[],
  sentences: TaggerDocument["sentences"],
  lexicon: Lexicon,
): (string | undefined)[] {
  const { isUniversity, lookupPlace } = lexicon;
  const tags: (string | undefined)[] = words.map(() => undefined);
  for (const [from, to] of sentences) {
    for (let i = from; i < to; i++) {
      if (!/^\p{Lu}/u.test(words[i] as string)) continue;
      for (let n = Math.min(GAZETTEER_WORDS, to - i); n >= 1; n--) {
        const last = words[i + n - 1] as string;
        if (!/^\p{Lu}/u.test(last)) continue;
        const name = words.slice(i, i + n).join(" ");
        const kind = lookupPlace(name)?.kind ?? (isUniversity(name) ? "univ" : undefined);
        if (!kind) continue;
        for (let k = 0; k < n; k++) tags[i + k] = `${k === 0 ? "B" : "I"}-${kind}${n > 1 ? "" : "1"}`;
        i += n - 1;
        break;
      }
    }
  }
  return tags;
}
