import type { QuoteMention, Sentence, Token } from "../../model/index.js";
import { joinHyphenated, type QuoteInput, Resolver, sourcePhrase } from "./index.js";
import { findQuotedSpans } from "./marks.js";
import { findNames } from "./names.js";
import { type FoundAttribution, SpeakerParser } from "./speakers.js";
import { NOUN_LIKE_LEMMAS, type VerbForm } from "./speech-verbs.js";
import { isWord, lower, wordSet } from "./words.js";

/**
 * Speech verbs that take what was said as a clause ("Ana Ruiz said the quay would reopen", "the board warned
 * that ..."): a subset of the speech verbs, leaving out those that report words only beside a quotation
 * (`WEAK_LEMMAS`) and those whose object is rarely a clause ("urge", "ask", "shout").
 */
const REPORTING_LEMMAS = wordSet(`
  say tell add state warn explain note insist claim declare argue announce acknowledge concede vow reiterate
  confirm deny admit assert complain contend predict promise report reveal suggest testify emphasize emphasise
  allege disclose recall write
`);

/** Fewer words than this are no statement ("said so", "told reporters nothing"). */
const MIN_STATEMENT_WORDS = 4;

/** Words before an attribution that open its sentence without being said ("On Monday,", "But"). */
const MAX_OPENING_WORDS = 4;

/** How many words may stand between the attribution and a "that" which opens what was said ("said on Monday that"). */
const MAX_WORDS_BEFORE_THAT = 4;

/**
 * Reported speech: what a sentence says someone said without quotation marks, as a clause after its
 * attribution ("Ana Ruiz, the port's lawyer, said the quay would reopen in May") or before it ("The quay will
 * reopen in May, the harbour board said"; "…, according to the board"). One statement per sentence at most,
 * with the same shape as a direct quotation: `start`/`end` cover what was said, the speaker is resolved as a
 * quotation's is. Sentences with quotation marks are left to `extractQuotes`.
 *
 * @example extractReportedSpeech({ text, tokens, sentences, mentions })[0]?.text // "the quay would reopen in May"
 */
export function extractReportedSpeech(input: QuoteInput): QuoteMention[] {
  const { text } = input;
  const spans = findQuotedSpans(text);
  const { tokens, sentences } = joinHyphenated(input.tokens, input.sentences);
  const parser = new SpeakerParser(text, tokens);
  const mentions = input.mentions.length > 0 ? input.mentions : findNames(text, tokens, sentences);
  const resolver = new Resolver(text, mentions, spans, sentences);
  const statements: QuoteMention[] = [];
  for (const sentence of sentences) {
    const first = tokens[sentence.tokenStart];
    const last = tokens[sentence.tokenEnd - 1];
    if (!first || !last) continue;
    // A sentence with a quotation in it is the quotation's: its attribution is read there.
    if (spans.some((s) => s.markEnd > first.start && s.markStart < last.end)) continue;
    const found = statementIn(parser, tokens, sentence);
    if (!found) continue;
    const said = parser.slice(found.said.from, found.said.to);
    const words = parser.slice(found.attribution.from, found.attribution.to);
    const statement: QuoteMention = {
      start: said.start,
      end: said.end,
      text: said.text,
      attribution: words.text,
      attributionSpan: { start: words.start, end: words.end },
      speaker: resolver.speaker(found.attribution, parser, said.start),
    };
    const phrase = sourcePhrase(found.attribution, parser, sentences);
    const speaker = statement.speaker;
    // An appositive never runs into what was said ("According to Ana Ruiz, the quay will reopen").
    const apart = phrase.end <= said.start || phrase.start >= said.end;
    if (speaker && apart && (phrase.start !== speaker.start || phrase.end !== speaker.end)) speaker.phrase = phrase;
    statements.push(statement);
  }
  return statements;
}

