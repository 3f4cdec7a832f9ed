import { describe, expect, it } from "vitest";
import { mentionsIn } from "../../../test/fixtures.js";
import { defaultLexicon } from "../../lexicon/index.js";
import { parseWeights, rowOf } from "../../lexicon/tagger-weights.js";
import type { Mention } from "../../model/index.js";
import { tokenize } from "../tokens/index.js";
import { feature3, featureHash, finish, fold, hashString, newsCopy } from "./feature-hash.js";
import { detectMentionsByRules, type RuleMention } from "./rules.js";
import { oneKindPerTable, tablesIn } from "./tables.js";
import {
  bracketedAffiliations,
  detectMentionsWithTagger,
  oneKindPerEntry,
  oneTypePerPerson,
  organisationShortForms,
  placesOpeningSentences,
  possessiveNames,
  publicationsBeforeTheirKind,
  scorecardPlayers,
  settleByRules,
  sitesBeforeTheirKind,
  slugWords,
  streetsBeforeTheirKind,
  teamsAfterNations,
  titleCaseCommonWords,
  venuesAfterAt,
  withLegalForms,
  withRoyalTitles,
} from "./tagger.js";
import {
  casingClass,
  documentFeatures,
  LABELS,
  plainWord,
  visitFeatures,
  type WordFeatures,
  wordShape,
} from "./tagger-features.js";
import { ruleTags, taggerTokens } from "./tagger-tokens.js";
import {
  ANY,
  averageWeights,
  emissions,
  only,
  serializeWeights,
  type TrainingSentence,
  trainPerceptron,
  WEIGHT_SCALE,
} from "./tagger-train.js";
import { tagDocument } from "./tagger-weights.js";
import { L, START, viterbi } from "./viterbi.js";

const label = (name: string) => LABELS.indexOf(name as (typeof LABELS)[number]);

/** Emission scores for a sentence from rows of { label: score }; unlisted labels score 0. */
function scores(rows: Record<string, number>[]): Float64Array {
  const out = new Float64Array(rows.length * L);
  rows.forEach((row, i) => {
    for (const [name, value] of Object.entries(row)) out[i * L + label(name)] = value;
  });
  return out;
}

const noTransitions = new Float64Array((L + 1) * L);

describe("viterbi", () => {
  it("picks the best label of each word when nothing links them", () => {
    const path = viterbi(scores([{ "B-PER": 5 }, { O: 2 }]), 2, noTransitions);
    expect([...path].map((y) => LABELS[y])).toEqual(["B-PER", "O"]);
  });

  it("never opens a name with an I- tag, at the start or after another type", () => {
    const start = viterbi(scores([{ "I-ORG": 9, "B-ORG": 1 }]), 1, noTransitions);
    expect(LABELS[start[0] as number]).toBe("B-ORG");
    // I-LOC scores best at the second word, so the path opens the place at the first word instead of a person.
    const after = viterbi(scores([{ "B-PER": 5 }, { "I-LOC": 9, "I-PER": 1 }]), 2, noTransitions);
    expect([...after].map((y) => LABELS[y])).toEqual(["B-LOC", "I-LOC"]);
    const weak = viterbi(scores([{ "B-PER": 5 }, { "I-LOC": 3, "I-PER": 1 }]), 2, noTransitions);
    expect([...weak].map((y) => LABELS[y])).toEqual(["B-PER", "I-PER"]);
  });

  it("lets transitions outweigh a small emission difference", () => {
    const t = new Float64Array((L + 1) * L);
    t[label("B-PER") * L + label("I-PER")] = 10;
    const path = viterbi(scores([{ "B-PER": 5 }, { "I-PER": 1, O: 3 }]), 2, t);
    expect([...path].map((y) => LABELS[y])).toEqual(["B-PER", "I-PER"]);
    expect(t[START * L + label("O")]).toBe(0);
  });

  it("keeps to the allowed labels and chooses freely where all are allowed", () => {
    const emission = scores([{ "B-PER": 5, "B-ORG": 1 }, { O: 4 }]);
    const allowed = [only(label("B-ORG")), ANY];
    const path = viterbi(emission, 2, noTransitions, allowed);
    expect([...path].map((y) => LABELS[y])).toEqual(["B-ORG", "O"]);
  });

  it("returns an empty path for an empty sentence", () => {
    expect(viterbi(new Float64Array(0), 0, noTransitions)).toHaveLength(0);
  });
});

/** A toy task: feature 0 marks persons, feature 1 organisations, feature 2 everything else; 3 is a bias. */
function toySentences(): TrainingSentence[] {
  const make = (kinds: number[], allowed?: number[]): TrainingSentence => {
    const ids: number[] = [];
    const offsets = [0];
    for (const k of kinds) {
      ids.push(k, 3);
      offsets.push(ids.length);
    }
    const gold = kinds.map((k) => only(label(k === 0 ? "B-PER" : k === 1 ? "B-ORG" : "O")));
    return {
      ids: Int32Array.from(ids),
      offsets: Int32Array.from(offsets),
      allowed: Uint16Array.from(allowed ?? gold),
      weight: 1,
    };
  };
  return [make([0, 2, 1]), make([2, 0, 2]), make([1, 2, 2]), make([2, 2, 0, 2, 1]), make([0, 1], [ANY, ANY])];
}

describe("trainPerceptron", () => {
  it("learns a separable task", () => {
    const { weights, transitions } = trainPerceptron(toySentences(), 4, { epochs: 5, seed: 1 });
    for (const s of toySentences().slice(0, 4)) {
      const path = viterbi(emissions(s, weights), s.allowed.length, transitions);
      expect([...path].map((y) => only(y))).toEqual([...s.allowed]);
    }
  });

  it("gives the same weights for the same seed, and other weights for another order", () => {
    const a = trainPerceptron(toySentences(), 4, { epochs: 3, seed: 7 });
    const b = trainPerceptron(toySentences(), 4, { epochs: 3, seed: 7 });
    const c = trainPerceptron(toySentences(), 4, { epochs: 3, seed: 8 });
    expect([...a.weights]).toEqual([...b.weights]);
    expect([...a.weights]).not.toEqual([...c.weights]);
  });

  it("averages models weight by weight, and refuses models of other sizes or none", () => {
    const a = trainPerceptron(toySentences(), 4, { epochs: 3, seed: 7 });
    const c = trainPerceptron(toySentences(), 4, { epochs: 3, seed: 8 });
    const mean = averageWeights([a, c]);
    const expected = (x: Float64Array, y: Float64Array) => [...x].map((v, k) => (v + (y[k] as number)) / 2);
    expect([...mean.weights]).toEqual(expected(a.weights, c.weights));
    expect([...mean.transitions]).toEqual(expected(a.transitions, c.transitions));
    expect([...averageWeights([a]).weights]).toEqual([...a.weights]);
    expect(() => averageWeights([])).toThrow(/at least one model/);
    const smaller = trainPerceptron(toySentences(), 5, { epochs: 1, seed: 1 });
    expect(() => averageWeights([a, smaller])).toThrow(/models of/);
  });

  it("learns nothing from a sentence whose labels are all left open", () => {
    const open = toySentences().slice(4);
    const { weights } = trainPerceptron(open, 4, { epochs: 3, seed: 1 });
    expect([...weights].every((w) => w === 0)).toBe(true);
  });
});

