/**
 * Trains the entity tagger and writes src/lexicon/tagger.model.json.
 *
 * Data, all openly licensed, read from ../shared/data (or --data DIR): the Broad Twitter Corpus, WNUT-17 and
 * wikigold (CC BY) in ner/open-train, fully annotated; and ECB+ (CC BY 3.0) in clustering/ecbplus-dev, news
 * whose XML marks the people, organisations and places taking part in events: its capitalised name spans
 * become partly annotated news sentences (the names it marks are known, the capitalised words it leaves
 * unmarked are left open). CoNLL-2003 is never read here.
 *
 * The tagger is stacked on the rule detector: the rules' output is among its features. The rules read word
 * counts taken from the same corpora, so for each training document they are run with counts taken from the
 * other documents only (five folds), as they will be on new text. Held out, never trained on: every fifth
 * wikigold document and the ECB+ topics listed in HELD_OUT_TOPICS; the script scores the model on them.
 *
 * Deterministic: the same data gives the same file, byte for byte (seeded shuffle, sorted output).
 *
 * Run: npx tsx scripts/train-tagger.ts [--data DIR] [--out FILE] [--subset N] [--epochs N] [--members N]
 *   --subset N  trains on every Nth training document only (a quick check that training reproduces).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isAllCaps } from "../src/annotate/mentions/casing.js";
import type { MentionInput } from "../src/annotate/mentions/input.js";
import { detectMentionsByRules } from "../src/annotate/mentions/rules.js";
import { documentFeatures, LABELS, type WordFeatures } from "../src/annotate/mentions/tagger-features.js";
import { type RuleTag, ruleTags } from "../src/annotate/mentions/tagger-tokens.js";
import {
  ANY,
  averageWeights,
  MIN_WEIGHT,
  only,
  serializeWeights,
  type TrainedWeights,
  type TrainingSentence,
  trainPerceptron,
  WEIGHT_SCALE,
} from "../src/annotate/mentions/tagger-train.js";
import { tagDocument } from "../src/annotate/mentions/tagger-weights.js";
import { isGroupWord } from "../src/annotate/mentions/words.js";
import { buildInput, spansOf } from "../src/eval/ner.js";
import { type CorpusCounts, createLexicon, defaultLexicon } from "../src/lexicon/index.js";
import { parseWeights } from "../src/lexicon/tagger-weights.js";
import { seededRandom } from "../src/words/hash.js";
import { NAME_PARTICLES, NEVER_NAMES, PERSON_TITLES } from "../src/words/names.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const DEFAULT_DATA = resolve(HERE, "../../shared/data");
const MODEL = resolve(HERE, "../src/lexicon/tagger.model.json");
const LEXICON = resolve(HERE, "../src/lexicon/lexicon.model.json");

/** Passes over the training data: 6 and 10 score alike on the held-out sets; the later passes settle rarer features. */
const EPOCHS = 10;
const SEED = 20250417;
/**
 * Perceptrons trained each with its own order of sentences and its own dropped word forms, their weights
 * averaged (the same as averaging their scores, the model being linear). One run's CoNLL F1 moved by about
 * 0.003 with the seed alone; the average of three is steadier, and the file grows little (members mostly
 * keep the same features).
 */
const ENSEMBLE = 3;
/** Share of training words shown without the features of their own form (see OWN_FORM). */
const WORD_DROPOUT = 0.5;
/** Folds over the corpora the lexicon counts come from: each fold's rules run on counts from the other four. */
const FOLDS = 5;
/** A feature seen fewer times than this in training is dropped: too rare to get a trustworthy weight. */
const MIN_FEATURE_COUNT = 2;
/** Every Nth wikigold document is held out for scoring. */
const WIKIGOLD_HELD_OUT_EVERY = 5;
/** ECB+ topics held out for scoring (about a sixth of the news data). */
const HELD_OUT_TOPICS = new Set([2, 10, 18, 26, 34]);
/**
 * How much an update on a sentence of each source counts. Tweets are far from news copy (case used loosely,
 * @handles, hashtags): they teach names and their words but should not outvote edited text.
 */
const SOURCE_WEIGHT: Record<Source, number> = { btc: 0.5, wnut: 0.5, wikigold: 1, ecb: 1 };

type Source = "btc" | "wnut" | "wikigold" | "ecb";
type Tag = "PER" | "ORG" | "LOC" | "MISC" | "O";

/** A training document: words by sentence, the labels each word may take, and what it is for. */
interface Doc {
  id: string;
  source: Source;
  sentences: { words: string[]; allowed: number[]; train: boolean }[];
  /** Lexicon fold (0..FOLDS-1), FOLDS for held-out corpus documents, -1 for documents outside the lexicon corpora. */
  fold: number;
  heldOut: boolean;
}