/** The attribution and the words said, as token ranges, of one sentence; undefined when it reports no speech. */
function statementIn(
  parser: SpeakerParser,
  tokens: Token[],
  sentence: Sentence,
): { attribution: FoundAttribution; said: { from: number; to: number } } | undefined {
  const from = sentence.tokenStart;
  let to = sentence.tokenEnd;
  while (to > from && !isWord(tokens[to - 1] as Token)) to--;
  for (let v = from; v < to; v++) {
    const according = parser.accordingTo(v, to);
    const verb = according ? undefined : parser.verb(v);
    if (!according && (!verb || !reports(verb, parser.lower(v + 1)))) continue;
    const attribution = according ?? parser.attributionAt(v, from, to);
    if (!attribution) continue;
    // The writer's own words ("I write this because ...") are the article's, not a source's.
    if (attribution.speaker.kind === "pronoun" && FIRST_PERSON.has(parser.lower(attribution.speaker.from)))
      return undefined;
    const said = saidAround(parser, tokens, attribution, from, to);
    if (said && parser.wordsBetween(said.from, said.to) >= MIN_STATEMENT_WORDS) return { attribution, said };
    return undefined;
  }
  return undefined;
}

/**
 * What was said around an attribution in its sentence [from, to): the words before it when it closes the
 * sentence, or is followed only by a comma and the speaker's appositive, after a comma; else the words after it
 * when it opens the sentence (after a "that" close to it).
 */
function saidAround(
  parser: SpeakerParser,
  tokens: Token[],
  attribution: FoundAttribution,
  from: number,
  to: number,
): { from: number; to: number } | undefined {
  const between = tokens[attribution.from - 1]?.text === "," && tokens[attribution.to]?.text === ",";
  if (attribution.to >= to || between) {
    // "…, the board said." and "…, said Ana Ruiz, a lawyer.": a comma before the attribution ends what was said.
    let end = attribution.from;
    if (tokens[end - 1]?.text !== ",") return undefined;
    end--;
    return end > from ? { from, to: end } : undefined;
  }
  if (parser.wordsBetween(from, attribution.from) > MAX_OPENING_WORDS) return undefined;
  let start = attribution.to;
  for (let k = start; k < Math.min(to, start + MAX_WORDS_BEFORE_THAT + 1); k++) {
    if (parser.lower(k) === "that") {
      start = k + 1;
      break;
    }
  }
  while (start < to && !isWord(tokens[start] as Token)) start++;
  // A verb of saying followed by a preposition or an infinitive reports no clause ("said in a statement." is
  // kept only when a clause follows it; "promised to", "told of").
  if (start === attribution.to && STARTS_NO_CLAUSE.has(lower(tokens[start]))) return undefined;
  // A verb or a conjunction right after the attribution makes it a clause of its own ("Everything Ruiz says is
  // wrong", "Ruiz said when she resigned"), not the lead-in to what was said.
  if (STARTS_NO_STATEMENT.has(lower(tokens[start]))) return undefined;
  return start < to ? { from: start, to } : undefined;
}

/** Words right after a speech verb that open something other than what was said. */
const STARTS_NO_CLAUSE = wordSet(`
  to of about for with in on at by from into nothing so yes no
`);

/** Words that cannot open what was said: finite verbs and conjunctions of time, cause and condition. */
const STARTS_NO_STATEMENT = wordSet(`
  is was are were has have had will would could can should may might must does did do when while after before
  as because if since until unless although though
`);

/** Pronouns of the writer and the reader. */
const FIRST_PERSON = wordSet(`
  i we you
`);

/**
 * Whether a speech verb reports a clause: a lemma of `REPORTING_LEMMAS`, not in -ing; a lemma as often a noun
 * ("state", "claim", "report") only in the past or right before "that" ("the board stated", "the Courier
 * reports that", never "battleground state").
 */
function reports(verb: VerbForm, next: string): boolean {
  if (verb.form === "ing" || !REPORTING_LEMMAS.has(verb.lemma)) return false;
  return verb.form === "past" || next === "that" || !NOUN_LIKE_LEMMAS.has(verb.lemma);
}
