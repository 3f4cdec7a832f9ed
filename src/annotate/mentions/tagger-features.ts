import { BoundedMemo, type Lexicon, type PlaceEntry } from "../../lexicon/index.js";
import type { Token } from "../../model/index.js";
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
import {
  feature1,
  feature2,
  feature3,
  featureHash,
  finish,
  fold,
  hashString,
  hashTail,
  newsCopy,
} from "./feature-hash.js";
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

const QUOTES = new Map([
  ["“", '"'],
  ["”", '"'],
  ["``", '"'],
  ["''", '"'],
  ["‘", "'"],
  ["’", "'"],
]);

/** The word with typographic quotes and apostrophes made plain, so corpora and news copy look alike. */
export function plainWord(word: string): string {
  const quote = QUOTES.get(word);
  if (quote !== undefined) return quote;
  return word.includes("’") || word.includes("‘") ? word.replace(/[’‘]/g, "'") : word;
}

/** "Chile" -> "Xx", "U.S." -> "X.X.", "1,100" -> "d,d", "al-Sadr" -> "x-Xx": character classes, repeats collapsed. */
export function wordShape(word: string): string {
  let shape = "";
  let last = "";
  for (const ch of word) {
    const code = ch.charCodeAt(0);
    // ASCII letters and digits directly; other characters by their Unicode class.
    const c =
      code >= 65 && code <= 90
        ? "X"
        : code >= 97 && code <= 122
          ? "x"
          : code >= 48 && code <= 57
            ? "d"
            : code < 128
              ? ch
              : /\p{Lu}/u.test(ch)
                ? "X"
                : /\p{Ll}/u.test(ch)
                  ? "x"
                  : /\p{N}/u.test(ch)
                    ? "d"
                    : ch;
    if (c !== last) shape += c;
    last = c;
  }
  return shape;
}