const label = (name: string) => LABELS.indexOf(name as (typeof LABELS)[number]);
const begin = (types: readonly Tag[]) => types.reduce((m, t) => m | only(label(`B-${t}`)), 0);
const inside = (types: readonly Tag[]) => types.reduce((m, t) => m | only(label(`I-${t}`)), 0);
const O = only(label("O"));

// ---------------------------------------------------------------------------------------------------------
// Reading the corpora

interface RawSentence {
  words: string[];
  tags: string[];
}

/** Token/tag files (space or tab separated, IOB1 or IOB2), as scripts/build-lexicon.ts reads them. */
function readColumns(path: string): RawSentence[][] {
  const docs: RawSentence[][] = [];
  let doc: RawSentence[] = [];
  let current: RawSentence = { words: [], tags: [] };
  const flush = () => {
    if (current.words.length > 0) doc.push(current);
    current = { words: [], tags: [] };
  };
  const endDoc = () => {
    flush();
    if (doc.length > 0) docs.push(doc);
    doc = [];
  };
  for (const raw of readFileSync(path, "utf8").split("\n")) {
    const line = raw.replace(/[\uFEFF\u200B]/g, "");
    if (line.startsWith("-DOCSTART-")) {
      endDoc();
      continue;
    }
    if (line.trim() === "") {
      flush();
      continue;
    }
    const parts = line.split(/[\t ]+/);
    current.words.push(parts[0] ?? "");
    current.tags.push(parts[parts.length - 1] ?? "O");
  }
  endDoc();
  return docs;
}

const WNUT_TYPE: Record<string, Tag> = {
  person: "PER",
  location: "LOC",
  corporation: "ORG",
  group: "ORG",
  product: "MISC",
  "creative-work": "MISC",
};
const conllType = (t: string): Tag => (t === "PER" || t === "ORG" || t === "LOC" || t === "MISC" ? t : "MISC");

/** The type of each word (IOB dropped), as the lexicon counts read them. */
function typesOf(s: RawSentence, mapType: (t: string) => Tag): Tag[] {
  return s.tags.map((t) => (t === "O" ? "O" : mapType(t.replace(/^[BI]-/, ""))));
}

/**
 * Allowed labels of a fully annotated sentence. An entity starts where the type changes or the tag says B-
 * (IOB1 and IOB2 alike). Where the corpus has no "other" type (BTC) or a narrow one (WNUT-17: products and
 * works only), a capitalised word it leaves unmarked may still be one of our "other" names.
 */
function fullyAnnotated(s: RawSentence, types: Tag[], miscOpen: boolean): number[] {
  return types.map((t, i) => {
    if (t === "O") {
      const word = s.words[i] as string;
      return miscOpen && /^\p{Lu}/u.test(word) && i > 0 ? O | begin(["MISC"]) | inside(["MISC"]) : O;
    }
    const starts = i === 0 || types[i - 1] !== t || (s.tags[i] ?? "").startsWith("B-");
    return only(label(`${starts ? "B" : "I"}-${t}`));
  });
}

/** Lexicon corpora in the order scripts/build-lexicon.ts reads them, with their documents. */
function readOpenCorpora(dataDir: string): {
  docs: Doc[];
  lexiconSentences: { words: string[]; types: Tag[]; doc: Doc }[];
} {
  const root = join(dataDir, "ner/open-train");
  const docs: Doc[] = [];
  const lexiconSentences: { words: string[]; types: Tag[]; doc: Doc }[] = [];
  const add = (source: Source, file: string, mapType: (t: string) => Tag, tweets: boolean) => {
    const raw = readColumns(join(root, file));
    // A tweet or post is a document of its own; the files' blank lines separate them.
    const grouped = tweets ? raw.flatMap((d) => d.map((s) => [s])) : raw;
    grouped.forEach((sentences, n) => {
      const doc: Doc = { id: `${file}#${n}`, source, sentences: [], fold: 0, heldOut: false };
      if (source === "wikigold" && n % WIKIGOLD_HELD_OUT_EVERY === WIKIGOLD_HELD_OUT_EVERY - 1) doc.heldOut = true;
      for (const s of sentences) {
        const types = typesOf(s, mapType);
        lexiconSentences.push({ words: s.words, types, doc });
        doc.sentences.push({
          words: s.words,
          allowed: fullyAnnotated(s, types, source !== "wikigold"),
          train: !doc.heldOut,
        });
      }
      docs.push(doc);
    });
  };
  add("btc", "btc/btc.train", conllType, true);
  add("btc", "btc/btc.dev", conllType, true);
  add("btc", "btc/btc.test", conllType, true);
  add("wnut", "wnut17/wnut17train.conll", (t) => WNUT_TYPE[t] ?? "MISC", true);
  add("wnut", "wnut17/emerging.dev.conll", (t) => WNUT_TYPE[t] ?? "MISC", true);
  add("wnut", "wnut17/emerging.test.annotated", (t) => WNUT_TYPE[t] ?? "MISC", true);
  add("wikigold", "wikigold/wikigold.conll.txt", conllType, false);
  let n = 0;
  for (const doc of docs) doc.fold = doc.heldOut ? FOLDS : n++ % FOLDS;
  return { docs, lexiconSentences };
}

