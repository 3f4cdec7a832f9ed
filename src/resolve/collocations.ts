import type { AnnotatedArticle, Mention } from "../model/index.js";
import { foldName } from "./names.js";

/**
 * An organisation followed by "in <Place>" is one name ("National Front in Chad") only when the story repeats
 * the phrase this often, and only when the organisation's own name is several words, a described body that a
 * place completes; a one-word name ("Velmar in Chad") is that body, located.
 */
const MIN_IN_PHRASE = 2;
const MIN_IN_NAME_WORDS = 2;

const JOINER = /^ (of|in) (?:the )?$/;

/**
 * Joins "Organisation of/in Place" into one organisation mention where the story uses the phrase as a name:
 * always with "of" ("Bank of Wales"), with "in" when the phrase recurs and the organisation's name is several
 * words. The annotators see one article; a
 * name's fixedness shows across the story.
 *
 * @example joinOrganisationPlaces(annotated) // "Front" + "in" + "Chad" -> "Front in Chad", if repeated
 */
export function joinOrganisationPlaces(articles: AnnotatedArticle[]): AnnotatedArticle[] {
  const candidates = articles.map((a) => pairsOf(a));
  const counts = new Map<string, number>();
  for (const list of candidates) for (const p of list) counts.set(p.key, (counts.get(p.key) ?? 0) + 1);
  return articles.map((a, i) => {
    const pairs = (candidates[i] ?? []).filter(
      (p) =>
        p.joiner === "of" ||
        ((counts.get(p.key) ?? 0) >= MIN_IN_PHRASE && p.org.text.trim().split(/\s+/).length >= MIN_IN_NAME_WORDS),
    );
    if (pairs.length === 0) return a;
    const drop = new Set<Mention>(pairs.flatMap((p) => [p.org, p.place]));
    const joined: Mention[] = pairs.map((p) => ({
      start: p.org.start,
      end: p.place.end,
      text: a.article.text.slice(p.org.start, p.place.end),
      type: "organization",
    }));
    const mentions = [...a.mentions.filter((m) => !drop.has(m)), ...joined].sort((x, y) => x.start - y.start);
    // Written out in the annotator's order rather than spread: a spread copy is of another hidden class to V8,
    // and the stages' optimised code that met it after the others' was thrown away.
    const { article, tokens, sentences, numbers, dates, quotes, speech } = a;
    return speech === undefined
      ? { article, tokens, sentences, mentions, numbers, dates, quotes }
      : { article, tokens, sentences, mentions, numbers, dates, quotes, speech };
  });
}

interface Pair {
  org: Mention;
  place: Mention;
  joiner: string;
  key: string;
}

function pairsOf(a: AnnotatedArticle): Pair[] {
  const out: Pair[] = [];
  const { text } = a.article;
  for (let k = 0; k + 1 < a.mentions.length; k++) {
    const org = a.mentions[k] as Mention;
    const place = a.mentions[k + 1] as Mention;
    if (org.type !== "organization" || place.type !== "place" || /['’]s?$/u.test(org.text)) continue;
    const m = JOINER.exec(text.slice(org.end, place.start));
    if (!m?.[1]) continue;
    // The place must end the name: "X of Chad's" or "X in Chad-based" continue into something else.
    if (/^[’'-]/u.test(text.slice(place.end, place.end + 1))) continue;
    out.push({ org, place, joiner: m[1], key: `${foldName(org.text)} ${m[1]} ${foldName(place.text)}` });
  }
  return out;
}