/** How a word is written: lower, Capitalised, ALLCAPS, initials (U.S.), MiXed, digits or punctuation. */
export function casingClass(word: string): string {
  // Most words are ASCII letters, lower case after the first: "said" is L, "Paris" is C, without a regex.
  const first = word.charCodeAt(0);
  const upper = first >= 65 && first <= 90;
  if (upper || (first >= 97 && first <= 122)) {
    let k = 1;
    while (k < word.length) {
      const c = word.charCodeAt(k);
      if (c < 97 || c > 122) break;
      k++;
    }
    if (k === word.length) return upper ? "C" : "L";
  }
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

/** Hashes of the bins of `bucket`. */
const BUCKET_HASH: Readonly<Record<string, number>> = Object.fromEntries(
  ["0", "1", "2", "4", "16", "64"].map((b) => [b, hashString(b)]),
);

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

/** The features of one word: their hashes (see feature-hash.ts); the first `own` are those of the word's own form. */
export interface WordFeatures {
  features: Uint32Array;
  /** How many of `features`, from the start, describe the word's own form (see `FeatureVisitor`). */
  own: number;
}

/**
 * Receives the features of one word: `features[0 .. count - 1]` are their hashes, and the first `own` of them
 * describe the word's own form (the word, its affixes and the word pairs it is part of, with their news copies),
 * which training leaves out for some words to teach the weights about unknown words. The `fixed` features after
 * them, `features[own .. own + fixed - 1]`, depend on the word as written alone (its shape, casing, word lists):
 * every word of the document with the same `form` (a number per distinct word of the document) has the same
 * ones, so a visitor may score them once per form. So may it the first `formOwn` of the own features (the word
 * and its affixes, without the word pairs), which depend on the form alone too. Where `context` is less than
 * `count`, the last features, `features[context .. count - 1]`, are the rule detector's readings of the word and
 * its neighbours (the first `RULE_CONTEXT_FEATURES` of them) and their news copies, which depend on those first
 * ones alone: most words share one of a few such contexts, and a visitor may score each once. The array is
 * reused for the next word: a visitor that keeps the features must copy them.
 */
export type FeatureVisitor = (
  word: number,
  features: Uint32Array,
  count: number,
  own: number,
  form: number,
  fixed: number,
  formOwn: number,
  context: number,
) => void;

/** How many features, from `context` on, determine the rest (see `FeatureVisitor`): r, rc, r-1, r+1 and rt. */
export const RULE_CONTEXT_FEATURES = 5;

/**
 * The features of every word of a document (see `visitFeatures`), copied out word by word.
 *
 * @example documentFeatures({ words: ["Ali", "said"], sentences: [[0, 2]], rules: [{ tag: "B-PER" }, { tag: "O" }] }, lexicon)[0]?.features
 */
export function documentFeatures(doc: TaggerDocument, lexicon: Lexicon): WordFeatures[] {
  const out: WordFeatures[] = [];
  visitFeatures(doc, lexicon, (_word, features, count, own) => out.push({ features: features.slice(0, count), own }));
  return out;
}

const h = hashString;
/**
 * Template hashes, one per kind of feature; a feature's hash folds its values into its template's. Constants
 * rather than the properties of one object: a property read on a path that rarely runs ("rteam") has no type
 * feedback when `visitFeatures` is optimised, and the first document that takes it threw the optimised code away.
 */
const T_W = h("w");
const T_L = h("l");
const T_SH = h("sh");
const T_C = h("c");
const T_S2 = h("s2");
const T_S3 = h("s3");
const T_S4 = h("s4");
const T_L_M1 = h("l-1");
const T_L_P1 = h("l+1");
const T_L_M2 = h("l-2");
const T_L_P2 = h("l+2");
const T_L_M1L = h("l-1l");
const T_LL_P1 = h("ll+1");
const T_SH_M1 = h("sh-1");
const T_SH_P1 = h("sh+1");
const T_SH_M1_P1 = h("sh-1+1");
const T_LEN = h("len");
const T_HYPH = h("hyph");
const T_LC = h("lc");
const T_CT = h("ct");
const T_FN = h("fn");
const T_DOC = h("doc");
const T_GZ = h("gz");
const T_GZC = h("gzc");
const T_TITLE = h("title");
const T_ORGHEAD = h("orghead");
const T_PLACEHEAD = h("placehead");
const T_MISCHEAD = h("mischead");
const T_NEVER = h("never");
const T_TITLE_M1 = h("title-1");
const T_ROLE_M1 = h("role-1");
const T_ORGNOUN_M1 = h("orgnoun-1");
const T_PLACEPREP_M1 = h("placeprep-1");
const T_PLACENOUN_M2 = h("placenoun-2");
const T_SPEECH_P1 = h("speech+1");
const T_MEMBER_OF = h("member-of");
const T_COORD_L = h("coord-l");
const T_COORD_R = h("coord-r");
const T_CUE = h("cue");
const T_D = h("D");
const T_ORGAFTER_P1 = h("orgafter+1");
const T_ORGHEAD_P1 = h("orghead+1");
const T_PLACEHEAD_P1 = h("placehead+1");
const T_R = h("r");
const T_RC = h("rc");
const T_R_M1 = h("r-1");
const T_R_P1 = h("r+1");
const T_RT = h("rt");
const T_RM = h("rm");
const T_RO = h("ro");
const T_ROWN = h("rown");
const T_RCTX = h("rctx");
const T_RTEAM = h("rteam");
const T_RFIXED = h("rfixed");
const T_DICT = h("dict");
const BIAS = featureHash("bias");
const GROUP = featureHash("group");
const CALENDAR_WORD = featureHash("calendar");
const PARTICLE = featureHash("particle");
const START_OF = h("<s>");
const END_OF = h("</s>");

/**
 * The features of each word of a document, handed to `visit` word by word in order as they are made (see
 * `FeatureVisitor`). A word's features describe the word (form, shape, suffixes, casing and where it stands in
 * its sentence), its neighbours, what the gazetteers and corpus counts know about it, the cues around its run
 * of capitalised words here and around the same word elsewhere in the document, how the document writes it
 * elsewhere, and what the rule detector made of it and how sure it was. Each is a 32-bit hash of its template
 * and values (`featureHash("l-1", "in")`), made from hashes computed once per word; the tagger's weights are
 * keyed by these hashes, so a change here needs a retrained model.
 */
export function visitFeatures(doc: TaggerDocument, lexicon: Lexicon, visit: FeatureVisitor): void {
  const n = doc.words.length;
  // What depends on a word's form alone is worked out once per distinct word of the document; `formIndex`
  // numbers them for the visitor.
  const forms = new Map<string, number>();
  const distinct: WordForm[] = [];
  const formIndex = new Int32Array(n);
  const known = lexicon.derived(wordForms);
  // The per-word arrays are filled by `push` rather than made by `map`: an array `map` makes in optimised code
  // is of another kind (holey) than one it makes unoptimised (packed), and every array read below that met the
  // other kind would throw this long function's optimised code away again while it warms up.
  const formOf: WordForm[] = [];
  const words: string[] = [];
  const lower: string[] = [];
  const casing: string[] = [];
  const bare: string[] = [];
  const position: string[] = [];
  const headline: string[] = [];
  const tokens: Token[] = [];
  for (let i = 0; i < n; i++) {
    const raw = doc.words[i] as string;
    let index = forms.get(raw);
    if (index === undefined) {
      index = distinct.length;
      forms.set(raw, index);
      distinct.push(known.get(raw));
    }
    formIndex[i] = index;
    const form = distinct[index] as WordForm;
    formOf.push(form);
    words.push(form.word);
    lower.push(form.lower);
    casing.push(form.casing);
    bare.push(form.bare);
    position.push("m");
    headline.push("");
    tokens.push({ text: form.word, start: 0, end: 0 });
  }
  const hPlace = new Uint32Array(n);
  for (const [from, to] of doc.sentences) {
    const slice = tokens.slice(from, to);
    const kind = isHeadline(slice) ? "H" : isTitleCaseLine(slice, lexicon) ? "T" : "";
    for (let i = from; i < to; i++) {
      headline[i] = kind;
      const pos = i === from ? "s" : OPENERS.has(words[i - 1] as string) ? "o" : "m";
      position[i] = pos;
      hPlace[i] = PLACE_HASH[pos + kind] as number;
    }
  }
  // Hashes of each word's values, shared by the features of the word and its neighbours.
  const hLower = new Uint32Array(n);
  const hShape = new Uint32Array(n);
  const hRule = new Uint32Array(n);
  const hRuleType = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const form = formOf[i] as WordForm;
    hLower[i] = form.hLower;
    hShape[i] = form.hShape;
    const rule = doc.rules[i];
    hRule[i] = rule === undefined || rule.tag === "O" ? RULE_O : tagHash(rule.tag);
    hRuleType[i] = rule === undefined ? RULE_NONE : rule.tag === "O" ? RULE_O : tagHash(ruleType(rule));
  }
  // The document's distinct words in lower case, numbered: what the document says of a word (how it writes it,
  // the cues around it) is counted by that number, looked up once per distinct word rather than once per word.
  const lowers = new Map<string, number>();
  const lowerOfForm: number[] = [];
  for (const form of distinct) {
    let id = lowers.get(form.lower);
    if (id === undefined) {
      id = lowers.size;
      lowers.set(form.lower, id);
    }
    lowerOfForm.push(id);
  }
  const lowerId = (i: number) => lowerOfForm[formIndex[i] as number] as number;
  // How the document writes each word where its case means something: a word written in lower case
  // elsewhere is a common word set in capitals here; one capitalised mid-sentence elsewhere is a name.
  const lowerInDoc = new Int32Array(lowers.size);
  const capitalInDoc = new Int32Array(lowers.size);
  for (let i = 0; i < n; i++) {
    if (headline[i] === "H" || headline[i] === "T") continue;
    const c = casing[i] as string;
    const id = lowerId(i);
    if (c === "L") lowerInDoc[id] = (lowerInDoc[id] as number) + 1;
    else if ((c === "C" || c === "CM") && position[i] === "m") capitalInDoc[id] = (capitalInDoc[id] as number) + 1;
  }
  // Hashes of the bins of how often the document writes each distinct word in lower case and capitalised mid-sentence.
  // Typed arrays: a hash may or may not fit a small integer, and a plain array would change its element kind
  // from one document to the next, throwing away the optimised code of the loop below.
  const hLowerInDoc = Uint32Array.from(lowerOfForm, (id) => BUCKET_HASH[bucket(lowerInDoc[id] as number)] as number);
  const hCapitalInDoc = Uint32Array.from(
    lowerOfForm,
    (id) => BUCKET_HASH[bucket(capitalInDoc[id] as number)] as number,
  );
  const gazetteer = gazetteerTags(words, doc.sentences, lexicon);
  const cues = runCues(lower, casing, doc.sentences);
  // The cues around the other occurrences of each word: what the rest of the document says about a name.
  const cuesOfWord: (Map<string, number> | undefined)[] = [];
  for (let id = 0; id < lowers.size; id++) cuesOfWord.push(undefined);
  for (let i = 0; i < n; i++) {
    const list = cues[i] as readonly string[];
    if (list.length === 0) continue;
    const id = lowerId(i);
    const map = cuesOfWord[id] ?? new Map<string, number>();
    for (const cue of list) map.set(cue, (map.get(cue) ?? 0) + 1);
    cuesOfWord[id] = map;
  }

  const features = new FeatureList();
  for (const [from, to] of doc.sentences) {
    for (let i = from; i < to; i++) {
      features.count = 0;
      const form = formOf[i] as WordForm;
      const hl = form.hLower;
      const hc = form.hCasing;
      const hp = hPlace[i] as number;
      const hs = form.hShape;
      // The word's own form first (see FeatureVisitor).
      features.push(form.own[0] as number);
      features.push(form.own[1] as number);
      features.push(form.own[2] as number);
      features.push(form.own[3] as number);
      features.push(form.own[4] as number);
      features.push(feature2(T_L_M1L, hashAt(hLower, i - 1, from, to), hl));
      features.push(feature2(T_LL_P1, hl, hashAt(hLower, i + 1, from, to)));
      if (doc.newsCopies === "all") features.copyNews(0);
      const own = features.count;
      // Then the features of the word as written alone (see FeatureVisitor and WordForm.fixed).
      const fixed = form.fixed;
      for (let k = 0; k < fixed.length; k++) features.push(fixed[k] as number);
      features.push(feature2(T_C, hc, hp));
      features.push(feature1(T_L_M1, hashAt(hLower, i - 1, from, to)));
      features.push(feature1(T_L_P1, hashAt(hLower, i + 1, from, to)));
      features.push(feature1(T_L_M2, hashAt(hLower, i - 2, from, to)));
      features.push(feature1(T_L_P2, hashAt(hLower, i + 2, from, to)));
      features.push(feature2(T_SH_M1, hashAt(hShape, i - 1, from, to), hs));
      features.push(feature2(T_SH_P1, hs, hashAt(hShape, i + 1, from, to)));
      features.push(feature3(T_SH_M1_P1, hashAt(hShape, i - 1, from, to), hs, hashAt(hShape, i + 1, from, to)));
      // What the lexicon knows; a capital that says nothing (sentence start, headline) makes it matter more.
      features.push(feature3(T_LC, form.hLowerCount, hc, hp));
      const named = form.named;
      if (named) {
        features.push(feature2(T_CT, named.hCorpusType, hp));
        const f = formIndex[i] as number;
        features.push(feature3(T_DOC, hLowerInDoc[f] as number, hCapitalInDoc[f] as number, hp));
        // A dictionary's common word set in capitals at a line's start ("NOTES", "Weather") is rarely a name.
        features.push(feature3(T_DICT, named.hDictionary, hc, hp));
      }
      const gz = gazetteer[i];
      if (gz) {
        const hg = GAZETTEER_TAG_HASH.get(gz) ?? h(gz);
        features.push(feature1(T_GZ, hg));
        features.push(feature2(T_GZC, hg, hc));
      }
      // Which word lists the word's neighbours are in (see WordForm.lists; the word's own are in WordForm.fixed).
      const before = i > from ? (formOf[i - 1] as WordForm).lists : 0;
      const after = i + 1 < to ? (formOf[i + 1] as WordForm).lists : 0;
      const prev = textAt(bare, i - 1, from, to);
      const next = textAt(bare, i + 1, from, to);
      features.pushIf((before & IN.title) !== 0, feature1(T_TITLE_M1, hc));
      features.pushIf((before & IN.role) !== 0, feature1(T_ROLE_M1, hc));
      features.pushIf((before & IN.orgNoun) !== 0, feature1(T_ORGNOUN_M1, hc));
      features.pushIf((before & IN.placePreposition) !== 0, feature1(T_PLACEPREP_M1, hc));
      features.pushIf(prev === "of" && PLACE_NOUNS.has(textAt(lower, i - 2, from, to)), feature1(T_PLACENOUN_M2, hc));
      features.pushIf((after & IN.speech) !== 0, feature1(T_SPEECH_P1, hc));
      features.pushIf(
        (prev === "of" || prev === "from" || prev === "for") && ORG_MEMBERS.has(textAt(lower, i - 2, from, to)),
        feature1(T_MEMBER_OF, hc),
      );
      // "X and Y", "X, Y": names joined by a conjunction or comma are often of one kind.
      if (before & IN.coordination && i - 2 >= from)
        features.push(feature2(T_COORD_L, hRuleType[i - 2] as number, h(prev)));
      if (after & IN.coordination && i + 2 < to)
        features.push(feature2(T_COORD_R, hRuleType[i + 2] as number, h(next)));
      const ownCues = cues[i] as readonly string[];
      for (const cue of ownCues) features.push(feature1(T_CUE, h(cue)));
      const elsewhere = cuesOfWord[lowerId(i)];
      if (elsewhere) {
        for (const [cue, times] of elsewhere) {
          let here = 0;
          for (const x of ownCues) if (x === cue) here++;
          if (times > here) features.push(feature1(T_D, h(cue)));
        }
      }
      features.pushIf((after & IN.orgAfter) !== 0, feature1(T_ORGAFTER_P1, hc));
      features.pushIf((after & IN.orgHead) !== 0, feature1(T_ORGHEAD_P1, hc));
      features.pushIf((after & IN.placeHead) !== 0, feature1(T_PLACEHEAD_P1, hc));
      // The rule detector's reading, alone and with the word's casing and its neighbours' readings.
      const ruleStart = features.count;
      const r = hRule[i] as number;
      const rPrev = i > from ? (hRule[i - 1] as number) : START_OF;
      const rNext = i + 1 < to ? (hRule[i + 1] as number) : END_OF;
      features.push(feature1(T_R, r));
      features.push(feature3(T_RC, r, hc, hp));
      features.push(feature2(T_R_M1, rPrev, r));
      features.push(feature2(T_R_P1, r, rNext));
      features.push(
        feature3(
          T_RT,
          i > from ? (hRuleType[i - 1] as number) : START_OF,
          hRuleType[i] as number,
          i + 1 < to ? (hRuleType[i + 1] as number) : END_OF,
        ),
      );
      const reading = doc.rules[i]?.reading;
      if (reading) {
        const type = h(reading.type);
        const ownReading = fold(h(reading.own), step(reading.ownScore));
        const context = fold(h(reading.context), step(reading.contextScore));
        features.push(feature2(T_RM, type, step(reading.margin)));
        features.push(feature3(T_RO, type, ownReading, context));
        features.push(feature2(T_ROWN, type, ownReading));
        features.push(feature2(T_RCTX, type, context));
        features.pushIf(reading.team, feature1(T_RTEAM, type));
        features.pushIf(reading.fixed, feature1(T_RFIXED, type));
      }
      if (doc.newsCopies === "all") features.copyNews(own);
      else if (doc.newsCopies === "rules") features.copyNews(ruleStart);
      // Without a reading of its own, the word's last features are the rule features and their news copies.
      const context = !reading && doc.newsCopies === "rules" ? ruleStart : features.count;
      visit(i, features.buffer, features.count, own, formIndex[i] as number, fixed.length, form.own.length, context);
    }
  }
}