// ---------------------------------------------------------------------------------------------------------
// ECB+: news with the participants of events marked

/** ECB+ markable categories and the name types their capitalised spans take; absent categories teach nothing. */
const ECB_TYPES: Record<string, Tag[]> = {
  HUMAN_PART_PER: ["PER"],
  HUMAN_PART_ORG: ["ORG"],
  HUMAN_PART_MET: ["ORG", "LOC"],
  HUMAN_PART_GPE: ["LOC"],
  HUMAN_PART_VEH: ["MISC"],
  LOC_GEO: ["LOC"],
  LOC_FAC: ["ORG", "LOC", "MISC"],
  NON_HUMAN_PART: ["ORG", "MISC"],
  NON_HUMAN_PART_GENERIC: ["ORG", "MISC"],
};
/** Categories that are never names (events and times): a capitalised word marked so is not a name. */
const ECB_NOT_NAMES = /^(?:NEG_)?ACTION_|^TIME_/;
/** Categories whose every capitalised span is a name of that type; for the others only the longest one is. */
const ECB_EVERY_SPAN = new Set(["LOC_GEO", "LOC_FAC"]);
/** Abbreviations that ECB+'s tokenizer splits from their period ("Mr ." for "Mr."). */
const ABBREVIATIONS = new Set(
  "mr mrs ms dr st jr sr gen gov sen rep lt col sgt capt cmdr adm maj prof rev inc corp co ltd no vs mt ft calif fla mo".split(
    " ",
  ),
);
/** Seen this often in lower case, a capitalised word that opens a sentence is a common word unless marked. */
const COMMON_WORD = 3;

interface EcbToken {
  id: string;
  sentence: number;
  text: string;
}

/** The ECB+ documents from the archive, in archive order, each as its XML text. */
function readEcbArchive(dataDir: string): { name: string; xml: string }[] {
  const archive = join(dataDir, "clustering/ecbplus-dev/xml.tar.xz");
  const all = execFileSync("tar", ["-xJOf", archive], { maxBuffer: 1 << 28 }).toString("utf8");
  const docs: { name: string; xml: string }[] = [];
  for (const part of all.split(/(?=<Document )/)) {
    const name = /doc_name="([^"]+)"/.exec(part)?.[1];
    if (name) docs.push({ name, xml: part });
  }
  return docs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const unescapeXml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/**
 * An ECB+ document as partly annotated sentences. Tokens are joined back where ECB+ split an abbreviation or
 * initial from its period ("U . S ." -> "U.S."), and possessive endings are split off as the other corpora do.
 * In every sentence holding a marked name: the marked names' capitalised spans get their type; lower-case
 * words outside names, function words, and capitalised words marked as events or times are "O"; every other
 * capitalised word is left open, since ECB+ marks only the participants of its events.
 */
