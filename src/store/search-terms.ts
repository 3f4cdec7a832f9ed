/** Most terms of one query: a search box, not a document. */
const MAX_TERMS = 32;

/**
 * The words and quoted phrases of a search query, lower-cased, with everything a full-text engine would read
 * as syntax (operators, columns, wildcards, brackets) dropped: the query always means "articles holding all
 * of these", whatever the user typed.
 *
 * @example searchTerms('dock "fire crews" -strike') // ["dock", "fire crews", "strike"]
 */
export function searchTerms(query: string): string[] {
  const terms: string[] = [];
  const re = /"([^"]*)"|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
  for (const m of query.normalize("NFC").matchAll(re)) {
    const words = (m[1] ?? m[0]).toLowerCase().match(/[\p{L}\p{N}]+/gu);
    if (words) terms.push(words.join(" "));
    if (terms.length >= MAX_TERMS) break;
  }
  return [...new Set(terms)];
}