/**
 * The features of one word as they are made, in a buffer reused word after word that grows when a word has more.
 * A class rather than closures made per document: optimised code that inlined one document's closure would be
 * thrown away at the next document's, once for each place that calls it.
 */
class FeatureList {
  buffer = new Uint32Array(INITIAL_FEATURES);
  count = 0;

  push(x: number): void {
    if (this.count === this.buffer.length) {
      const grown = new Uint32Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.count++] = x;
  }

  /**
   * Adds `x` where `keep` holds. For the features that few words have: made for every word and offered here,
   * they are met from the first document on, where a call on a path that no word had taken yet when
   * `visitFeatures` was optimised threw its optimised code away at the first word that took it.
   */
  pushIf(keep: boolean, x: number): void {
    if (keep) this.push(x);
  }

  /** Adds the news-only copy of each feature from `start` on (see `TaggerDocument.newsCopies`). */
  copyNews(start: number): void {
    const end = this.count;
    for (let k = start; k < end; k++) this.push(newsCopy(this.buffer[k] as number));
  }
}

/** `hashes[k]` for a word of the sentence `[from, to)`, else the hash of the sentence's start or end. */
function hashAt(hashes: Uint32Array, k: number, from: number, to: number): number {
  return k >= from && k < to ? (hashes[k] as number) : k < from ? START_OF : END_OF;
}