function ecbDocument(name: string, xml: string): Doc | undefined {
  const m = /^(\d+)_(\d+)(ecb|ecbplus)\.xml$/.exec(name);
  if (!m) return undefined;
  const topic = Number(m[1]);
  const plus = m[3] === "ecbplus";
  const raw: EcbToken[] = [];
  for (const t of xml.matchAll(/<token t_id="(\d+)" sentence="(\d+)" number="\d+"\s*>([^<]*)<\/token>/g)) {
    raw.push({ id: t[1] as string, sentence: Number(t[2]), text: unescapeXml(t[3] as string) });
  }
  const markOf = new Map<string, { type: string; mark: number }[]>();
  const marks: { type: string; ids: string[] }[] = [];
  for (const k of xml.matchAll(/<([A-Z_]+) m_id="\d+"[^>]*?>\s*((?:<token_anchor t_id="\d+"\s*\/>\s*)+)<\/\1>/g)) {
    const ids = [...(k[2] as string).matchAll(/t_id="(\d+)"/g)].map((a) => a[1] as string);
    marks.push({ type: k[1] as string, ids });
    for (const id of ids) {
      const list = markOf.get(id) ?? [];
      list.push({ type: k[1] as string, mark: marks.length - 1 });
      markOf.set(id, list);
    }
  }
  // Tokens joined and split as news copy writes them; each keeps the ids of the ECB+ tokens it came from.
  const sentences = new Map<number, { text: string; ids: string[] }[]>();
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i] as EcbToken;
    if (plus && t.sentence === 0) continue;
    const list = sentences.get(t.sentence) ?? [];
    sentences.set(t.sentence, list);
    const next = raw[i + 1];
    const abbreviation = /^\p{Lu}$/u.test(t.text) || ABBREVIATIONS.has(t.text.toLowerCase());
    if (next && next.text === "." && next.sentence === t.sentence && abbreviation) {
      const last = list[list.length - 1];
      // "U." then "S." make "U.S.".
      if (last && /^(?:\p{Lu}\.)+$/u.test(last.text) && /^\p{Lu}$/u.test(t.text)) {
        last.text += `${t.text}.`;
        last.ids.push(t.id, next.id);
      } else list.push({ text: `${t.text}.`, ids: [t.id, next.id] });
      i++;
      continue;
    }
    const possessive = /^(.*\p{L})(['’]s)$/u.exec(t.text);
    if (possessive) {
      list.push({ text: possessive[1] as string, ids: [t.id] });
      list.push({ text: possessive[2] as string, ids: [] });
    } else list.push({ text: t.text, ids: [t.id] });
  }
  const doc: Doc = { id: name, source: "ecb", sentences: [], fold: -1, heldOut: HELD_OUT_TOPICS.has(topic) };
  for (const number of [...sentences.keys()].sort((a, b) => a - b)) {
    const words = sentences.get(number) as { text: string; ids: string[] }[];
    const { allowed, named } = ecbLabels(words, marks, markOf);
    doc.sentences.push({ words: words.map((w) => w.text), allowed, train: named && !doc.heldOut });
  }
  return doc;
}

/** A word seen this often in lower case, and rarely in a name, is a common word when it opens a sentence. */
const COMMON_OPENER = 20;

function commonWord(w: string): boolean {
  const { firstNameCount, lookupPlace, lowerCount, wordCounts } = defaultLexicon();
  if (lowerCount(w.toLowerCase()) < COMMON_OPENER || lookupPlace(w) || firstNameCount(w) > 0) return false;
  const c = wordCounts(w);
  const named = c ? c.person + c.organization + c.place + c.misc : 0;
  return named * 2 < (c?.none ?? 0) + lowerCount(w.toLowerCase());
}

const capitalised = (w: string) => /^\p{Lu}/u.test(w) || /^(?:al|el)-\p{Lu}/u.test(w);