describe("serializeWeights and parseWeights", () => {
  const hashes = [featureHash("w", "Alpha"), featureHash("w", "beta"), featureHash("tiny")];
  const weights = new Float64Array(3 * L);
  weights[0 * L + label("B-PER")] = 12.34;
  weights[0 * L + label("O")] = -3.21;
  weights[1 * L + label("I-MISC")] = 2;
  weights[2 * L + label("B-LOC")] = 0.2;
  const transitions = new Float64Array((L + 1) * L).fill(-1.5);
  const written = serializeWeights(hashes, { weights, transitions });
  const read = parseWeights(written, L);
  const weightOf = (hash: number, name: string) => read.rows[rowOf(read, hash) * L + label(name)];

  it("keeps weights to one decimal and leaves out features whose weights are all small", () => {
    expect(written.kept).toBe(2);
    expect(read.size).toBe(2);
    expect(rowOf(read, featureHash("tiny"))).toBe(-1);
    expect(weightOf(featureHash("w", "Alpha"), "B-PER")).toBe(Math.round(12.34 * WEIGHT_SCALE));
    expect(weightOf(featureHash("w", "Alpha"), "O")).toBe(Math.round(-3.21 * WEIGHT_SCALE));
    expect(weightOf(featureHash("w", "beta"), "I-MISC")).toBe(2 * WEIGHT_SCALE);
    expect(weightOf(featureHash("w", "beta"), "B-PER")).toBe(0);
    expect(read.transitions).toHaveLength((L + 1) * L);
    expect(read.transitions[0]).toBe(-15);
  });

  it("writes the same text for the same weights, whatever the order of the features", () => {
    expect(serializeWeights(hashes, { weights, transitions })).toEqual(written);
    const reversed = new Float64Array(3 * L);
    for (let f = 0; f < 3; f++) reversed.set(weights.subarray(f * L, f * L + L), (2 - f) * L);
    expect(serializeWeights([...hashes].reverse(), { weights: reversed, transitions })).toEqual(written);
  });
});