/** `texts[k]` for a word of the sentence `[from, to)`, else its start or end mark. */
function textAt(texts: readonly string[], k: number, from: number, to: number): string {
  return k >= from && k < to ? (texts[k] as string) : k < from ? "<s>" : "</s>";
}

/** What the features need of a word's form, worked out once per distinct word of a document. */
interface WordForm {
  /** The word with plain quotes (`plainWord`). */
  word: string;
  lower: string;
  /** Lower case without a final period, for the word lists ("gen." -> "gen"). */
  bare: string;
  casing: string;
  hLower: number;
  hShape: number;
  hCasing: number;
  /** Hash of the bin of how often the corpora write the word in lower case. */
  hLowerCount: number;
  /** The features of the word alone: w, l, s2, s3, s4. */
  own: [number, number, number, number, number];
  /** What the lexicon says of a word written as a name (capitalised, capitals, initials); undefined for others. */
  named: NamedForm | undefined;
  /** Bit set of the word lists the word is in (see IN): looked up once per distinct word. */
  lists: number;
  /**
   * The features that depend on the word as written alone, the same wherever it stands: the bias, its shape,
   * its length and hyphen with its casing, the first-name and group features, the word lists it is in.
   */
  fixed: Uint32Array;
}

/** The lexicon's features of a word written as a name, looked up once per distinct word of a document. */
interface NamedForm {
  /** Hash of what the corpora say the word was part of (`corpusType`). */
  hCorpusType: number;
  /** The first-name feature, where the word is a known first name. */
  firstName: number | undefined;
  /** The word names a people or a group (`isGroupWord`). */
  group: boolean;
  /** Hash of how an English dictionary lists the word (`Lexicon.dictionaryKind`). */
  hDictionary: number;
}

