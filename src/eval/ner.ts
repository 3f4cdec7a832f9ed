import type { MentionInput } from "../annotate/mentions/index.js";
import { detectMentions } from "../annotate/mentions/index.js";
import type { EntityType, Mention, Sentence, Token } from "../model/index.js";
import { TriangulateError } from "../model/index.js";

/** Precision, recall and F1 of one entity type, with the counts they come from. */
export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

/** The CoNLL types scored; MISC is left out on both sides because the detector does not aim at it. */
export type ConllType = "PER" | "ORG" | "LOC";

export interface NerScores {
  PER: PRF;
  ORG: PRF;
  LOC: PRF;
  /** Over PER, ORG and LOC together. */
  micro: PRF;
}

export interface EvaluateConllOptions {
  /** The detector to score; `detectMentions` by default. */
  detect?: (input: MentionInput) => Mention[];
}

/** One document of a CoNLL file: sentences of tokens with their gold tags. */
interface ConllDocument {
  sentences: { words: string[]; tags: string[] }[];
}

interface Span {
  start: number;
  end: number;
  type: string;
}

const TYPE_OF: Record<EntityType, string> = { person: "PER", organization: "ORG", place: "LOC", other: "MISC" };
const SCORED: ConllType[] = ["PER", "ORG", "LOC"];

/**
 * Scores the mention detector on CoNLL-2003-style data (`token POS chunk NER` or `token NER` columns,
 * IOB1 or IOB2, `-DOCSTART-` between documents) the way conlleval does: a name counts when its span and
 * type both match exactly. Each document is rebuilt as text (tokens joined by spaces, one sentence per line)
 * so the detector sees document boundaries and can keep names consistent within a document.
 *
 * @example
 * const { scores, predicted } = evaluateConll(readFileSync("dev.conll", "utf8"));
 * console.log(scores.micro.f1);
 */
export function evaluateConll(
  conllText: string,
  options: EvaluateConllOptions = {},
): { scores: NerScores; predicted: string } {
  const detect = options.detect ?? detectMentions;
  const documents = parseConll(conllText);
  const counts = new Map<string, { gold: number; predicted: number; correct: number }>(
    SCORED.map((t) => [t, { gold: 0, predicted: 0, correct: 0 }]),
  );
  const lines: string[] = [];
  for (const [d, doc] of documents.entries()) {
    const { input, sentenceTokens } = buildInput(doc);
    const mentions = detect(input);
    const predictedTags = tagTokens(input.tokens, mentions);
    if (d > 0 || conllText.trimStart().startsWith("-DOCSTART-")) lines.push("-DOCSTART- O O", "");
    doc.sentences.forEach((s, si) => {
      const base = sentenceTokens[si] as number;
      const predictedTagsOfSentence = predictedTags.slice(base, base + s.words.length);
      const gold = spansOf(s.tags);
      const predicted = spansOf(predictedTagsOfSentence);
      for (const type of SCORED) {
        const c = counts.get(type) as { gold: number; predicted: number; correct: number };
        const g = gold.filter((x) => x.type === type);
        const p = predicted.filter((x) => x.type === type);
        c.gold += g.length;
        c.predicted += p.length;
        c.correct += p.filter((x) => g.some((y) => y.start === x.start && y.end === x.end)).length;
      }
      s.words.forEach((w, i) => {
        lines.push(`${w} ${s.tags[i]} ${predictedTagsOfSentence[i]}`);
      });
      lines.push("");
    });
  }
  const prf = (c: { gold: number; predicted: number; correct: number }): PRF => {
    const precision = c.predicted === 0 ? 0 : c.correct / c.predicted;
    const recall = c.gold === 0 ? 0 : c.correct / c.gold;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { precision, recall, f1, ...c };
  };
  const total = { gold: 0, predicted: 0, correct: 0 };
  for (const c of counts.values()) {
    total.gold += c.gold;
    total.predicted += c.predicted;
    total.correct += c.correct;
  }
  const get = (t: ConllType) => prf(counts.get(t) as { gold: number; predicted: number; correct: number });
  return {
    scores: { PER: get("PER"), ORG: get("ORG"), LOC: get("LOC"), micro: prf(total) },
    predicted: `${lines.join("\n")}\n`,
  };
}