function ecbLabels(
  words: { text: string; ids: string[] }[],
  marks: { type: string; ids: string[] }[],
  markOf: Map<string, { type: string; mark: number }[]>,
): { allowed: number[]; named: boolean } {
  const n = words.length;
  const allowed: number[] = words.map(() => ANY);
  const headline = words.filter((w) => isAllCaps(w.text) && w.text.length > 1).length * 2 > n;
  const opensSentence = (i: number) => i === 0 || /^["'`(:\-—]+$/.test(words[i - 1]?.text ?? "");
  // Which words carry which markables.
  const marksAt = words.map((w) => [...new Set(w.ids.flatMap((id) => (markOf.get(id) ?? []).map((x) => x.mark)))]);
  const nameLike = (i: number) => {
    const w = (words[i] as { text: string }).text;
    return (
      capitalised(w) && !NEVER_NAMES.has(w.toLowerCase()) && !PERSON_TITLES.has(w.toLowerCase().replace(/\.$/, ""))
    );
  };
  // Default: lower-case words and punctuation are not names, except a linking word between two capitalised
  // words ("Bank of America", "Bank of the West"), which may be inside an unmarked name.
  for (let i = 0; i < n; i++) {
    const w = (words[i] as { text: string }).text;
    if (capitalised(w) && !headline) {
      if (NEVER_NAMES.has(w.toLowerCase())) allowed[i] = O;
      continue;
    }
    if (headline && /\p{L}/u.test(w)) continue;
    // "and" is left out: two names joined by it ("Velmar and Tamrit") are far more often two than one.
    const linking = (NAME_PARTICLES.has(w) || /^(?:of|&|for)$/.test(w)) && i > 0;
    const between = linking && capitalised(words[i - 1]?.text ?? "") && /^\p{Lu}/u.test(words[i + 1]?.text ?? "");
    const between2 =
      w === "the" && /^(?:of|for)$/.test(words[i - 1]?.text ?? "") && /^\p{Lu}/u.test(words[i + 1]?.text ?? "");
    allowed[i] = between || between2 ? ANY : O;
  }
  // Capitalised words marked only as events or times are not names.
  for (let i = 0; i < n; i++) {
    const ms = marksAt[i] as number[];
    if (ms.length > 0 && ms.every((k) => ECB_NOT_NAMES.test((marks[k] as { type: string }).type)) && !headline)
      allowed[i] = O;
  }
  // A capitalised word standing alone is read as every corpus reads it when it is a demonym (an "other" name)
  // or a common word opening a sentence that the corpora rarely saw in a name (no name).
  for (let i = 0; i < n; i++) {
    const w = (words[i] as { text: string }).text;
    if (allowed[i] !== ANY || headline || !capitalised(w)) continue;
    if (capitalised(words[i + 1]?.text ?? "") || (!opensSentence(i) && capitalised(words[i - 1]?.text ?? ""))) continue;
    if (isGroupWord(w, defaultLexicon())) allowed[i] = begin(["MISC"]);
    else if (opensSentence(i) && commonWord(w)) allowed[i] = O;
  }
  let named = false;
  const byMark = new Map<number, number[]>();
  marksAt.forEach((ms, i) => {
    for (const k of ms) byMark.set(k, [...(byMark.get(k) ?? []), i]);
  });
  for (const [k, positions] of byMark) {
    const mark = marks[k] as { type: string };
    const types = ECB_TYPES[mark.type];
    if (!types) continue;
    // The mark's words outside its capitalised spans are not names ("at the", "'s rep").
    const runs: [number, number][] = [];
    let i = 0;
    while (i < positions.length) {
      let p = positions[i] as number;
      if (!nameLike(p)) {
        if (!capitalised(words[p]?.text ?? "") && !headline && allowed[p] === ANY) allowed[p] = O;
        i++;
        continue;
      }
      const start = p;
      let end = p + 1;
      i++;
      while (i < positions.length) {
        p = positions[i] as number;
        if (p !== end) break;
        const w = (words[p] as { text: string }).text;
        const next = positions[i + 1];
        if (nameLike(p) || (capitalised(w) && !NEVER_NAMES.has(w.toLowerCase()))) {
          end++;
          i++;
          continue;
        }
        // Not "and": ECB+ marks coordinated places as one ("the Middle East and Asia").
        const link = NAME_PARTICLES.has(w) || /^(?:of|&|for|the)$/.test(w);
        if (link && next === p + 1 && nameLike(next)) {
          end++;
          i++;
          continue;
        }
        break;
      }
      runs.push([start, end]);
    }
    // A lone common word opening a sentence ("Police", "Customers") or in a headline is too unsure to teach.
    const sure = runs.filter(([s, e]) => {
      const w = (words[s] as { text: string }).text;
      if (headline) return false;
      return !(e - s === 1 && opensSentence(s) && defaultLexicon().lowerCount(w.toLowerCase()) >= COMMON_WORD);
    });
    const chosen = ECB_EVERY_SPAN.has(mark.type)
      ? sure
      : sure.length > 0
        ? [sure.reduce((a, b) => (b[1] - b[0] > a[1] - a[0] ? b : a))]
        : [];
    for (const [s, e] of chosen) {
      let spanTypes = types;
      const whole = words
        .slice(s, e)
        .map((w) => w.text)
        .join(" ");
      // A people or nationality marked as a participant ("Greek", "Soviet") is an "other" name, as in CoNLL.
      if (mark.type === "HUMAN_PART_GPE" && isGroupWord(whole, defaultLexicon())) spanTypes = ["MISC"];
      for (let j = s; j < e; j++) allowed[j] = j === s ? begin(spanTypes) : inside(spanTypes);
      named = true;
    }
  }
  return { allowed, named };
}

// ---------------------------------------------------------------------------------------------------------
// Lexicon counts, as scripts/build-lexicon.ts takes them, over a chosen set of documents

const CAPITALISED = /^\p{Lu}[\p{L}'’.-]*$/u;
const LOWER = /^\p{Ll}[\p{Ll}'’-]*$/u;
const COUNT_TYPES: Tag[] = ["PER", "ORG", "LOC", "MISC", "O"];

function entitySpans(types: Tag[]): { start: number; end: number; type: Tag }[] {
  const spans: { start: number; end: number; type: Tag }[] = [];
  for (let i = 0; i < types.length; i++) {
    const t = types[i] as Tag;
    if (t === "O") continue;
    const last = spans[spans.length - 1];
    if (i > 0 && types[i - 1] === t && last) last.end = i + 1;
    else spans.push({ start: i, end: i + 1, type: t });
  }
  return spans;
}

/** The corpus statistics of the lexicon computed from the given sentences only (see scripts/build-lexicon.ts). */
function corpusCounts(sentences: { words: string[]; types: Tag[] }[]): CorpusCounts {
  const wordCounts = new Map<string, number[]>();
  const lowerCounts = new Map<string, number>();
  const firstNames = new Map<string, number>();
  for (const s of sentences) {
    const spans = entitySpans(s.types);
    for (const span of spans) {
      if (span.type === "PER" && span.end - span.start >= 2) {
        const first = s.words[span.start] ?? "";
        if (/^\p{Lu}\p{Ll}+$/u.test(first)) firstNames.set(first, (firstNames.get(first) ?? 0) + 1);
      }
    }
    const alone = new Set(spans.filter((span) => span.end - span.start === 1).map((span) => span.start));
    for (let i = 0; i < s.words.length; i++) {
      const word = s.words[i] as string;
      if (LOWER.test(word)) {
        lowerCounts.set(word, (lowerCounts.get(word) ?? 0) + 1);
        continue;
      }
      const prev = s.words[i - 1];
      if (i === 0 || prev === undefined || /^[.!?:"“]$/.test(prev)) continue;
      if (!CAPITALISED.test(word) || word === word.toUpperCase()) continue;
      const row = wordCounts.get(word) ?? [0, 0, 0, 0, 0, 0];
      const k = COUNT_TYPES.indexOf(s.types[i] as Tag);
      row[k] = (row[k] ?? 0) + 1;
      if (alone.has(i)) row[5] = (row[5] ?? 0) + 1;
      wordCounts.set(word, row);
    }
  }
  const byKey = <T>(a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  return {
    words: [...wordCounts]
      .sort(byKey)
      .map(([w, row]) => `${w}\t${row.join("\t")}`)
      .join("\n"),
    lower: [...lowerCounts]
      .sort(byKey)
      .map(([w, c]) => `${w}\t${c}`)
      .join("\n"),
    firstNames: [...firstNames]
      .sort(byKey)
      .map(([w, c]) => `${w}\t${c}`)
      .join("\n"),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Features and training

/** A document rebuilt as text (words joined by spaces, a sentence a line) so the rule detector can read it. */
function mentionInput(doc: Doc): MentionInput {
  return buildInput(doc).input;
}

interface Prepared {
  doc: Doc;
  words: string[];
  features: WordFeatures[];
  rules: RuleTag[];
  ranges: [number, number][];
}

/**
 * Which features get a news-only copy. In training, every feature of an ECB+ word (the only news) gets one:
 * the copies absorb what is peculiar to that corpus and its partial annotation, and the copies of the rule
 * features learn how far the rules are to be trusted on news. Tagging new text, as the held-out documents are
 * scored, uses the shared weights and the news copies of the rule features only.
 */
function newsFeatures(doc: Doc): { newsCopies?: "all" | "rules" } {
  if (doc.heldOut) return { newsCopies: "rules" };
  return doc.source === "ecb" ? { newsCopies: "all" } : {};
}

/** The rules' tags and the tagger's features of every document, each with the counts of its own fold. */
function prepare(docs: Doc[], lexiconSentences: { words: string[]; types: Tag[]; doc: Doc }[]): Prepared[] {
  const prepared = new Map<Doc, Prepared>();
  const folds = [...new Set(docs.map((d) => d.fold))].sort((a, b) => a - b);
  for (const fold of folds) {
    // Documents outside the lexicon corpora (ECB+) see the shipped counts, as new text will.
    const lexicon =
      fold < 0
        ? defaultLexicon()
        : createLexicon({ counts: corpusCounts(lexiconSentences.filter((s) => s.doc.fold !== fold)) });
    for (const doc of docs) {
      if (doc.fold !== fold) continue;
      const input = mentionInput(doc);
      const mentions = detectMentionsByRules(input, lexicon);
      const rules = ruleTags(input.tokens, mentions);
      const ranges: [number, number][] = input.sentences.map((s) => [s.tokenStart, s.tokenEnd]);
      const features = documentFeatures(
        {
          words: input.tokens.map((t) => t.text),
          sentences: ranges,
          rules,
          ...newsFeatures(doc),
        },
        lexicon,
      );
      prepared.set(doc, {
        doc,
        words: input.tokens.map((t) => t.text),
        features,
        rules,
        ranges,
      });
    }
  }
  return docs.map((d) => prepared.get(d) as Prepared);
}

export interface TrainResult {
  /** The model file's text. */
  json: string;
  /** Human-readable lines: data sizes, held-out scores. */
  report: string[];
}

export interface TrainTaggerOptions {
  data?: string;
  /** Train on every Nth training document only. */
  subset?: number;
  epochs?: number;
  /** Perceptrons in the ensemble (ENSEMBLE by default). */
  members?: number;
}

/**
 * Reads the data, trains the tagger and returns the model file's text with a report of held-out scores.
 *
 * @example const { json } = trainTagger({ subset: 40, epochs: 2 });
 */
export function trainTagger(options: TrainTaggerOptions = {}): TrainResult {
  const data = options.data ?? DEFAULT_DATA;
  const report: string[] = [];
  const { docs: open, lexiconSentences } = readOpenCorpora(data);
  const shipped = corpusCounts(lexiconSentences);
  // The folds' counts stand in for the shipped ones only if the shipped ones come from these same corpora.
  const lexicon = JSON.parse(readFileSync(LEXICON, "utf8")) as CorpusCounts;
  const same =
    lexicon.words === shipped.words && lexicon.lower === shipped.lower && lexicon.firstNames === shipped.firstNames;
  report.push(`lexicon counts recomputed from the corpora ${same ? "match" : "DIFFER FROM"} lexicon.model.json`);
  const ecb = readEcbArchive(data)
    .map((d) => ecbDocument(d.name, d.xml))
    .filter((d): d is Doc => d !== undefined);
  let docs = [...open, ...ecb];
  if (options.subset && options.subset > 1) {
    const step = options.subset;
    docs = docs.filter((_d, i) => i % step === 0);
  }
  const prepared = prepare(docs, lexiconSentences);

  // Feature ids by first appearance in training order, kept when frequent enough.
  const counts = new Map<number, number>();
  for (const p of prepared) {
    p.doc.sentences.forEach((s, si) => {
      if (!s.train) return;
      const [from, to] = p.ranges[si] as [number, number];
      for (let i = from; i < to; i++)
        for (const f of (p.features[i] as WordFeatures).features) counts.set(f, (counts.get(f) ?? 0) + 1);
    });
  }
  const ids = new Map<number, number>();
  const names: number[] = [];
  for (const [f, c] of counts) {
    if (c < MIN_FEATURE_COUNT) continue;
    ids.set(f, names.length);
    names.push(f);
  }
  // Each member of the ensemble sees the sentences in its own order, with its own words shown without their form.
  const trainingSentences = (dropSeed: number) => {
    const sentences: TrainingSentence[] = [];
    const dropRandom = seededRandom(dropSeed);
    const tokensBySource = new Map<Source, number>();
    for (const p of prepared) {
      p.doc.sentences.forEach((s, si) => {
        if (!s.train) return;
        const [from, to] = p.ranges[si] as [number, number];
        const offsets = new Int32Array(to - from + 1);
        const list: number[] = [];
        for (let i = from; i < to; i++) {
          offsets[i - from] = list.length;
          // Some words are shown without their own form, as unknown words will come: the weights then learn
          // what the context, the shape and the rules say, instead of leaning on memorised words alone.
          // The first `own` features are those of the word's own form (see FeatureVisitor).
          const unknown = dropRandom() < WORD_DROPOUT;
          const { features, own } = p.features[i] as WordFeatures;
          for (let k = unknown ? own : 0; k < features.length; k++) {
            const id = ids.get(features[k] as number);
            if (id !== undefined) list.push(id);
          }
        }
        offsets[to - from] = list.length;
        sentences.push({
          offsets,
          ids: Int32Array.from(list),
          allowed: Uint16Array.from(s.allowed),
          weight: SOURCE_WEIGHT[p.doc.source],
        });
        tokensBySource.set(p.doc.source, (tokensBySource.get(p.doc.source) ?? 0) + (to - from));
      });
    }
    return { sentences, tokensBySource };
  };
  const members: TrainedWeights[] = [];
  for (let m = 0; m < (options.members ?? ENSEMBLE); m++) {
    const { sentences, tokensBySource } = trainingSentences(SEED + 1 + 2 * m);
    if (m === 0)
      report.push(
        `training: ${sentences.length} sentences; tokens ${[...tokensBySource].map(([s, n]) => `${s} ${n}`).join(", ")}; ${names.length} features`,
      );
    members.push(trainPerceptron(sentences, names.length, { epochs: options.epochs ?? EPOCHS, seed: SEED + 2 * m }));
  }
  const trained = averageWeights(members);
  report.push(`ensemble: the weights of ${members.length} perceptrons averaged`);
  const serialized = serializeWeights(names, trained);
  report.push(`model: ${serialized.kept} features kept (those with a weight of ${MIN_WEIGHT} or more)`);
  const model = {
    about:
      "Entity tagger weights (averaged perceptron). Trained by scripts/train-tagger.ts on the Broad Twitter Corpus, WNUT-17, wikigold (CC BY 4.0) and ECB+ (CC BY 3.0), with gazetteer features from GeoNames, world-countries and Hipo and dictionary features from SCOWL (dictionary-en). Weights only, no text. See NOTICE.",
    labels: LABELS.join(","),
    scale: WEIGHT_SCALE,
    transitions: serialized.transitions,
    hashes: serialized.hashes,
    weights: serialized.weights,
  };
  const json = `${JSON.stringify(model)}\n`;

  // Held-out scores, with the quantised weights as shipped.
  const weights = parseWeights(serialized, LABELS.length);
  const scored = prepared.filter((p) => p.doc.heldOut);
  report.push(...heldOutScores(scored, weights));
  return { json, report };
}

/** Gold spans of a fully annotated sentence from its allowed labels (one label per word). */
function goldTags(allowed: readonly number[]): string[] {
  return allowed.map((m) => {
    const k = LABELS.findIndex((_l, y) => m === only(y));
    return k < 0 ? "?" : (LABELS[k] as string);
  });
}

const SCORED = new Set(["PER", "ORG", "LOC"]);

function heldOutScores(scored: Prepared[], weights: ReturnType<typeof parseWeights>): string[] {
  const lines: string[] = [];
  for (const source of ["wikigold", "ecb"] as Source[]) {
    const docs = scored.filter((p) => p.doc.source === source);
    if (docs.length === 0) continue;
    const tally = { rules: newTally(), tagger: newTally() };
    let sentencesScored = 0;
    for (const p of docs) {
      const tags = tagDocument({ words: p.words, sentences: p.ranges, rules: p.rules }, weights, p.features);
      p.doc.sentences.forEach((s, si) => {
        const [from, to] = p.ranges[si] as [number, number];
        if (source === "ecb" && !s.allowed.some((m) => m !== ANY && m !== O)) return;
        const gold = goldTags(s.allowed);
        for (const [name, predicted] of [
          ["rules", p.rules.slice(from, to).map((r) => r.tag)],
          ["tagger", tags.slice(from, to)],
        ] as const) {
          const t = tally[name];
          const g = spansOf(gold.map((x) => (x === "?" ? "O" : x))).filter((x) => SCORED.has(x.type));
          const pr = spansOf(predicted).filter((x) => SCORED.has(x.type));
          if (source === "wikigold") {
            t.gold += g.length;
            t.predicted += pr.length;
            t.correct += pr.filter((x) =>
              g.some((y) => y.start === x.start && y.end === x.end && y.type === x.type),
            ).length;
          } else {
            // ECB+ marks only some names: recall over the names it marks, and how many predicted names
            // cover a word it says is no name.
            t.gold += g.length;
            t.correct += g.filter((y) =>
              pr.some((x) => y.start === x.start && y.end === x.end && y.type === x.type),
            ).length;
            t.predicted += pr.length;
            t.wrong += pr.filter((x) => s.allowed.slice(x.start, x.end).some((m) => m === O)).length;
          }
        }
        sentencesScored++;
      });
    }
    for (const name of ["rules", "tagger"] as const) {
      const t = tally[name];
      if (source === "wikigold") {
        const p = t.correct / Math.max(1, t.predicted);
        const r = t.correct / Math.max(1, t.gold);
        lines.push(
          `held-out wikigold (${docs.length} docs) ${name}: P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / Math.max(1e-9, p + r)).toFixed(3)} (gold ${t.gold})`,
        );
      } else {
        lines.push(
          `held-out ECB+ (${docs.length} docs, ${sentencesScored} sentences) ${name}: recall of marked names ${(t.correct / Math.max(1, t.gold)).toFixed(3)} (${t.gold}); predicted names over a non-name word ${(t.wrong / Math.max(1, t.predicted)).toFixed(3)} (${t.predicted})`,
        );
      }
    }
  }
  return lines;
}

function newTally() {
  return { gold: 0, predicted: 0, correct: 0, wrong: 0 };
}

function main(argv: string[]): void {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const started = performance.now();
  const options: TrainTaggerOptions = {};
  const data = arg("--data");
  if (data) options.data = data;
  const members = arg("--members");
  if (members) options.members = Number(members);
  const subset = arg("--subset");
  if (subset) options.subset = Number(subset);
  const epochs = arg("--epochs");
  if (epochs) options.epochs = Number(epochs);
  const { json, report } = trainTagger(options);
  const out = arg("--out") ?? MODEL;
  writeFileSync(out, json);
  for (const line of report) console.log(line);
  console.log(
    `wrote ${out} (${(json.length / 1024 / 1024).toFixed(2)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main(process.argv.slice(2));