/** Hashes of the rule tags and types ("B-PER", "ORG"), computed once each; another string is hashed where met. */
const TAG_HASH = new Map<string, number>([...LABELS, "PER", "ORG", "LOC", "MISC"].map((t) => [t, h(t)]));

const tagHash = (tag: string): number => TAG_HASH.get(tag) ?? h(tag);

function namedForm(word: string, casing: string, lexicon: Lexicon): NamedForm | undefined {
  if (casing !== "C" && casing !== "CM" && casing !== "A" && casing !== "I") return undefined;
  const form = casing === "A" ? titleCase(word) : word;
  const fn = lexicon.firstNameCount(form);
  return {
    hCorpusType: h(corpusType(form, lexicon)),
    firstName: fn > 0 ? feature1(T_FN, BUCKET_HASH[bucket(fn)] as number) : undefined,
    group: isGroupWord(form, lexicon),
    hDictionary: h(lexicon.dictionaryKind(form)),
  };
}

/** Bits of `WordForm.lists`: the word lists a word's bare form (or, for `never`, its lower case; for `particle`, the word as written) is in. */
const IN = {
  title: 1,
  orgHead: 2,
  placeHead: 4,
  miscHead: 8,
  calendar: 16,
  role: 32,
  orgNoun: 64,
  placePreposition: 128,
  speech: 256,
  coordination: 512,
  orgAfter: 1024,
  never: 2048,
  particle: 4096,
} as const;