describe("taggerTokens", () => {
  it("splits a possessive ending off its word, keeping offsets into the text", () => {
    const text = "Chile's envoy met Qatar’s minister.";
    const { tokens, sentences } = taggerTokens({ text, ...tokenize(text) });
    expect(tokens.map((t) => t.text)).toEqual(["Chile", "'s", "envoy", "met", "Qatar", "’s", "minister", "."]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(sentences).toEqual([[0, 8]]);
  });

  it("leaves other apostrophes alone", () => {
    const text = "They won't go to O'Neill's.";
    const words = taggerTokens({ text, ...tokenize(text) }).tokens.map((t) => t.text);
    expect(words).toContain("won't");
    expect(words).toContain("O'Neill");
    expect(words).not.toContain("O");
  });
});

describe("ruleTags", () => {
  it("tags the tokens under the rules' names and carries their evidence", () => {
    const text = "Minister Lena Marquez arrived in Lisbon.";
    const input = { text, ...tokenize(text) };
    const { tokens } = taggerTokens(input);
    const tags = ruleTags(tokens, detectMentionsByRules(input));
    expect(tags.map((t) => t.tag)).toEqual(["O", "B-PER", "I-PER", "O", "O", "B-LOC", "O"]);
    expect(tags[1]?.reading?.type).toBe("PER");
    expect(tags[0]?.reading).toBeUndefined();
  });
});

describe("documentFeatures", () => {
  const lexicon = defaultLexicon();
  const doc = {
    words: ["Officials", "in", "Gdansk", "and", "Riga", "said", "Velmar", "Group", "'s", "shares", "fell", "."],
    sentences: [[0, 12]] as [number, number][],
    rules: ["O", "O", "B-LOC", "O", "B-LOC", "O", "B-ORG", "I-ORG", "O", "O", "O", "O"].map((tag) => ({ tag })),
  };
  const at = (features: WordFeatures[], word: number) => [...(features[word] as WordFeatures).features];

  it("describes the word, its shape, its neighbours and the rules' tag", () => {
    const f = at(documentFeatures(doc, lexicon), 2);
    for (const x of [
      featureHash("w", "Gdansk"),
      featureHash("l", "gdansk"),
      featureHash("sh", "Xx"),
      featureHash("l-1", "in"),
      featureHash("l+1", "and"),
      featureHash("r", "B-LOC"),
      featureHash("cue", "in-1"),
    ])
      expect(f).toContain(x);
    expect(f).not.toContain(featureHash("w", "Riga"));
    expect(f).not.toContain(featureHash("l-1", "and"));
  });

  it("keeps short function words as their own shape, so 'of' and 'and' differ", () => {
    const f = at(documentFeatures(doc, lexicon), 4);
    expect(f).toContain(featureHash("sh-1", "and", "Xx"));
    expect(f).not.toContain(featureHash("sh-1", "x", "Xx"));
  });

  it("puts the features of the word's own form first", () => {
    const { features, own } = documentFeatures(doc, lexicon)[2] as WordFeatures;
    expect(own).toBe(7);
    expect([...features.subarray(0, own)]).toEqual(
      expect.arrayContaining([featureHash("w", "Gdansk"), featureHash("l-1l", "in", "gdansk")]),
    );
    expect([...features.subarray(own)]).not.toContain(featureHash("w", "Gdansk"));
    expect([...features.subarray(own)]).toContain(featureHash("l-1", "in"));
  });

  it("adds news copies of the rule features only when asked, and of every feature in training on news", () => {
    const plain = at(documentFeatures(doc, lexicon), 2);
    expect(plain).not.toContain(newsCopy(featureHash("r", "B-LOC")));
    const news = at(documentFeatures({ ...doc, newsCopies: "rules" }, lexicon), 2);
    expect(news).toContain(newsCopy(featureHash("r", "B-LOC")));
    expect(news).not.toContain(newsCopy(featureHash("w", "Gdansk")));
    expect(news).toHaveLength(plain.length + 5);
    const all = documentFeatures({ ...doc, newsCopies: "all" }, lexicon)[2] as WordFeatures;
    expect(all.features).toHaveLength(plain.length * 2);
    expect(all.own).toBe(14);
    expect([...all.features.subarray(0, all.own)]).toContain(newsCopy(featureHash("w", "Gdansk")));
  });

  it("says how the dictionary lists a word written as a name: a common word, a name or neither", () => {
    // The dictionary feature of a word: its kind, its casing and its place in the line, whatever that place is.
    const dictionaryFeatures = (kind: string, word: string) =>
      ["s", "o", "m"].flatMap((pos) =>
        ["", "H", "T"].map((line) =>
          feature3(
            hashString("dict"),
            hashString(kind),
            hashString(casingClass(word)),
            finish(fold(hashString(pos), hashString(line))),
          ),
        ),
      );
    const words = ["Weather", "delays", "hit", "Quorvane", "and", "Aaron", "."];
    const features = documentFeatures(
      { words, sentences: [[0, words.length]], rules: words.map(() => ({ tag: "O" })) },
      lexicon,
    );
    const has = (word: number, kind: string) =>
      dictionaryFeatures(kind, words[word] as string).some((x) => at(features, word).includes(x));
    expect(has(0, "common")).toBe(true);
    expect(has(3, "unknown")).toBe(true);
    expect(has(5, "name")).toBe(true);
    // Negative rows: no other kind, and nothing for a word in lower case.
    expect(has(0, "name") || has(3, "common") || has(5, "common")).toBe(false);
    for (const kind of ["common", "name", "both", "unknown"]) expect(has(1, kind)).toBe(false);
  });

  it("gives every word of a name the cues around the whole name", () => {
    const features = documentFeatures(doc, lexicon);
    expect(at(features, 6)).toContain(featureHash("cue", "orgafter+1"));
    expect(at(features, 7)).toContain(featureHash("cue", "orgafter+1"));
    expect(at(features, 2)).not.toContain(featureHash("cue", "orgafter+1"));
  });

  it("is a pure function of the document", () => {
    expect(documentFeatures(doc, lexicon)).toEqual(documentFeatures(doc, lexicon));
  });

  it("hands the features of the word as written alone after its own, the same for every occurrence", () => {
    const twice = {
      words: ["Riga", "said", "Velmar", "left", "for", "Riga", "."],
      sentences: [[0, 7]] as [number, number][],
      rules: ["B-LOC", "O", "B-ORG", "O", "O", "B-LOC", "O"].map((tag) => ({ tag })),
    };
    const seen: { form: number; fixed: number[]; formOwn: number[]; pairs: number[]; rest: number[] }[] = [];
    visitFeatures(twice, lexicon, (_word, features, count, own, form, fixed, formOwn) =>
      seen.push({
        form,
        fixed: [...features.subarray(own, own + fixed)],
        formOwn: [...features.subarray(0, formOwn)],
        pairs: [...features.subarray(formOwn, own)],
        rest: [...features.subarray(own + fixed, count)],
      }),
    );
    type Seen = (typeof seen)[number];
    const [first, said, second] = [seen[0], seen[1], seen[5]] as [Seen, Seen, Seen];
    expect(second.form).toBe(first.form);
    expect(said.form).not.toBe(first.form);
    expect(second.fixed).toEqual(first.fixed);
    expect(first.fixed).toEqual(expect.arrayContaining([featureHash("bias"), featureHash("sh", "Xx")]));
    expect(said.fixed).not.toEqual(first.fixed);
    // What depends on the neighbours is not among them, and differs between the two occurrences.
    expect(first.fixed).not.toContain(featureHash("l+1", "said"));
    expect(first.rest).toContain(featureHash("l+1", "said"));
    expect(second.rest).not.toEqual(first.rest);
    // Of the own features, the word's and its affixes' come first and are the same for every occurrence; the
    // word pairs after them are not.
    expect(second.formOwn).toEqual(first.formOwn);
    expect(first.formOwn).toEqual(expect.arrayContaining([featureHash("w", "Riga"), featureHash("l", "riga")]));
    expect(first.formOwn).not.toContain(featureHash("ll+1", "riga", "said"));
    expect(first.pairs).toContain(featureHash("ll+1", "riga", "said"));
    expect(second.pairs).not.toEqual(first.pairs);
  });
});

describe("wordShape and plainWord", () => {
  const rows: [string, string][] = [
    ["Chile", "Xx"],
    ["U.S.", "X.X."],
    ["1,100", "d,d"],
    ["al-Sadr", "x-Xx"],
    ["NATO", "X"],
  ];
  it.each(rows)("%s -> %s", (word, shape) => {
    expect(wordShape(word)).toBe(shape);
  });

  it("gives letters outside ASCII their class too", () => {
    expect(wordShape("Łódź")).toBe("Xx");
    expect(wordShape("ÉCOLE")).toBe("X");
    expect(wordShape("Zürich-2")).toBe("Xx-d");
  });

  const casings: [string, string][] = [
    ["said", "L"],
    ["Paris", "C"],
    ["A", "C"],
    ["São", "C"],
    ["NATO", "A"],
    ["ÉCOLE", "A"],
    ["U.S.", "I"],
    ["McDonald", "CM"],
    ["iPhone", "LM"],
    ["al-Sadr", "LM"],
    ["1,100", "D"],
    [",", "P"],
  ];
  it.each(casings)("casingClass(%s) is %s", (word, casing) => {
    expect(casingClass(word)).toBe(casing);
  });

  it("makes typographic quotes plain", () => {
    expect(plainWord("“")).toBe('"');
    expect(plainWord("Qatar’s")).toBe("Qatar's");
    expect(plainWord("Chile")).toBe("Chile");
    // A word that names a property of every object is a word like any other.
    expect(plainWord("constructor")).toBe("constructor");
  });
});

describe("the shipped tagger", () => {
  it("loads weights for every label", () => {
    const w = defaultLexicon().taggerWeights();
    expect(w.size).toBeGreaterThan(10_000);
    expect(w.transitions).toHaveLength((L + 1) * L);
    expect(w.rows.length).toBe(w.size * L);
    expect(w.slots.length).toBeGreaterThanOrEqual(2 * w.size);
    expect(rowOf(w, featureHash("r", "B-PER"))).toBeGreaterThanOrEqual(0);
    expect(rowOf(w, featureHash("w", "no such word in any corpus"))).toBe(-1);
  });

  it("agrees on one type for every occurrence of a name in a document", () => {
    const text =
      "Torvald Brekke arrived on Monday. Officials said Brekke would speak. Later Brekke met the press in Oslo.";
    const input = { text, ...tokenize(text) };
    const types = new Set(
      detectMentionsWithTagger(input)
        .filter((m) => m.text === "Brekke")
        .map((m) => m.type),
    );
    expect(types.size).toBe(1);
  });

  it("returns sorted, disjoint spans that point into the text, none without a letter or digit", () => {
    const text =
      "LIMA (Wire) - Peru's premier met envoys of the Velmar Group and Dr. Helen Okafor in Cusco on Monday, aides said.";
    const mentions: Mention[] = detectMentionsWithTagger({ text, ...tokenize(text) });
    let last = 0;
    for (const m of mentions) {
      expect(m.text).toBe(text.slice(m.start, m.end));
      expect(m.start).toBeGreaterThanOrEqual(last);
      expect(m.text).toMatch(/[\p{L}\p{N}]/u);
      last = m.end;
    }
    expect(mentions.map((m) => m.text)).toContain("Peru");
  });

  it("tags the words of a document it is given directly", () => {
    const doc = {
      words: ["Ali", "Hassan", "said", "so", "."],
      sentences: [[0, 5]] as [number, number][],
      rules: ["B-PER", "I-PER", "O", "O", "O"].map((tag) => ({ tag })),
    };
    const lexicon = defaultLexicon();
    const labels = tagDocument(doc, lexicon.taggerWeights(), documentFeatures(doc, lexicon));
    expect(labels).toEqual(["B-PER", "I-PER", "O", "O", "O"]);
  });

  it("labels a document alike whether it scores the features as they are made or is given them", () => {
    const text = "Mira Vance of the Harbour Authority said. Vance flew to Oslo. Ships left Port Kell on Friday.";
    const { tokens, sentences } = taggerTokens({ text, ...tokenize(text) });
    const doc = {
      words: tokens.map((t) => t.text),
      sentences,
      rules: ruleTags(tokens, detectMentionsByRules({ text, ...tokenize(text) })),
      newsCopies: "rules" as const,
    };
    const lexicon = defaultLexicon();
    const weights = lexicon.taggerWeights();
    const streamed = tagDocument(doc, weights, (visit) => visitFeatures(doc, lexicon, visit));
    expect(streamed).toEqual(tagDocument(doc, weights, documentFeatures(doc, lexicon)));
    expect(streamed.some((l) => l !== "O")).toBe(true);
    // Features of another document give other labels: the scores come from the features, not the words.
    const blank = documentFeatures(
      { ...doc, words: doc.words.map(() => "the"), rules: doc.rules.map(() => ({ tag: "O" })) },
      lexicon,
    );
    expect(tagDocument(doc, weights, blank)).not.toEqual(streamed);
  });
});

describe("settleByRules", () => {
  const rule = (text: string, name: string, type: Mention["type"], extra: Partial<RuleMention> = {}): RuleMention => {
    const start = text.indexOf(name);
    return {
      start,
      end: start + name.length,
      text: name,
      type,
      margin: 1,
      own: "none",
      ownScore: 0,
      context: "none",
      contextScore: 0,
      team: false,
      fixed: false,
      ...extra,
    };
  };
  const mention = (text: string, name: string, type: Mention["type"]): Mention => {
    const start = text.indexOf(name);
    return { start, end: start + name.length, text: name, type };
  };
  const spans = (ms: Mention[], text: string) => ms.map((m) => `${text.slice(m.start, m.end)}/${m.type}`);

  it("puts a sure form's span and type in place of the tagger's", () => {
    const text = "Storm Ilsa hit Velmar.";
    const out = settleByRules(
      [mention(text, "Ilsa", "organization"), mention(text, "Velmar", "place")],
      [rule(text, "Storm Ilsa", "other", { sure: "event" }), rule(text, "Velmar", "place")],
      text,
      defaultLexicon(),
    );
    expect(spans(out, text)).toEqual(["Storm Ilsa/other", "Velmar/place"]);
  });

  it("restores a headed name the tagger cut, but not one it read otherwise", () => {
    const text = "Staff at Norbury Polyclinic and Kell Bay said so.";
    const headed = { own: "organization" as const, ownScore: 4 };
    const cut = settleByRules(
      [mention(text, "Norbury", "place"), mention(text, "Polyclinic", "other")],
      [rule(text, "Norbury Polyclinic", "organization", headed)],
      text,
      defaultLexicon(),
    );
    expect(spans(cut, text)).toEqual(["Norbury Polyclinic/organization"]);
    // The tagger found the name's front only: the head did not stand alone, its reading stays.
    const front = settleByRules(
      [mention(text, "Norbury", "place")],
      [rule(text, "Norbury Polyclinic", "organization", headed)],
      text,
      defaultLexicon(),
    );
    expect(spans(front, text)).toEqual(["Norbury/place"]);
  });

  it("splits a country off the word after it where the rules did", () => {
    const text = "US Trump aides met.";
    const rules = [rule(text, "US", "place"), rule(text, "Trump", "person")];
    expect(
      spans(settleByRules([mention(text, "US Trump", "organization")], rules, text, defaultLexicon()), text),
    ).toEqual(["US/place", "Trump/person"]);
    const bank = "US Bank aides met.";
    const bankRules = [rule(bank, "US", "place"), rule(bank, "Bank", "organization")];
    expect(
      spans(settleByRules([mention(bank, "US Bank", "organization")], bankRules, bank, defaultLexicon()), bank),
    ).toEqual(["US Bank/organization"]);
  });
});

describe("oneTypePerPerson", () => {
  const m = (text: string, type: Mention["type"]): Mention => ({ start: 0, end: text.length, text, type });
  it("makes a full name a person when its surname alone is one, and leaves headed names and places", () => {
    const out = oneTypePerPerson(
      [
        m("Raj Patel", "organization"),
        m("Patel", "person"),
        m("Patel Holdings", "organization"),
        m("Chile Patel", "organization"),
        m("Velmar", "place"),
      ],
      defaultLexicon(),
    );
    expect(out.map((x) => x.type)).toEqual(["person", "person", "organization", "organization", "place"]);
  });

  it("makes a lone surname the person whose full name is one", () => {
    const out = oneTypePerPerson([m("Anna Brekke", "person"), m("Brekke", "organization")], defaultLexicon());
    expect(out.map((x) => x.type)).toEqual(["person", "person"]);
  });

  it("takes a country's or big city's name for a surname only after a known first name", () => {
    const types = (mentions: Mention[]) => oneTypePerPerson(mentions, defaultLexicon()).map((x) => x.type);
    expect(types([m("Tarsin Kenya", "person"), m("Kenya", "place")])).toEqual(["person", "place"]);
    expect(types([m("Dinamo Cairo", "person"), m("Cairo", "organization")])).toEqual(["person", "organization"]);
    expect(types([m("Anna Cairo", "person"), m("Cairo", "organization")])).toEqual(["person", "person"]);
  });
});

describe("withRoyalTitles", () => {
  const at = (text: string, name: string, type: Mention["type"] = "person"): Mention => {
    const start = text.indexOf(name);
    return { start, end: start + name.length, text: name, type };
  };
  const rows: [string, string, Mention["type"], string][] = [
    ["Crowds cheered Queen Maren II in Velmar.", "Maren II", "person", "Queen Maren II"],
    ["The envoy met Prince Olaf on Monday.", "Olaf", "person", "Prince Olaf"],
    ["The envoy met President Omar Haddad on Monday.", "Omar Haddad", "person", "Omar Haddad"],
    ["He spoke at King Edward Hospital.", "Edward Hospital", "organization", "Edward Hospital"],
    ["the king Harald said", "Harald", "person", "Harald"],
  ];
  it.each(rows)("%s: %s -> %s", (text, name, type, expected) => {
    const [m] = withRoyalTitles([at(text, name, type)], text);
    expect(m?.text).toBe(expected);
    expect(text.slice(m?.start, m?.end)).toBe(expected);
  });
});

describe("organisationShortForms", () => {
  const m = (text: string, type: Mention["type"]): Mention => ({ start: 0, end: text.length, text, type });
  it("makes a short form of an organisation named in full that organisation", () => {
    const out = organisationShortForms(
      [m("Tarsin Pharmaceuticals Inc.", "organization"), m("Tarsin", "person"), m("Quorvel S.A.", "organization")],
      defaultLexicon(),
    );
    expect(out.map((x) => x.type)).toEqual(["organization", "organization", "organization"]);
    const place = organisationShortForms([m("Quorvel S.A.", "organization"), m("Quorvel", "place")], defaultLexicon());
    expect(place.map((x) => x.type)).toEqual(["organization", "organization"]);
  });

  it("leaves known places, persons with a full name, and names whose other words are no heads", () => {
    const rows: [Mention[], Mention["type"][]][] = [
      // A country or a city the gazetteers know stays a place: "China Airlines" does not make China a firm.
      [
        [m("China Airlines", "organization"), m("China", "place")],
        ["organization", "place"],
      ],
      [
        [m("London Exchange", "organization"), m("London", "place")],
        ["organization", "place"],
      ],
      // "Ana Tarsin" is a person, so "Tarsin" stays one beside "Tarsin Holdings".
      [
        [m("Tarsin Holdings", "organization"), m("Ana Tarsin", "person"), m("Tarsin", "person")],
        ["organization", "person", "person"],
      ],
      // "Velmar Tigers": "Tigers" makes no organisation of the rest.
      [
        [m("Velmar Tigers", "organization"), m("Velmar", "person")],
        ["organization", "person"],
      ],
      // A lone head word is no short form.
      [
        [m("Holdings", "organization"), m("Holdings", "person")],
        ["organization", "person"],
      ],
    ];
    for (const [mentions, types] of rows)
      expect(organisationShortForms(mentions, defaultLexicon()).map((x) => x.type)).toEqual(types);
  });
});

describe("scorecardPlayers", () => {
  const run = (text: string, mentions: [string, Mention["type"]][] = []) => {
    const { tokens, sentences } = tokenize(text);
    const given = mentions.map(([name, type]) => {
      const start = text.indexOf(name);
      return { start, end: start + name.length, text: name, type };
    });
    return scorecardPlayers(given, { text, tokens, sentences }).map((x) => `${text.slice(x.start, x.end)}/${x.type}`);
  };
  it("makes fielders, bowlers and bowling figures' names persons", () => {
    expect(
      run("Ravi Tanvel c Orrin b Dessa 46", [
        ["Ravi Tanvel", "person"],
        ["Orrin", "place"],
        ["Dessa", "organization"],
      ]),
    ).toEqual(["Ravi Tanvel/person", "Orrin/person", "Dessa/person"]);
    expect(run("Kel Amari lbw b Marrow 12")).toEqual(["Marrow/person"]);
    expect(run("Kel Amari st Vance Orrin b Dessa 3")).toEqual(["Vance Orrin/person", "Dessa/person"]);
    expect(run("Bowling : Orrin 22-6-56-2 , Dessa 9.3-1-40-3", [["Orrin", "organization"]])).toEqual([
      "Orrin/person",
      "Dessa/person",
    ]);
  });

  it("leaves prose and marks without their partner", () => {
    expect(run("Plan b Velmar said.", [["Velmar", "organization"]])).toEqual(["Velmar/organization"]);
    expect(run("Section c Velmar 12 was repealed", [["Velmar", "organization"]])).toEqual(["Velmar/organization"]);
    expect(run("Velmar won 6-4 6-3 in the final.", [["Velmar", "organization"]])).toEqual(["Velmar/organization"]);
    expect(run("In 2024-05-02 Tarvik said.")).toEqual([]);
  });

  it("makes a football result's scorers persons, each before the minute of a goal", () => {
    expect(
      run("Kestrel 2 ( Orrin 15th , Dessa Velmar 64th pen ) Tarvik 1 ( Amari 38th min )", [
        ["Kestrel", "organization"],
        ["Orrin", "organization"],
        ["Dessa Velmar", "place"],
        ["Tarvik", "organization"],
        ["Amari", "organization"],
      ]),
    ).toEqual(["Kestrel/organization", "Orrin/person", "Dessa Velmar/person", "Tarvik/organization", "Amari/person"]);
    expect(run("Scorers : Orrin ( 50th minute ) , Dessa ( 54th , 71st )", [["Orrin", "place"]])).toEqual([
      "Orrin/person",
      "Dessa/person",
    ]);
    expect(run("Kestrel - Orrin ( 10th ) , Tarvik - Dessa 63rd 79th )")).toEqual(["Orrin/person", "Dessa/person"]);
  });

  it("leaves an ordinal that is no goal's minute", () => {
    // A rank, an anniversary, an ordinal without a scorer's list around it.
    expect(run("Kestrel finished 15th , two places down", [["Kestrel", "organization"]])).toEqual([
      "Kestrel/organization",
    ]);
    expect(run("the Velmar 50th anniversary , he said", [["Velmar", "organization"]])).toEqual(["Velmar/organization"]);
    expect(run("( Velmar 3rd quarter results )", [["Velmar", "organization"]])).toEqual(["Velmar/organization"]);
  });
});

describe("possessiveNames", () => {
  const run = (text: string, mentions: [string, Mention["type"], number?][]) => {
    const given = mentions.map(([name, type, from]) => {
      const start = text.indexOf(name, from ?? 0);
      return { start, end: start + name.length, text: name, type };
    });
    return possessiveNames(given, text, defaultLexicon()).map((x) => `${x.text}/${x.type}`);
  };
  it("joins a possessor to the organisation named after it, and its short form elsewhere", () => {
    expect(run("The Quorvel People's Liberation Front said.", [["Liberation Front", "organization"]])).toEqual([
      "Quorvel People's Liberation Front/organization",
    ]);
    expect(
      run("Tarsin 's Investors Service cut it . Tarsin 's said so .", [
        ["Tarsin", "organization"],
        ["Investors Service", "organization"],
        ["Tarsin", "person", 30],
      ]),
    ).toEqual(["Tarsin 's Investors Service/organization", "Tarsin 's/organization"]);
  });

  it("joins a saint's name to what is named after the saint, though it reads as a person", () => {
    expect(
      run("Mourners gathered at St. Ilsa's Church.", [
        ["St. Ilsa", "person"],
        ["Church", "organization"],
      ]),
    ).toEqual(["St. Ilsa's Church/organization"]);
    expect(
      run("Mourners gathered at St. Ilsa's Church.", [
        ["St. Ilsa", "organization"],
        ["Church", "other"],
      ]),
    ).toEqual(["St. Ilsa's Church/organization"]);
    expect(run("Tarsin's Velmar Bank grew.", [["Velmar Bank", "other"]])).toEqual(["Velmar Bank/other"]);
  });

  it("leaves places, peoples, days, organisations and persons that own a name", () => {
    const rows: [string, [string, Mention["type"]][]][] = [
      ["Britain's Labour Party won.", [["Labour Party", "organization"]]],
      ["Hong Kong's Democratic Party won.", [["Democratic Party", "organization"]]],
      ["Sunday's Tarsin Times said.", [["Tarsin Times", "organization"]]],
      [
        "AMR Corp's Velmar Airlines said.",
        [
          ["AMR Corp", "organization"],
          ["Velmar Airlines", "organization"],
        ],
      ],
      [
        "Ana Tarsin's Velmar Holdings grew.",
        [
          ["Ana Tarsin", "person"],
          ["Velmar Holdings", "organization"],
        ],
      ],
      ["Tarsin's Velmar Tigers won.", [["Velmar Tigers", "organization"]]],
      ["TARSIN'S Velmar Holdings grew.", [["Velmar Holdings", "organization"]]],
      ["St. Petersburg's Velmar Bank grew.", [["Velmar Bank", "organization"]]],
    ];
    for (const [text, mentions] of rows)
      expect(run(text, mentions)).toEqual(mentions.map(([name, type]) => `${name}/${type}`));
  });
});

describe("bracketedAffiliations", () => {
  const run = (text: string, mentions: [string, Mention["type"], number?][]) => {
    const given = mentions.map(([name, type, from]) => {
      const start = text.indexOf(name, from ?? 0);
      return { start, end: start + name.length, text: name, type };
    });
    return bracketedAffiliations(given, text, defaultLexicon()).map((x) => `${x.text}/${x.type}`);
  };
  it("makes a city a club where clubs are given, and a country a place", () => {
    const text = "Ana Ruiz ( Lyon ) , Kel Amari ( Tarsinga ) , Omar Haddad ( Quorvel ) , Ivo Dessa ( Chile )";
    expect(
      run(text, [
        ["Ana Ruiz", "person"],
        ["Lyon", "place"],
        ["Kel Amari", "person"],
        ["Tarsinga", "organization"],
        ["Omar Haddad", "person"],
        ["Quorvel", "organization"],
        ["Ivo Dessa", "person"],
        ["Chile", "organization"],
      ]).filter((x) => !x.includes("/person")),
    ).toEqual(["Lyon/organization", "Tarsinga/organization", "Quorvel/organization", "Chile/place"]);
  });

  it("makes a club read as a person a club where the document gives clubs, but not a lone bracketed name", () => {
    const scorers = "3 - Ana Ruiz ( Kestrel Rovers ) , Kel Amari ( Tomas Berg ) , Omar Haddad ( Quorvel )";
    expect(
      run(scorers, [
        ["Ana Ruiz", "person"],
        ["Kestrel Rovers", "organization"],
        ["Kel Amari", "person"],
        ["Tomas Berg", "person"],
        ["Omar Haddad", "person"],
        ["Quorvel", "organization"],
      ]).filter((x) => !/^(?:Ana|Kel|Omar) /.test(x)),
    ).toEqual(["Kestrel Rovers/organization", "Tomas Berg/organization", "Quorvel/organization"]);
    expect(
      run("The deal was agreed with Ivo Petrovich ( Okafor ) and with Velmar ( Kestrel Bay Holdings ) .", [
        ["Ivo Petrovich", "person"],
        ["Okafor", "person"],
        ["Velmar", "person"],
        ["Kestrel Bay Holdings", "organization"],
      ]),
    ).toEqual(["Ivo Petrovich/person", "Okafor/person", "Velmar/person", "Kestrel Bay Holdings/organization"]);
  });

  it("leaves cities where nations are given, and brackets after no person", () => {
    const nations = "Ana Ruiz ( Chile ) , Kel Amari ( Lyon ) , Omar Haddad ( Quorvel )";
    expect(
      run(nations, [
        ["Ana Ruiz", "person"],
        ["Chile", "place"],
        ["Kel Amari", "person"],
        ["Lyon", "place"],
        ["Omar Haddad", "person"],
        ["Quorvel", "organization"],
      ]).filter((x) => !x.includes("/person")),
    ).toEqual(["Chile/place", "Lyon/place", "Quorvel/organization"]);
    expect(run("The summit ( Lyon ) opened.", [["Lyon", "place"]])).toEqual(["Lyon/place"]);
  });
});

describe("withLegalForms", () => {
  const person = (text: string): Mention => ({ start: 0, end: text.length, text, type: "person" });
  it.each([
    ["Velmarco S.A.", "organization"],
    ["Tarsina N.V.", "organization"],
    ["Olmen S.p.A.", "organization"],
    // Not a legal form: an initial, an unknown dotted abbreviation, a legal form on its own.
    ["Anna Velmar S.", "person"],
    ["Anna Velmar J.R.R.", "person"],
    ["S.A.", "person"],
  ])("%s -> %s", (text, type) => {
    expect(withLegalForms([person(text)])[0]?.type).toBe(type);
  });
  it("the short form of a name with its legal form is that organisation too", () => {
    const text = "Shares of Velmarco S.A. fell on Monday, and Velmarco said it would cut jobs.";
    const found = detectMentionsWithTagger({ text, ...tokenize(text) });
    expect(found.find((m) => m.text === "Velmarco S.A.")?.type).toBe("organization");
    expect(found.find((m) => m.text === "Velmarco")?.type).toBe("organization");
  });
});

describe("venuesAfterAt", () => {
  const lexicon = defaultLexicon();
  /** The type of the name in brackets after its text is given to venuesAfterAt as the type shown. */
  const typeOf = (marked: string, type: Mention["type"] = "organization") => {
    const start = marked.indexOf("[");
    const end = marked.indexOf("]") - 1;
    const text = marked.replace(/[[\]]/g, "");
    const m: Mention = { start, end, text: text.slice(start, end), type };
    return venuesAfterAt([m], text, lexicon)[0]?.type;
  };
  it.each([
    ["HARLOW ROVERS AT [LEEDS]", "place"],
    ["the talks at [Geneva] ended", "place"],
    ["Kestrel Town at [Leeds]", "place"],
    // Not after "at", not a known place, an acronym, or "at" ending another word.
    ["[Leeds] beat Kestrel Town", "organization"],
    ["Kestrel Town at [Velmar Rovers]", "organization"],
    ["a statement at [UN] headquarters", "organization"],
    ["fans that [Leeds] drew", "organization"],
  ])("%s -> %s", (marked, type) => {
    expect(typeOf(marked)).toBe(type);
  });
  it("leaves persons alone", () => {
    expect(typeOf("a goal at [Geneva]", "person")).toBe("person");
  });
});

/** Mentions given as [name, type]; each is found in the text after the previous one. */
describe("oneKindPerEntry", () => {
  const lexicon = defaultLexicon();
  const run = (text: string, given: [string, Mention["type"]][]) =>
    oneKindPerEntry(mentionsIn(text, given), text, lexicon).map((m) => `${m.text}/${m.type}`);
  const players =
    "Ana Ruiz ( Spain ) beat Tomas Orrin ( Norway ) 6-3 6-4\nKel Amari ( Japan ) beat Dessa Velt ( Chile ) 6-1 6-2\nIvo Marran ( Peru ) beat Sol Tarvik ( Kenya ) 7-5 6-4";
  it("gives a results list's entries the kind most of them have", () => {
    expect(
      run(players, [
        ["Ana Ruiz", "person"],
        ["Tomas Orrin", "person"],
        ["Kel Amari", "person"],
        ["Dessa Velt", "person"],
        ["Ivo Marran", "person"],
        ["Sol Tarvik", "place"],
      ]),
    ).toEqual([
      "Ana Ruiz/person",
      "Tomas Orrin/person",
      "Kel Amari/person",
      "Dessa Velt/person",
      "Ivo Marran/person",
      "Sol Tarvik/person",
    ]);
  });
  it("leaves short lists, mixed lists, nations and names without a bracketed nation", () => {
    const short = "Ana Ruiz ( Spain ) beat Tomas Orrin ( Norway ) and Kel Amari ( Japan )";
    expect(
      run(short, [
        ["Ana Ruiz", "person"],
        ["Tomas Orrin", "organization"],
        ["Kel Amari", "person"],
      ]),
    ).toEqual(["Ana Ruiz/person", "Tomas Orrin/organization", "Kel Amari/person"]);
    expect(
      run(players, [
        ["Ana Ruiz", "person"],
        ["Tomas Orrin", "organization"],
        ["Kel Amari", "organization"],
        ["Dessa Velt", "person"],
        ["Ivo Marran", "person"],
        ["Sol Tarvik", "organization"],
      ]),
    ).toEqual([
      "Ana Ruiz/person",
      "Tomas Orrin/organization",
      "Kel Amari/organization",
      "Dessa Velt/person",
      "Ivo Marran/person",
      "Sol Tarvik/organization",
    ]);
    const nations = "Ana Ruiz ( Spain ) , Kel Amari ( Japan ) , Ivo Marran ( Peru ) , Dessa Velt ( Chile ) , Kestrel";
    expect(
      run(nations, [
        ["Ana Ruiz", "person"],
        ["Spain", "place"],
        ["Kel Amari", "person"],
        ["Ivo Marran", "person"],
        ["Dessa Velt", "person"],
        ["Kestrel", "organization"],
      ]),
    ).toEqual([
      "Ana Ruiz/person",
      "Spain/place",
      "Kel Amari/person",
      "Ivo Marran/person",
      "Dessa Velt/person",
      "Kestrel/organization",
    ]);
  });
});

describe("publicationsBeforeTheirKind", () => {
  const lexicon = defaultLexicon();
  const run = (text: string, given: [string, Mention["type"]][]) =>
    publicationsBeforeTheirKind(mentionsIn(text, given), text, lexicon).map((m) => `${m.text}/${m.type}`);
  it("makes a name before the kind of publication it is that publication", () => {
    expect(run("The Velmar Courant newspaper said so.", [["Velmar Courant", "person"]])).toEqual([
      "Velmar Courant/organization",
    ]);
    expect(run("Le Tarvik daily reported the deal.", [["Le Tarvik", "place"]])).toEqual(["Le Tarvik/organization"]);
    expect(run("the official Orrina news agency said.", [["Orrina", "person"]])).toEqual(["Orrina/organization"]);
    expect(
      run("A Orrina commentary ran.\nThe official Orrina news agency said.\nOrrina said so.", [
        ["Orrina", "person"],
        ["Orrina", "organization"],
        ["Orrina", "person"],
      ]),
    ).toEqual(["Orrina/organization", "Orrina/organization", "Orrina/organization"]);
  });
  it("leaves known places, owners after 'a' and names before other words (negative rows)", () => {
    expect(run("The Geneva daily reported it.", [["Geneva", "place"]])).toEqual(["Geneva/place"]);
    expect(run("It ran in an Okafor newspaper.", [["Okafor", "person"]])).toEqual(["Okafor/person"]);
    expect(run("Ana Ruiz said the newspaper was wrong.", [["Ana Ruiz", "person"]])).toEqual(["Ana Ruiz/person"]);
    expect(
      run("Okafor said so.\nIt ran in an Okafor newspaper.", [
        ["Okafor", "person"],
        ["Okafor", "person"],
      ]),
    ).toEqual(["Okafor/person", "Okafor/person"]);
  });
});

describe("placesOpeningSentences", () => {
  const run = (text: string, given: [string, Mention["type"]][]) =>
    placesOpeningSentences(mentionsIn(text, given), text).map((m) => `${m.text}/${m.type}`);
  it("makes a name between an opening 'In' or 'At' and a comma or colon a place", () => {
    expect(
      run("Results .\nIn Kestrel Bay : Velmar 2 Portavel 1 .\nAt Okafor , the crowd cheered .", [
        ["Kestrel Bay", "person"],
        ["Velmar", "organization"],
        ["Portavel", "organization"],
        ["Okafor", "other"],
      ]),
    ).toEqual(["Kestrel Bay/place", "Velmar/organization", "Portavel/organization", "Okafor/place"]);
  });
  it("leaves organisations, names later in the sentence and names before other words alone (negative rows)", () => {
    const given: [string, Mention["type"]][] = [
      ["Velmar Corp", "organization"],
      ["Ana Ruiz", "person"],
      ["Okafor", "person"],
      ["Tomas Berg", "person"],
    ];
    expect(
      run(
        "At Velmar Corp , sales rose .\nIn Ana Ruiz 's view , Okafor won .\nSales rose in Tomas Berg , he said .",
        given,
      ),
    ).toEqual(given.map(([n, t]) => `${n}/${t}`));
  });
});

describe("sitesBeforeTheirKind", () => {
  const run = (text: string, given: [string, Mention["type"]][]) =>
    sitesBeforeTheirKind(mentionsIn(text, given), text).map((m) => `${m.text}/${m.type}`);
  it("makes a name before the kind of site it names, in lower case, a place", () => {
    expect(
      run("The jet landed at Ana Ruiz airport and the guards of Okafor prison watched .", [
        ["Ana Ruiz", "person"],
        ["Okafor", "organization"],
      ]),
    ).toEqual(["Ana Ruiz/place", "Okafor/place"]);
  });
  it("leaves a camp, a site's kind in capitals and other words after a name alone (negative rows)", () => {
    const given: [string, Mention["type"]][] = [
      ["Ruiz", "person"],
      ["Velmar Airport Authority", "organization"],
      ["Okafor", "person"],
    ];
    expect(run("The Ruiz camp said Velmar Airport Authority and Okafor airlines agreed .", given)).toEqual(
      given.map(([n, t]) => `${n}/${t}`),
    );
  });
});

describe("streetsBeforeTheirKind", () => {
  const lexicon = defaultLexicon();
  const run = (text: string, given: [string, Mention["type"]][]) =>
    streetsBeforeTheirKind(mentionsIn(text, given), text, lexicon).map((m) => `${m.text}/${m.type}`);
  it("makes names before streets' kind in the plural streets, places", () => {
    expect(
      run("The crash was at Church and Main streets in Portavel.", [
        ["Church", "other"],
        ["Main", "organization"],
        ["Portavel", "place"],
      ]),
    ).toEqual(["Church/place", "Main/place", "Portavel/place"]);
    expect(run("Crowds filled Orrin Road and Velmar avenues.", [["Orrin Road", "person"]])).toEqual([
      "Orrin Road/place",
    ]);
  });
  it("leaves a people's name and names before other words (negative rows)", () => {
    expect(run("Speeding rose on Belgian roads.", [["Belgian", "other"]])).toEqual(["Belgian/other"]);
    expect(run("Kestrel and Velmar Streets Trust said.", [["Kestrel", "organization"]])).toEqual([
      "Kestrel/organization",
    ]);
  });
});

describe("oneKindPerTable", () => {
  const lexicon = defaultLexicon();
  const run = (text: string, given: [string, Mention["type"]][]) =>
    oneKindPerTable(mentionsIn(text, given), text, lexicon).map((m) => `${m.text}/${m.type}`);
  const standings = [
    "Standings ( played , won , drawn , lost , goals for , against , points ) :",
    "Kestrel Wanderers 4 3 0 1 6 2 9",
    "Portavel 4 2 1 1 7 3 7",
    "Velmar Sunday 4 2 0 2 5 5 6",
    "Orrin Athletic 4 1 1 2 4 6 4",
    "Tarvik 4 0 0 4 1 7 0",
  ].join("\n");
  it("makes each label of a table of clubs one organisation, found or not", () => {
    expect(
      run(standings, [
        ["Kestrel Wanderers", "organization"],
        ["Portavel", "place"],
        ["Sunday", "organization"],
        ["Orrin Athletic", "organization"],
      ]),
    ).toEqual([
      "Kestrel Wanderers/organization",
      "Portavel/organization",
      "Velmar Sunday/organization",
      "Orrin Athletic/organization",
      "Tarvik/organization",
    ]);
  });
  it("reads score lines, with the lines of figures between them, as one table", () => {
    const results =
      "Kestrel Rovers 2 Portavel 1\nScorers : Ana Ruiz ( 12th )\nVelmar 0 Tarvik United 3\nAttendance : 4,000\nOrrin 1 ( Kel Amari 15th ) Belcastro 2 ( Ivo Marran 40th , 88th ) .";
    expect(
      run(results, [
        ["Kestrel Rovers", "organization"],
        ["Portavel", "organization"],
        ["Ana Ruiz", "person"],
        ["Velmar", "person"],
        ["Tarvik United", "organization"],
        ["Kel Amari", "person"],
        ["Belcastro", "place"],
        ["Ivo Marran", "person"],
      ]),
    ).toEqual([
      "Kestrel Rovers/organization",
      "Portavel/organization",
      "Ana Ruiz/person",
      "Velmar/organization",
      "Tarvik United/organization",
      "Orrin/organization",
      "Kel Amari/person",
      "Belcastro/organization",
      "Ivo Marran/person",
    ]);
  });
  it("gives a table of players the person's kind and keeps a country a place (a national side)", () => {
    const batting =
      "Ana Ruiz 3 5 0 396 170 79.20\nKel Amari 2 3 0 178 106 59.33\nIvo Marran 3 5 0 190 113 38.00\nSol Tarvik 2 3 0 111 51 37.00\nSpain 3 5 1 40 20 10.00";
    expect(
      run(batting, [
        ["Ana Ruiz", "person"],
        ["Kel Amari", "person"],
        ["Ivo Marran", "organization"],
        ["Sol Tarvik", "person"],
        ["Spain", "place"],
      ]),
    ).toEqual(["Ana Ruiz/person", "Kel Amari/person", "Ivo Marran/person", "Sol Tarvik/person", "Spain/place"]);
  });
  it("makes a club of a table that club elsewhere in the report, but not its town after 'in' or a dateline", () => {
    const report = [
      "VELMAR 1996-05-04",
      "Kestrel Rovers 2 Portavel 1",
      "Velmar 0 Tarvik United 3",
      "Orrin 1 Belcastro 2",
      "Ana Ruiz scored twice for Portavel , and Velmar 's coach resigned in Velmar .",
    ].join("\n");
    expect(
      run(report, [
        ["VELMAR", "place"],
        ["Kestrel Rovers", "organization"],
        ["Portavel", "organization"],
        ["Velmar", "organization"],
        ["Tarvik United", "organization"],
        ["Orrin", "organization"],
        ["Belcastro", "place"],
        ["Ana Ruiz", "person"],
        ["Portavel", "place"],
        ["Velmar", "place"],
        ["Velmar", "place"],
      ]),
    ).toEqual([
      "VELMAR/place",
      "Kestrel Rovers/organization",
      "Portavel/organization",
      "Velmar/organization",
      "Tarvik United/organization",
      "Orrin/organization",
      "Belcastro/organization",
      "Ana Ruiz/person",
      "Portavel/organization",
      "Velmar/organization",
      "Velmar/place",
    ]);
  });
  it("leaves tables of places, mixed tables, short tables and prose alone (negative rows)", () => {
    const weather = "Portavel 12 18 cloudy\nVelmar 10 16 5 2\nTarvik 11 19 4 1\nKestrel Bay 9 14 6 3\nOrrin 8 15 2 2";
    const places: [string, Mention["type"]][] = [
      ["Velmar", "place"],
      ["Tarvik", "place"],
      ["Kestrel Bay", "place"],
      ["Orrin", "organization"],
    ];
    expect(run(weather, places)).toEqual(places.map(([n, t]) => `${n}/${t}`));
    const mixed: [string, Mention["type"]][] = [
      ["Kestrel Wanderers", "organization"],
      ["Portavel", "place"],
      ["Sunday", "organization"],
      ["Orrin Athletic", "person"],
      ["Tarvik", "place"],
    ];
    expect(run(standings, mixed)).toEqual(mixed.map(([n, t]) => `${n}/${t}`));
    const short = "Kestrel Rovers 2 Portavel Town 1\nVelmar 4 3 0 1 6 2 9";
    expect(
      run(short, [
        ["Kestrel Rovers", "organization"],
        ["Portavel Town", "organization"],
        ["Velmar", "place"],
      ]),
    ).toEqual(["Kestrel Rovers/organization", "Portavel Town/organization", "Velmar/place"]);
    const prose =
      "Portavel 44,525 11.8\nPortavel 44,525 up 11.8\nAna Ruiz scored 2 goals in 3 games\nVelmar 2 Tarvik 1 on Sunday";
    expect(tablesIn(prose)).toEqual([]);
  });
});

describe("teamsAfterNations", () => {
  const lexicon = defaultLexicon();
  const run = (text: string, given: [string, Mention["type"]][]) =>
    teamsAfterNations(mentionsIn(text, given), text, lexicon).map((m) => `${m.text}/${m.type}`);
  it("makes the name after a person's bracketed nation, before a time or the line's end, the team", () => {
    expect(
      run("3. Ana Ruiz ( Spain ) Velmar 1:54.443", [
        ["Ana Ruiz", "person"],
        ["Spain", "place"],
        ["Velmar", "person"],
      ]),
    ).toEqual(["Ana Ruiz/person", "Spain/place", "Velmar/organization"]);
    expect(
      run("4. Kel Amari ( Japan ) Tarsin\n5. Ivo Marran", [
        ["Kel Amari", "person"],
        ["Tarsin", "place"],
        ["Ivo Marran", "person"],
      ]),
    ).toEqual(["Kel Amari/person", "Tarsin/organization", "Ivo Marran/person"]);
    // The rider's name read as a place, for its last word ("Hill"), still opens the entry.
    expect(
      run("7. Ana Hill ( Spain ) Velmar 1:55.281", [
        ["Ana Hill", "place"],
        ["Spain", "place"],
        ["Velmar", "person"],
      ]),
    ).toEqual(["Ana Hill/place", "Spain/place", "Velmar/organization"]);
  });
  it("leaves prose, a nation, a big city, an entry without a person and a name before more words", () => {
    expect(
      run("Ana Ruiz ( Spain ) Velmar said", [
        ["Ana Ruiz", "person"],
        ["Velmar", "person"],
      ]),
    ).toEqual(["Ana Ruiz/person", "Velmar/person"]);
    expect(
      run("Ana Ruiz ( Spain ) Chile 12", [
        ["Ana Ruiz", "person"],
        ["Chile", "place"],
      ]),
    ).toEqual(["Ana Ruiz/person", "Chile/place"]);
    expect(
      run("Ana Ruiz ( Spain ) Berlin 12:30", [
        ["Ana Ruiz", "person"],
        ["Berlin", "place"],
      ]),
    ).toEqual(["Ana Ruiz/person", "Berlin/place"]);
    expect(
      run("Kestrel ( Spain ) Velmar 1:54", [
        ["Kestrel", "organization"],
        ["Velmar", "person"],
      ]),
    ).toEqual(["Kestrel/organization", "Velmar/person"]);
    // A known place opens no entry: a town and its region ("Lyon ( France ) Velmar 12").
    expect(
      run("Lyon ( France ) Velmar 12", [
        ["Lyon", "place"],
        ["France", "place"],
        ["Velmar", "person"],
      ]),
    ).toEqual(["Lyon/place", "France/place", "Velmar/person"]);
    expect(
      run("Ana Ruiz ( Velmar ) Tarsin 1:54", [
        ["Ana Ruiz", "person"],
        ["Velmar", "organization"],
        ["Tarsin", "person"],
      ]),
    ).toEqual(["Ana Ruiz/person", "Velmar/organization", "Tarsin/person"]);
  });
});

describe("titleCaseCommonWords", () => {
  const lexicon = defaultLexicon();
  const run = (text: string, given: [string, Mention["type"]][]) => {
    const input = { text, ...tokenize(text) };
    const rules = detectMentionsByRules(input, lexicon);
    return [...titleCaseCommonWords(mentionsIn(text, given), rules, input, lexicon)].map((m) => m.text);
  };
  it("drops common words a title-case headline capitalised", () => {
    const text = "Farmers Agree to End Dispute After Storm Floods Tarvik Valley";
    expect(
      run(text, [
        ["End Dispute", "other"],
        ["After", "other"],
      ]),
    ).toEqual(["End Dispute", "After"]);
  });
  it("keeps a name, and the same words outside a title-case headline (negative)", () => {
    const text = "Farmers Agree to End Dispute After Storm Floods Tarvik Valley";
    expect(run(text, [["Tarvik Valley", "place"]])).toEqual([]);
    expect(run("After the storm, farmers agreed to end the protest.", [["After", "other"]])).toEqual([]);
  });
});

describe("slugWords", () => {
  const lexicon = defaultLexicon();
  const run = (text: string, given: [string, Mention["type"]][]) => {
    const input = { text, ...tokenize(text) };
    return [...slugWords(mentionsIn(text, given), input, lexicon)].map((m) => m.text);
  };
  it("drops a line's label in capitals before a dash when the dictionary lists its words only as common words", () => {
    expect(run("PRESS DIGEST - Velmaria - May 22.", [["PRESS DIGEST", "organization"]])).toEqual(["PRESS DIGEST"]);
    expect(run("ATHLETICS - TARVANOVA BREAKS RECORD.", [["ATHLETICS", "organization"]])).toEqual(["ATHLETICS"]);
  });
  it("keeps names in the label, names after the dash and the same words elsewhere (negative)", () => {
    expect(run("TURKEY - Velmar wins.", [["TURKEY", "place"]])).toEqual([]);
    expect(run("GOLF - TARVANOVA WINS.", [["TARVANOVA", "person"]])).toEqual([]);
    expect(run("Press Digest said on Monday it had closed.", [["Press Digest", "organization"]])).toEqual([]);
    expect(run("ATHLETICS AND MORE.", [["ATHLETICS", "organization"]])).toEqual([]);
  });
});
