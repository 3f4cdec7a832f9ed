import type { AnnotatedArticle, EntityType, Mention, QuoteMention } from "../src/model/index.js";

/**
 * An annotated article built by hand for stage tests: mentions are found by their surface text, in order,
 * so a test states what an annotator would have found without running one.
 */
export function annotated(
  id: string,
  text: string,
  mentions: [surface: string, type: EntityType][] = [],
  quotes: QuoteMention[] = [],
  published?: string,
): AnnotatedArticle {
  let from = 0;
  const found: Mention[] = mentions.map(([surface, type]) => {
    const start = text.indexOf(surface, from);
    if (start < 0) throw new Error(`fixture: "${surface}" not found in ${id} after offset ${from}`);
    from = start + surface.length;
    return { start, end: start + surface.length, text: surface, type };
  });
  const article = {
    id,
    source: `${id}.txt`,
    text,
    removedBoilerplate: [],
    diagnostics: [],
    ...(published ? { published } : {}),
  };
  return { article, tokens: [], sentences: [], mentions: found, numbers: [], dates: [], quotes };
}

/** A quotation located by its words in `text`, with an optional speaker mention located the same way. */
export function quoteIn(
  text: string,
  words: string,
  attribution: string,
  speaker?: { text: string; kind: "name" | "pronoun" | "description"; resolved?: Mention },
): QuoteMention {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`fixture: quotation "${words}" not found`);
  const q: QuoteMention = { start, end: start + words.length, text: words, attribution };
  if (speaker) {
    const s = text.indexOf(speaker.text);
    q.speaker = { start: s, end: s + speaker.text.length, text: speaker.text, kind: speaker.kind };
    if (speaker.resolved) q.speaker.resolved = speaker.resolved;
  }
  return q;
}