function listsOf(word: string, lower: string, bare: string): number {
  let bits = 0;
  if (PERSON_TITLES.has(bare)) bits |= IN.title;
  if (ORG_HEADS.has(bare)) bits |= IN.orgHead;
  if (PLACE_HEADS.has(bare)) bits |= IN.placeHead;
  if (MISC_HEADS.has(bare)) bits |= IN.miscHead;
  if (CALENDAR.has(bare)) bits |= IN.calendar;
  if (PERSON_ROLES.has(bare)) bits |= IN.role;
  if (ORG_NOUNS.has(bare)) bits |= IN.orgNoun;
  if (PLACE_PREPOSITIONS.has(bare)) bits |= IN.placePreposition;
  if (SPEECH_VERBS.has(bare)) bits |= IN.speech;
  if (COORDINATION.has(bare)) bits |= IN.coordination;
  if (ORG_AFTER.has(bare)) bits |= IN.orgAfter;
  if (NEVER_NAMES.has(lower)) bits |= IN.never;
  if (NAME_PARTICLES.has(word)) bits |= IN.particle;
  return bits;
}

/**
 * Word forms kept across documents, this many at most: a word's form depends on the word and the lexicon
 * alone, and most words of a story recur in article after article (about 30,000 distinct forms in 900 articles).
 */
