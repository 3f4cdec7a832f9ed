import type { Sentence, Token } from "../../model/index.js";
import { isInitialism, tokenSpans } from "../../words/tokens.js";

const SENTENCE_END = /^[.!?…]$/;
/** Full stops of Chinese and Japanese, which end a sentence with no space or capital after them. */
const WIDE_END = /^[。！？]$/;
const CLOSERS = /^["'”’)\]»」』）]$/;

/** Splits clean text into tokens and sentences; a line break always ends a sentence. */
export function tokenize(text: string): { tokens: Token[]; sentences: Sentence[] } {
  const tokens: Token[] = tokenSpans(text);
  return { tokens, sentences: splitSentences(text, tokens) };
}

function splitSentences(text: string, tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  const close = (last: number) => {
    const a = tokens[first];
    const b = tokens[last];
    if (a && b) sentences.push({ start: a.start, end: b.end, tokenStart: first, tokenEnd: last + 1 });
    first = last + 1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const next = tokens[i + 1];
    if (!next) break;
    const gap = text.slice(token.end, next.start);
    if (gap.includes("\n")) {
      close(i);
      continue;
    }
    const wide = WIDE_END.test(token.text);
    if (!wide && !SENTENCE_END.test(token.text) && !endsWithInitialism(token.text)) continue;
    // Closing quotes and brackets right after the stop stay with the sentence.
    let last = i;
    while (
      tokens[last + 1] &&
      CLOSERS.test((tokens[last + 1] as Token).text) &&
      (tokens[last + 1] as Token).start === (tokens[last] as Token).end
    )
      last++;
    const after = tokens[last + 1];
    if (!after) break;
    const between = text.slice((tokens[last] as Token).end, after.start);
    if (between.includes("\n")) {
      i = last - 1;
      continue;
    }
    if (wide) {
      close(last);
      i = last;
      continue;
    }
    if (between.length === 0) continue;
    if (!startsSentence(after.text)) continue;
    if (endsWithInitialism(token.text) && !SENTENCE_END.test(token.text)) continue;
    close(last);
    i = last;
  }
  if (first < tokens.length) close(tokens.length - 1);
  return sentences;
}

function endsWithInitialism(word: string): boolean {
  return isInitialism(word);
}

function startsSentence(word: string): boolean {
  return /^[\p{Lu}\p{N}"“‘'([]/u.test(word);
}