function parseConll(conllText: string): ConllDocument[] {
  const documents: ConllDocument[] = [];
  let doc: ConllDocument = { sentences: [] };
  let sentence: { words: string[]; tags: string[] } = { words: [], tags: [] };
  const endSentence = () => {
    if (sentence.words.length > 0) doc.sentences.push(sentence);
    sentence = { words: [], tags: [] };
  };
  const endDocument = () => {
    endSentence();
    if (doc.sentences.length > 0) documents.push(doc);
    doc = { sentences: [] };
  };
  for (const [index, line] of conllText.split(/\r?\n/).entries()) {
    if (line.trim() === "") {
      endSentence();
      continue;
    }
    const columns = line.trim().split(/\s+/);
    if (columns[0] === "-DOCSTART-") {
      endDocument();
      continue;
    }
    const tag = columns[columns.length - 1] as string;
    if (columns.length < 2 || !/^(?:O|[BI]-[A-Za-z]+)$/.test(tag)) {
      throw new TriangulateError(
        "BAD_DATA",
        `CoNLL line ${index + 1}: expected "token ... TAG" with TAG O, B-X or I-X, found "${line.slice(0, 80)}"`,
      );
    }
    sentence.words.push(columns[0] as string);
    sentence.tags.push(tag);
  }
  endDocument();
  return documents;
}

/**
 * Rebuilds a tokenised document as text (words joined by spaces, a sentence a line) with its tokens and
 * sentences at exact offsets, and where each sentence's tokens start.
 */
export function buildInput(doc: { sentences: { words: readonly string[] }[] }): {
  input: MentionInput;
  sentenceTokens: number[];
} {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  const sentenceTokens: number[] = [];
  let text = "";
  for (const s of doc.sentences) {
    if (text.length > 0) text += "\n";
    const tokenStart = tokens.length;
    sentenceTokens.push(tokenStart);
    s.words.forEach((w, i) => {
      if (i > 0) text += " ";
      tokens.push({ start: text.length, end: text.length + w.length, text: w });
      text += w;
    });
    const first = tokens[tokenStart] as Token;
    const last = tokens[tokens.length - 1] as Token;
    sentences.push({ start: first.start, end: last.end, tokenStart, tokenEnd: tokens.length });
  }
  return { input: { text, tokens, sentences }, sentenceTokens };
}

/** IOB2 tags for the tokens a mention covers; a mention that cuts a token in two takes the whole token. */
function tagTokens(tokens: Token[], mentions: Mention[]): string[] {
  const tags = tokens.map(() => "O");
  let t = 0;
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    while (t < tokens.length && (tokens[t] as Token).end <= m.start) t++;
    let first = true;
    for (let k = t; k < tokens.length && (tokens[k] as Token).start < m.end; k++) {
      if (tags[k] !== "O") continue;
      tags[k] = `${first ? "B" : "I"}-${TYPE_OF[m.type]}`;
      first = false;
    }
  }
  return tags;
}

/** Entity spans of a tag sequence; an I- tag after O or after another type opens a span (IOB1 and IOB2). */
export function spansOf(tags: readonly string[]): Span[] {
  const spans: Span[] = [];
  let open: Span | undefined;
  tags.forEach((tag, i) => {
    if (tag === "O") {
      open = undefined;
      return;
    }
    const type = tag.slice(2);
    if (tag.startsWith("B-") || !open || open.type !== type) {
      open = { start: i, end: i + 1, type };
      spans.push(open);
    } else open.end = i + 1;
  });
  return spans;
}