const MAX_KEPT_FORMS = 50_000;

/** The word forms of one lexicon, kept (see `MAX_KEPT_FORMS`); never changed once made, so safe to share. */
const wordForms = (lexicon: Lexicon) => new BoundedMemo(MAX_KEPT_FORMS, (raw: string) => wordForm(raw, lexicon));

function wordForm(raw: string, lexicon: Lexicon): WordForm {
  const word = plainWord(raw);
  const lower = word.toLowerCase();
  const casing = casingClass(word);
  // Short lower-case words are their own shape: "of" and "and" behave differently between two names.
  const shape = casing === "L" && word.length <= SHORT_WORD ? lower : wordShape(word);
  const hLower = h(lower);
  const hShape = h(shape);
  const hc = h(casing);
  const bare = lower.endsWith(".") ? lower.slice(0, -1) : lower;
  const lists = listsOf(word, lower, bare);
  const named = namedForm(word, casing, lexicon);
  const fixed: number[] = [BIAS, feature1(T_SH, hShape)];
  if (word.length <= 3) fixed.push(feature2(T_LEN, word.length, hc));
  if (word.includes("-")) fixed.push(feature1(T_HYPH, hc));
  if (named?.firstName !== undefined) fixed.push(named.firstName);
  if (named?.group) fixed.push(GROUP);
  if (lists & IN.title) fixed.push(feature1(T_TITLE, hc));
  if (lists & IN.orgHead) fixed.push(feature1(T_ORGHEAD, hc));
  if (lists & IN.placeHead) fixed.push(feature1(T_PLACEHEAD, hc));
  if (lists & IN.miscHead) fixed.push(feature1(T_MISCHEAD, hc));
  if (lists & IN.calendar) fixed.push(CALENDAR_WORD);
  if (lists & IN.never) fixed.push(feature1(T_NEVER, hc));
  if (lists & IN.particle) fixed.push(PARTICLE);
  return {
    word,
    lower,
    bare,
    lists,
    casing,
    hLower,
    hShape,
    hCasing: hc,
    hLowerCount: BUCKET_HASH[bucket(lexicon.lowerCount(lower))] as number,
    own: [
      feature1(T_W, h(word)),
      feature1(T_L, hLower),
      feature1(T_S2, hashTail(lower, 2)),
      feature1(T_S3, hashTail(lower, 3)),
      feature1(T_S4, hashTail(lower, 4)),
    ],
    named,
    fixed: Uint32Array.from(fixed),
  };
}

/** Hashes of a word's place in its sentence (start, after an opener, middle) and its line's kind (headline, title case). */
const PLACE_HASH: Readonly<Record<string, number>> = Object.fromEntries(
  ["s", "o", "m"].flatMap((pos) => ["", "H", "T"].map((kind) => [`${pos}${kind}`, finish(fold(h(pos), h(kind)))])),
);
const RULE_O = h("O");
const RULE_NONE = h("none");

/** Room for a word's features; the buffer grows when a word has more. */
const INITIAL_FEATURES = 256;

/** Words that open an apposition before its head noun ("X, a commander", "X, one of the largest militias"). */
const APPOSITION_OPENERS = new Set(["a", "an", "the", "one", "another", "its", "his", "her", "their"]);
/** How far into an apposition or before a list its head noun is looked for. */
const CUE_REACH = 8;

type NounKind = "per" | "org" | "loc";

