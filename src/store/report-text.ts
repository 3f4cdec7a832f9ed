import type { StoryReport } from "../model/index.js";
import { type LinkedStoredArticle, withStoreLinks } from "./copies.js";

const QUOTE = 34;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const BACKSLASH = 92;

/** Where a top-level value that is no string, object or array (a number, true, false, null) ends. */
const SCALAR_END = /[,}\s]/g;

/** The index just past the string whose opening quote is at `start`. */
function stringEnd(json: string, start: number): number {
  let at = json.indexOf('"', start + 1);
  for (;;) {
    if (at < 0) throw new SyntaxError(`expected a closing quote for the string at ${start}, found none`);
    let backslashes = 0;
    while (json.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at + 1;
    at = json.indexOf('"', at + 1);
  }
}

/** The index just past the value that starts at `start` (no white space before it). */
function valueEnd(json: string, start: number): number {
  const first = json[start];
  if (first === '"') return stringEnd(json, start);
  if (first !== "{" && first !== "[") {
    SCALAR_END.lastIndex = start;
    return SCALAR_END.exec(json)?.index ?? json.length;
  }
  // Character by character between strings, each string skipped whole: a report's bytes are mostly strings.
  let depth = 0;
  for (let i = start; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === QUOTE) i = stringEnd(json, i) - 1;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return i + 1;
  }
  throw new SyntaxError(`expected the value at ${start} to close, found the end of the text`);
}

function skipSpace(json: string, at: number): number {
  let i = at;
  while (i < json.length && /\s/.test(json[i] as string)) i++;
  return i;
}

/**
 * Where each of `keys` has its value in a JSON object's text, `[start, end)`, found without parsing the
 * values: a report's text is mostly findings a link to the store does not touch. The scan stops once every
 * key is found; a key the object lacks has no span.
 *
 * @example topLevelSpans('{"a":[1],"b":"x"}', ["b"]).get("b") // [13, 16]
 */
export function topLevelSpans(json: string, keys: readonly string[]): Map<string, [number, number]> {
  const spans = new Map<string, [number, number]>();
  let at = skipSpace(json, 0);
  if (json[at] !== "{")
    throw new SyntaxError(`expected a JSON object, found ${JSON.stringify(json.slice(at, at + 20))}`);
  at = skipSpace(json, at + 1);
  while (at < json.length && json[at] !== "}" && spans.size < keys.length) {
    const keyEnd = stringEnd(json, at);
    const key = JSON.parse(json.slice(at, keyEnd)) as string;
    at = skipSpace(json, keyEnd);
    if (json[at] !== ":") throw new SyntaxError(`expected ':' after the key ${key}, found ${json[at]}`);
    const start = skipSpace(json, at + 1);
    const end = valueEnd(json, start);
    if (keys.includes(key)) spans.set(key, [start, end]);
    at = skipSpace(json, end);
    if (json[at] === ",") at = skipSpace(json, at + 1);
  }
  return spans;
}

/**
 * A stored report's text linked to the store as {@link withStoreLinks} links the report, undefined when it
 * is linked already. Only its articles and provenance are parsed and written again, the rest of the text is
 * kept as it is: for a report stored as `JSON.stringify` wrote it, the text is the one stringifying the
 * linked report gives, at a fraction of the cost of parsing and writing all of it.
 *
 * @example linkedReportText(row.report, await store.storyArticles(row.story_id)) ?? row.report
 */
export function linkedReportText(json: string, articles: readonly LinkedStoredArticle[]): string | undefined {
  const spans = topLevelSpans(json, ["articles", "provenance"]);
  const articlesAt = spans.get("articles");
  const provenanceAt = spans.get("provenance");
  if (!articlesAt || !provenanceAt) {
    throw new SyntaxError("expected a story report with articles and provenance, found neither or only one");
  }
  const part = {
    articles: JSON.parse(json.slice(...articlesAt)),
    provenance: JSON.parse(json.slice(...provenanceAt)),
  } as StoryReport;
  const linked = withStoreLinks(part, articles);
  if (linked === part) return undefined;
  const edits: [[number, number], unknown][] = [];
  if (linked.articles !== part.articles) edits.push([articlesAt, linked.articles]);
  if (linked.provenance !== part.provenance) edits.push([provenanceAt, linked.provenance]);
  let text = json;
  // From the end of the text back, so that an edit does not move the other's span.
  for (const [[start, end], value] of edits.sort((a, b) => b[0][0] - a[0][0])) {
    text = `${text.slice(0, start)}${JSON.stringify(value)}${text.slice(end)}`;
  }
  return text;
}