/**
 * The cues of an apposition's and a list's head noun by its kind, written out: a string made anew for each run
 * (`appos=${kind}`) is another kind of string to V8 than a literal, and comparing the cues in `visitFeatures`
 * threw its optimised code away at the first one met.
 */
const APPOSITION_CUE: Readonly<Record<NounKind, string>> = { per: "appos=per", org: "appos=org", loc: "appos=loc" };
const LIST_CUE: Readonly<Record<NounKind, string>> = { per: "list=per", org: "list=org", loc: "list=loc" };

/** The kind of a noun: "per" for roles, "org" for kinds of organisations, "loc" for kinds of places. */
function nounKind(word: string): NounKind | undefined {
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

/** The cues of a word in no run of capitalised words; never changed. */
const NO_CUES: readonly string[] = Object.freeze([]);

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
): (readonly string[])[] {
  // Most words are in no run: they share one empty list rather than have one each.
  const cues: (readonly string[])[] = [];
  for (let i = 0; i < lower.length; i++) cues.push(NO_CUES);
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
        let kind: NounKind | undefined;
        for (let k = b + 1; k < Math.min(to, b + 1 + CUE_REACH); k++) {
          const w = at(k);
          if (QUANTIFIERS.has(w) && at(k + 1) === "of") {
            k++;
            continue;
          }
          if (PHRASE_ENDS.has(w) || name(k)) break;
          kind = nounKind(w) ?? kind;
        }
        if (kind) list.add(APPOSITION_CUE[kind]);
      }
      // The noun before "such as" or "including" that the list hangs from.
      const k = first - 1;
      const head =
        at(k) === "as" && at(k - 1) === "such" ? at(k - 2) : at(k) === "including" || at(k) === "like" ? at(k - 1) : "";
      const kind = head ? nounKind(head) : undefined;
      if (kind) list.add(LIST_CUE[kind]);
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
  const kinds = lexicon.derived(gazetteerKinds);
  const tags: (string | undefined)[] = [];
  for (let i = 0; i < words.length; i++) tags.push(undefined);
  for (const [from, to] of sentences) {
    for (let i = from; i < to; i++) {
      if (!/^\p{Lu}/u.test(words[i] as string)) continue;
      for (let n = Math.min(GAZETTEER_WORDS, to - i); n >= 1; n--) {
        const last = words[i + n - 1] as string;
        if (!/^\p{Lu}/u.test(last)) continue;
        const kind = kinds.get(n === 1 ? (words[i] as string) : words.slice(i, i + n).join(" "));
        if (!kind) continue;
        const [first, inside] = GAZETTEER_TAGS[kind][n > 1 ? 1 : 0];
        for (let k = 0; k < n; k++) tags[i + k] = k === 0 ? first : inside;
        i += n - 1;
        break;
      }
    }
  }
  return tags;
}

type GazetteerKind = PlaceEntry["kind"] | "univ";

/** The tags of `gazetteerTags` by kind, for a name of one word and of more: [first word's, later words']. */
const GAZETTEER_TAGS = Object.fromEntries(
  (["country", "region", "city", "univ"] as const).map((kind) => [
    kind,
    [
      [`B-${kind}1`, `I-${kind}1`],
      [`B-${kind}`, `I-${kind}`],
    ],
  ]),
) as Record<GazetteerKind, [[string, string], [string, string]]>;

/** Hashes of the tags of `GAZETTEER_TAGS`, computed once each. */
const GAZETTEER_TAG_HASH = new Map(
  Object.values(GAZETTEER_TAGS).flatMap((forms) => forms.flat().map((tag) => [tag, h(tag)] as const)),
);

/**
 * Names looked up in the gazetteers kept across documents, this many at most: the same capitalised words and
 * word runs recur in article after article of a story.
 */
const MAX_KEPT_GAZETTEER_NAMES = 50_000;

/** The gazetteer kind of a name (a place's, else "univ" for a university), kept per lexicon (see `MAX_KEPT_GAZETTEER_NAMES`). */
const gazetteerKinds = (lexicon: Lexicon) =>
  new BoundedMemo(
    MAX_KEPT_GAZETTEER_NAMES,
    (name: string): GazetteerKind | undefined =>
      lexicon.lookupPlace(name)?.kind ?? (lexicon.isUniversity(name) ? "univ" : undefined),
  );
