import type { EntityType, Mention, QuoteMention, Sentence, Span, SpeakerRef, Token } from "../../model/index.js";
import { ORG_HEADS, ORG_MEMBERS } from "../../words/names.js";
import { findQuotedSpans, type QuotedSpan } from "./marks.js";
import { findNames, guessType } from "./names.js";
import {
  type FoundAttribution,
  MAX_APPOSITIVE_TOKENS,
  MAX_SPEAKER_WORDS,
  MAX_WEAK_VERB_GAP,
  SpeakerParser,
  type SpeakerPhrase,
} from "./speakers.js";
import {
  BETWEEN_SUBJECT_AND_VERB,
  CONNECTORS,
  isCapitalised,
  isWord,
  lower,
  SPEAKER_PRONOUNS,
  STOP_WORDS,
  wordSet,
} from "./words.js";

export { findQuotedSpans, type QuotedSpan } from "./marks.js";
export { inflect, NAMING_VERB_LEMMAS, SPEECH_VERB_LEMMAS, speechVerb } from "./speech-verbs.js";

/** What `extractQuotes` reads: the text, the tokenizer's output and the names found in it (may be empty). */
export interface QuoteInput {
  text: string;
  sentences: Sentence[];
  tokens: Token[];
  mentions: Mention[];
}

/**
 * A quoted fragment of at most this many words inside a sentence, with nobody found saying it, is a scare
 * quote, a nickname or a title ("the so-called 'harbour plan'") rather than reported speech; it is dropped. Two words
 * covers nicknames and most scare quotes; three-word fragments are already usually attributed phrases.
 */
export const SCARE_QUOTE_MAX_WORDS = 2;

/**
 * How many sentences back a pronoun speaker ("he said") may find its antecedent. News copy re-names a
 * speaker within a paragraph or two; further back the nearest name is more often someone else.
 */
export const PRONOUN_WINDOW_SENTENCES = 3;

/** Words right before a quotation that mark it as a name or a term, not as speech. */
const NAMING_BEFORE = wordSet(`
  so-called dubbed nicknamed titled entitled named headlined
`);

interface QuoteContext {
  span: QuotedSpan;
  /** Sentence indices covering the opening and closing marks. */
  firstSentence: number;
  lastSentence: number;
  /** Token ranges [from, to) before and after the quotation, within its sentences and between quotations. */
  leadFrom: number;
  leadTo: number;
  tailFrom: number;
  tailTo: number;
  /** End of the tail within the quotation's own sentences; `tailTo` may reach into the next sentence. */
  ownTailTo: number;
  /** The last sentence the tail reads. */
  reach: number;
  /** The tail reads a next line, which must be nothing but the attribution. */
  strictTail: boolean;
  /** The tail reads into the next sentence and ends where the next quotation opens. */
  tailMeetsQuote: boolean;
  attribution?: FoundAttribution;
  /**
   * The attribution is a sentence after the quotation that says something of its own ('"We stopped them."
   * Ann Lee said the port would reopen.'): it yields to a speaker quoted right before.
   */
  weak?: boolean;
  /** Index of the quotation this one took its speaker from. */
  inheritedFrom?: number;
}

/**
 * Finds direct quotations, their speakers and the words that attribute them. One QuoteMention per contiguous
 * quoted span: a quotation split by "he said" gives two, with the same speaker, so that every mention's
 * offsets cover exactly quoted words; a quotation running over paragraphs (each reopened, never closed) is one.
 *
 * @example
 * const { tokens, sentences } = tokenize(text);
 * extractQuotes({ text, tokens, sentences, mentions: [] });
 * // text '"We will not move," said Ana Ruiz.' -> [{ text: "We will not move,", speaker: { text: "Ana Ruiz", kind: "name" }, attribution: "said Ana Ruiz" }]
 */
export function extractQuotes(input: QuoteInput): QuoteMention[] {
  const { text } = input;
  const spans = findQuotedSpans(text);
  if (spans.length === 0) return [];
  const { tokens, sentences } = joinHyphenated(input.tokens, input.sentences);
  const parser = new SpeakerParser(text, tokens);
  const contexts = spans.map((span, k) => contextOf(span, spans[k - 1], spans[k + 1], tokens, sentences, text));
  contexts.forEach((c) => {
    const found = attribute(c, parser, tokens);
    if (found) c.attribution = found;
  });
  inheritWithinSentences(contexts);
  inheritFromPreviousSentence(contexts, parser, tokens, sentences, text);
  carryAcrossNarration(contexts, parser, tokens, sentences, text);
  const mentions = input.mentions.length > 0 ? input.mentions : findNames(text, tokens, sentences);
  const resolver = new Resolver(text, mentions, spans, sentences);
  const quotes: QuoteMention[] = [];
  contexts.forEach((c) => {
    const source = c.inheritedFrom === undefined ? c : (contexts[c.inheritedFrom] as QuoteContext);
    const attribution = source.attribution;
    if (!keep(c, text, tokens, attribution !== undefined)) return;
    const quote: QuoteMention = {
      start: c.span.start,
      end: c.span.end,
      text: text.slice(c.span.start, c.span.end),
      attribution: "",
    };
    if (attribution) {
      const words = parser.slice(attribution.from, attribution.to);
      quote.attribution = words.text;
      quote.attributionSpan = { start: words.start, end: words.end };
    }
    if (attribution) {
      quote.speaker = resolver.speaker(attribution, parser, Math.min(c.span.markStart, source.span.markStart));
      const phrase = sourcePhrase(attribution, parser, sentences);
      if (phrase.start !== quote.speaker.start || phrase.end !== quote.speaker.end) quote.speaker.phrase = phrase;
    }
    quotes.push(quote);
  });
  return quotes;
}

/** The speaker's whole phrase (`SpeakerParser.sourcePhrase`) as text, read no further than its sentence. */
export function sourcePhrase(
  found: FoundAttribution,
  parser: SpeakerParser,
  sentences: Sentence[],
): Span & { text: string } {
  const last = parser.token(found.speaker.to - 1) as Token;
  const sentence = sentences[sentenceAt(sentences, last.start)] as Sentence;
  const { from, to } = parser.sourcePhrase(found, Math.max(found.speaker.to, sentence.tokenEnd));
  return parser.slice(from, to);
}

/**
 * Joins the parts of a compound the tokenizer split at a hyphen or slash glued to both sides (it splits next to
 * a digit: "59", "-", "year-old"; "50", "/", "50") into one token, so that "the 59-year-old" and "a 50/50
 * co-owner" read as one modifier and a head, as the words do.
 */
export function joinHyphenated(tokens: Token[], sentences: Sentence[]): { tokens: Token[]; sentences: Sentence[] } {
  const glued = (i: number) => {
    const t = tokens[i] as Token;
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    if (t.text !== "-" && t.text !== "/") return false;
    return before?.end === t.start && after?.start === t.end && isWord(before) && isWord(after);
  };
  let any = false;
  for (let i = 1; i < tokens.length - 1 && !any; i++) any = glued(i);
  if (!any) return { tokens, sentences };
  const joined: Token[] = [];
  /** Index in `joined` of each original token. */
  const at: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (i + 1 < tokens.length - 1 && glued(i + 1)) {
      let end = i + 2;
      while (end + 1 < tokens.length - 1 && glued(end + 1)) end += 2;
      const last = tokens[end] as Token;
      for (let j = i; j <= end; j++) at[j] = joined.length;
      joined.push({
        start: t.start,
        end: last.end,
        text: tokens
          .slice(i, end + 1)
          .map((x) => x.text)
          .join(""),
      });
      i = end;
      continue;
    }
    at[i] = joined.length;
    joined.push(t);
  }
  at[tokens.length] = joined.length;
  const remapped = sentences.map((s) => ({
    ...s,
    tokenStart: at[s.tokenStart] ?? joined.length,
    tokenEnd: s.tokenEnd > s.tokenStart ? (at[s.tokenEnd - 1] ?? joined.length - 1) + 1 : (at[s.tokenStart] ?? 0),
  }));
  return { tokens: joined, sentences: remapped };
}

function sentenceAt(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sentences[mid] as Sentence).start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the first token that starts at or after `offset`. */
function tokenAtOrAfter(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function contextOf(
  span: QuotedSpan,
  prev: QuotedSpan | undefined,
  next: QuotedSpan | undefined,
  tokens: Token[],
  sentences: Sentence[],
  text: string,
): QuoteContext {
  const firstSentence = sentenceAt(sentences, span.markStart);
  const lastSentence = Math.max(firstSentence, sentenceAt(sentences, span.markEnd - 1));
  const regionStart = sentences[firstSentence]?.start ?? 0;
  const regionEnd = sentences[lastSentence]?.end ?? span.markEnd;
  const leadStart = prev && prev.markEnd > regionStart ? prev.markEnd : regionStart;
  const tailEnd = next && next.markStart < regionEnd ? next.markStart : regionEnd;
  const tailFrom = tokenAtOrAfter(tokens, span.markEnd);
  const ownTailTo = Math.max(tailFrom, tokenAtOrAfter(tokens, tailEnd));
  const leadFrom = Math.min(tokenAtOrAfter(tokens, leadStart), tokenAtOrAfter(tokens, span.markStart));
  const leadTo = tokenAtOrAfter(tokens, span.markStart);
  const { tailTo, strict } = attributionInNextSentence(
    span,
    next,
    tokens,
    sentences,
    lastSentence,
    [leadFrom, leadTo],
    tailFrom,
    ownTailTo,
    text,
  );
  return {
    span,
    tailMeetsQuote: tailTo > ownTailTo && next !== undefined && tokens[tailTo]?.start === next.markStart,
    firstSentence,
    lastSentence,
    leadFrom,
    leadTo,
    tailFrom,
    tailTo,
    ownTailTo,
    strictTail: strict,
    reach: tailTo > ownTailTo ? lastSentence + 1 : lastSentence,
  };
}

/**
 * A quotation ending in its own full stop ('"We won." Smith said.') ends its sentence for the tokenizer; the
 * attribution is then the next sentence, which the tail may read when nothing stands before the opening mark
 * or after the closing one in the quotation's own sentence. Over a single line break (text set one sentence per
 * line) a quotation that cannot end there reads on: one ending in a comma or a dash ('"We stay,"' then 'said
 * Ann Lee.'), or one followed by a line that opens in lower case, which no new sentence does. One that ends a
 * sentence reads on only as far as a line that is nothing but its attribution ('Ann Lee asked.'): `strict`.
 */
function attributionInNextSentence(
  span: QuotedSpan,
  next: QuotedSpan | undefined,
  tokens: Token[],
  sentences: Sentence[],
  lastSentence: number,
  lead: [number, number],
  tailFrom: number,
  ownTailTo: number,
  text: string,
): { tailTo: number; strict: boolean } {
  const own = { tailTo: ownTailTo, strict: false };
  for (let i = tailFrom; i < ownTailTo; i++) if (isWord(tokens[i] as Token)) return own;
  for (let i = lead[0]; i < lead[1]; i++) if (isWord(tokens[i] as Token)) return own;
  const following = sentences[lastSentence + 1];
  if (!following) return own;
  const quoted = text.slice(span.start, span.end);
  const breaks = (text.slice(span.markEnd, following.start).match(/\n/gu) ?? []).length;
  const endsSentence = /[.?!…]$/u.test(quoted);
  if (breaks > 1 || (breaks === 0 && !endsSentence)) return own;
  const continues = /[,—–-]$/u.test(quoted) || /^\p{Ll}/u.test(text.slice(following.start, following.start + 1));
  const end = next && next.markStart < following.end ? next.markStart : following.end;
  return { tailTo: Math.max(ownTailTo, tokenAtOrAfter(tokens, end)), strict: breaks === 1 && !continues };
}

/**
 * Words an attribution line may carry after the speaker and verb and still be nothing but the attribution
 * ("Ann Lee asked on Monday."): a short adverbial; a longer rest is a statement of its own.
 */
const MAX_ATTRIBUTION_LINE_REST = 3;

/** Whether only a short adverbial, or an appositive after a comma, follows the attribution to the tail's end. */
function attributionOnly(found: FoundAttribution, c: QuoteContext, tokens: Token[]): boolean {
  let words = 0;
  for (let i = found.to; i < c.tailTo; i++) {
    const t = tokens[i] as Token;
    if (t.text === "," && words === 0) return true;
    if (isWord(t)) words++;
  }
  return words <= MAX_ATTRIBUTION_LINE_REST;
}

const PASSIVE = wordSet(`
  been be being is are was were get got
`);

const SKIP_IN_TAIL = /^[,:;(—–―-]$/u;
const DASHES = /^[—–―-]$/u;
const CLAUSE_END = /^[.;?!"“”«»]$/u;

/**
 * Reads who said a quotation, in order of how reliably each position attributes: right after the closing mark
 * ('"...," said X' or '"...," X said'), then a speech verb before the quotation, nearest first ('X said: "..."',
 * 'X told the Courier the repairs were "nearly done"'), then one later in the sentence ('"...", and ..., he said').
 */
function attribute(c: QuoteContext, parser: SpeakerParser, tokens: Token[]): FoundAttribution | undefined {
  let tail = tailRightAfter(c, parser, tokens);
  if (tail && introducesNext(tail, c, parser)) {
    // '"We stay." Ann Lee said: "We rebuild."': the line names who says the next quotation, not this one.
    c.tailTo = c.ownTailTo;
    c.reach = c.lastSentence;
    tail = undefined;
  }
  if (c.strictTail && !(tail && attributionOnly(tail, c, tokens))) {
    // The next line is a statement of its own: the tail ends with the quotation's sentence.
    c.tailTo = c.ownTailTo;
    c.reach = c.lastSentence;
    tail = undefined;
  }
  // 'X rejected "...", according to Y': Y relays the report; the words are X's, who is named with a verb.
  if (tail && parser.lower(tail.from) === "according") return inLead(c, parser, tokens) ?? tail;
  const found = tail ?? inLead(c, parser, tokens) ?? laterInTail(c, parser) ?? afterColon(c, parser, tokens);
  if (found && found.from >= c.ownTailTo && !attributionOnly(found, c, tokens)) c.weak = true;
  return found;
}

/**
 * Whether an attribution read in the sentence after the quotation runs up to the next quotation with only a
 * colon or a comma between ('Ann Lee said: "..."'): it leads into that quotation. After a full stop it closes
 * the sentence that attributes this one ('Ann Lee asked. "..."').
 */
function introducesNext(found: FoundAttribution, c: QuoteContext, parser: SpeakerParser): boolean {
  if (!c.tailMeetsQuote || found.from < c.ownTailTo || found.to >= c.tailTo) return false;
  for (let i = found.to; i < c.tailTo; i++) if (!LEADS_IN.test(parser.token(i)?.text ?? "")) return false;
  return true;
}

/** What stands between an attribution and the quotation it leads into: a colon or a comma. */
const LEADS_IN = /^[:,]$/u;

function tailRightAfter(c: QuoteContext, parser: SpeakerParser, tokens: Token[]): FoundAttribution | undefined {
  let i = c.tailFrom;
  let dash = -1;
  while (i < c.tailTo && SKIP_IN_TAIL.test((tokens[i] as Token).text)) {
    if (dash < 0 && DASHES.test((tokens[i] as Token).text)) dash = i;
    i++;
  }
  if (i >= c.tailTo) return undefined;
  if (dash >= 0) {
    // '"...," ― Ann Lee': a byline of the quotation, no verb.
    const signed = parser.phraseAfter(i, c.tailTo);
    if (signed?.kind === "name" && parser.wordsBetween(signed.to, c.tailTo) === 0) {
      return { speaker: signed, from: dash, to: signed.to };
    }
  }
  const according = parser.accordingTo(i, c.tailTo);
  if (according) return according;
  const first = parser.verb(i);
  if (first) return first.naming ? undefined : parser.attributionAt(i, i, c.tailTo);
  const horizon = Math.min(c.tailTo, i + MAX_SPEAKER_WORDS + MAX_APPOSITIVE_TOKENS);
  for (let v = i + 1; v < horizon; v++) {
    const t = tokens[v] as Token;
    if (CLAUSE_END.test(t.text) && !parser.isAbbreviationPeriod(v)) return undefined;
    const verb = parser.verb(v);
    if (!verb) continue;
    if (verb.naming) return undefined;
    const found = parser.attributionAt(v, i, c.tailTo);
    if (found && parser.wordsBetween(i, found.from) === 0) return found;
    return undefined;
  }
  return undefined;
}

function inLead(c: QuoteContext, parser: SpeakerParser, tokens: Token[]): FoundAttribution | undefined {
  const lastToken = tokens[c.leadTo - 1];
  const colon = lastToken?.text === ":";
  for (let v = c.leadTo - 1; v >= c.leadFrom; v--) {
    const according = parser.accordingTo(v, c.leadTo);
    if (according) return according;
    const verb = parser.verb(v);
    if (!verb || parser.isTailOnly(verb)) continue;
    const gap = gapWords(parser, v + 1, c.leadTo);
    if (parser.isWeak(verb) && !(gap === 0 || (colon && gap <= MAX_WEAK_VERB_GAP))) continue;
    const found = parser.attributionAt(v, c.leadFrom, c.leadTo);
    if (!found) continue;
    if (verb.naming && gap === 0 && found.speaker.kind === "description") continue;
    // "has been called 'quack'": a passive naming verb says what others call someone, not what they said.
    if (verb.naming && PASSIVE.has(parser.lower(v - 1))) continue;
    return found;
  }
  return undefined;
}

/** A quotation right after a colon that no speech verb introduces: the lead's name or subject says it. */
function afterColon(c: QuoteContext, parser: SpeakerParser, tokens: Token[]): FoundAttribution | undefined {
  if (tokens[c.leadTo - 1]?.text !== ":" || wordCount(parser.quoted(c.span)) <= SCARE_QUOTE_MAX_WORDS) return undefined;
  return colonLead(parser, c.leadFrom, c.leadTo - 1);
}

/** Longest name read as a headline's or a byline's speaker before a colon ("Ana Ruiz: '...'"). */
const MAX_LEAD_NAME_WORDS = 4;
/** What may stand before a name that alone leads into a quotation: a dash or an ellipsis ("… Ana Ruiz:"). */
const LEAD_NAME_OPENERS = /^(?:[—–―-]|…|\.\.\.)$/u;

/**
 * Who says what follows a colon when no speech verb stands before it: a name alone before the colon (a headline
 * "Ana Ruiz: '...'" or a byline "- Ana Ruiz:"), or the subject of the clause the colon ends ("Velmar released the
 * following statement:", "The statement reads:", "Ana Ruiz leaned in and boomed:"). A one-word name must recur in
 * the text: a lone capitalised word before a colon or a comma is as often a label or an adverb ("Update:",
 * "Wait,").
 */
function colonLead(parser: SpeakerParser, from: number, colonAt: number): FoundAttribution | undefined {
  let start = from;
  for (let i = from; i < colonAt; i++) if (LEAD_NAME_OPENERS.test(parser.token(i)?.text ?? "")) start = i + 1;
  while (start < colonAt && !isWord(parser.token(start) as Token)) start++;
  const alone = parser.phraseAfter(start, colonAt);
  if (alone?.kind === "name" && closesLead(parser, alone.to, colonAt)) {
    const fits = alone.to - alone.from <= MAX_LEAD_NAME_WORDS && knownName(parser, alone);
    return fits ? { speaker: alone, from: alone.phraseFrom ?? alone.from, to: alone.to } : undefined;
  }
  const subject = parser.clauseSubject(from, colonAt);
  if (!subject || !actsAfter(parser, subject.to, colonAt)) return undefined;
  // "Wait, it gets better:": a lone word before a comma may be an interjection or an adverb, not an appositive's name.
  if (subject.kind === "name" && parser.token(subject.to)?.text === "," && !knownName(parser, subject))
    return undefined;
  return { speaker: subject, from: subject.phraseFrom ?? subject.from, to: colonAt };
}

/** A name of two words or more, or one word the text uses elsewhere too (not "Wait," or "Likewise,"). */
function knownName(parser: SpeakerParser, name: SpeakerPhrase): boolean {
  return name.to - name.from > 1 || parser.recurs(name.from);
}

/** Forms of "be": after a subject they make it what is described or acted on ("is shown by", "was this:"). */
const BE_FORMS = wordSet(`
  is are was were be been being
`);

/**
 * Whether a verb of which the subject ending at `to` is the agent follows it, after adverbs and auxiliaries
 * ("then leaned in", "has released"): an appositive comma, or a lower-case word that is no form of "be", no
 * preposition and no clause word ("The challenge of ...", "The bias begins with ...", "Ana Ruiz is shown by ...").
 */
function actsAfter(parser: SpeakerParser, to: number, colonAt: number): boolean {
  let k = to;
  while (k < colonAt && BETWEEN_SUBJECT_AND_VERB.has(parser.lower(k)) && !BE_FORMS.has(parser.lower(k))) k++;
  const t = parser.token(k);
  if (!t || k >= colonAt) return false;
  if (t.text === "," || t.text === "(") return true;
  const l = lower(t);
  return /^\p{Ll}/u.test(t.text) && !BE_FORMS.has(l) && !STOP_WORDS.has(l) && !CONNECTORS.has(l);
}

/** Whether nothing but a parenthesis ("Ana Ruiz (Velmar):") stands between `to` and the colon. */
function closesLead(parser: SpeakerParser, to: number, colonAt: number): boolean {
  if (to === colonAt) return true;
  return parser.token(to)?.text === "(" && parser.token(colonAt - 1)?.text === ")";
}

/** Words between a verb and the quotation, not counting "that" and the hearer of "told". */
function gapWords(parser: SpeakerParser, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const t = parser.token(i) as Token;
    if (isWord(t) && lower(t) !== "that") n++;
  }
  return n;
}

function laterInTail(c: QuoteContext, parser: SpeakerParser): FoundAttribution | undefined {
  for (let v = c.tailFrom; v < c.tailTo; v++) {
    const according = parser.accordingTo(v, c.tailTo);
    if (according) return according;
    const verb = parser.verb(v);
    if (!verb || verb.naming || parser.isWeak(verb) || parser.isTailOnly(verb)) continue;
    const found = parser.attributionAt(v, c.tailFrom, c.tailTo);
    if (found) return found;
  }
  return undefined;
}

/** A quotation with no words of its own around it shares the speaker of another quotation in its sentence. */
function inheritWithinSentences(contexts: QuoteContext[]): void {
  contexts.forEach((c, k) => {
    if (c.attribution) return;
    for (const d of [k - 1, k + 1]) {
      const other = contexts[d];
      if (!other?.attribution) continue;
      const sameSentence = other.firstSentence <= c.lastSentence && other.lastSentence >= c.firstSentence;
      if (sameSentence) {
        c.inheritedFrom = d;
        return;
      }
    }
  });
}

/**
 * A quotation that is a whole sentence of its own, with no attribution, continues the speaker of the
 * sentence before it: a quotation there with a speaker, a lead-in ending in a colon ("He said:"), or, for a
 * quotation that is a paragraph of its own, the subject of reported speech just before it.
 */
function inheritFromPreviousSentence(
  contexts: QuoteContext[],
  parser: SpeakerParser,
  tokens: Token[],
  sentences: Sentence[],
  text: string,
): void {
  contexts.forEach((c, k) => {
    if ((c.attribution && !c.weak) || c.inheritedFrom !== undefined) return;
    if (!wholeSentence(c, tokens)) return;
    const prevSentence = sentences[c.firstSentence - 1];
    if (!prevSentence || c.firstSentence === 0) return;
    if (paragraphsBetween(text, prevSentence.end, c.span.markStart) > 1) return;
    for (let d = k - 1; d >= 0; d--) {
      const other = contexts[d] as QuoteContext;
      if (other.reach < c.firstSentence - 1) break;
      const source = other.inheritedFrom === undefined ? d : other.inheritedFrom;
      if (contexts[source]?.attribution) {
        c.inheritedFrom = source;
        delete c.attribution;
        return;
      }
    }
    if (c.attribution) return;
    const last = tokens[prevSentence.tokenEnd - 1];
    if (last?.text === ":") {
      for (let v = prevSentence.tokenEnd - 2; v >= prevSentence.tokenStart; v--) {
        if (!parser.verb(v)) continue;
        const found = parser.attributionAt(v, prevSentence.tokenStart, prevSentence.tokenEnd - 1);
        if (found) {
          c.attribution = found;
          return;
        }
      }
      const led = colonLead(parser, prevSentence.tokenStart, prevSentence.tokenEnd - 1);
      if (led) c.attribution = led;
      return;
    }
    // A quotation set as a sentence or a paragraph of its own after reported speech ("She said the two grew up
    // as neighbours.") goes on quoting the same speaker: the subject of the sentence's first speech verb.
    for (let v = prevSentence.tokenStart; v < prevSentence.tokenEnd - 1; v++) {
      const verb = parser.verb(v);
      if (!verb || verb.form === "ing" || parser.isTailOnly(verb)) continue;
      const found = parser.attributionAt(v, prevSentence.tokenStart, prevSentence.tokenEnd - 1);
      if (found && found.speaker.to <= v) c.attribution = found;
      return;
    }
  });
}

/**
 * Sentences of narration a continuation may be carried over ('"We will rebuild," Ana Ruiz said. She looked at
 * the quay. "The port is our life."'): one or two keep the reader with the speaker; after more, news copy names
 * the speaker again.
 */
const MAX_CARRY_SENTENCES = 2;

/**
 * Paragraph breaks between the previous quotation and the continuation: its own paragraph, then at most one of
 * narration, then the continuation's. Further on, a whole quoted sentence is as often someone new.
 */
const MAX_CARRY_PARAGRAPHS = 2;

/**
 * A whole quoted sentence with no speaker, after a sentence or two of narration about the speaker of the
 * quotation just before it, continues that speaker (journalistic convention). Every sentence in between must
 * be a statement (not a heading: closed by a full stop) whose subject is that speaker again,
 * by "he" or "she" (or the same pronoun as the speaker's) or by the same name; a sentence about anyone or
 * anything else ends the carry ("They" after a named speaker is as often the things just spoken of).
 */
function carryAcrossNarration(
  contexts: QuoteContext[],
  parser: SpeakerParser,
  tokens: Token[],
  sentences: Sentence[],
  text: string,
): void {
  contexts.forEach((c, k) => {
    if (c.attribution || c.inheritedFrom !== undefined || k === 0) return;
    if (!wholeSentence(c, tokens)) return;
    const prev = contexts[k - 1] as QuoteContext;
    const source = prev.inheritedFrom ?? k - 1;
    const speaker = contexts[source]?.attribution?.speaker;
    if (!speaker) return;
    const from = narrationAfter(prev, tokens, sentences);
    const between = c.firstSentence - from;
    if (between < 1 || between > MAX_CARRY_SENTENCES) return;
    if (paragraphsBetween(text, prev.span.markEnd, c.span.markStart) > MAX_CARRY_PARAGRAPHS) return;
    let renamed: SpeakerPhrase | undefined;
    for (let s = from; s < c.firstSentence; s++) {
      const subject = subjectIsSpeaker(sentences[s] as Sentence, speaker, parser, text);
      if (!subject) return;
      if (subject.kind === "name") renamed = subject;
    }
    // Named again in between ('Ana Ruiz walked to the quay.'): that nearer naming is the one a reader goes back to.
    if (renamed) c.attribution = { speaker: renamed, from: renamed.phraseFrom ?? renamed.from, to: renamed.to };
    else c.inheritedFrom = source;
  });
}

/**
 * The first sentence after a quotation and its own attribution ('"...," Ana Ruiz said.' or '"..." Ana Ruiz
 * said.' on the next line): what follows is narration. A tail that read on into a next sentence without finding
 * an attribution there leaves that sentence to narration.
 */
function narrationAfter(c: QuoteContext, tokens: Token[], sentences: Sentence[]): number {
  const attributed = c.attribution ? sentenceAt(sentences, (tokens[c.attribution.to - 1] as Token).start) : 0;
  return Math.max(c.lastSentence, attributed) + 1;
}

/** Pronouns that take up a named person quoted just before as the subject of a sentence. */
const CARRYING_PRONOUNS = wordSet(`
  he she
`);

/**
 * The subject of a sentence of narration when it is `speaker` again (see `carryAcrossNarration`); nothing when
 * the sentence is a heading (no closing full stop) or is about someone or something else, or has no subject
 * followed by a verb ("Ruiz.").
 */
function subjectIsSpeaker(
  sentence: Sentence,
  speaker: SpeakerPhrase,
  parser: SpeakerParser,
  text: string,
): SpeakerPhrase | undefined {
  if (!/[.!?…]\s*$/u.test(text.slice(sentence.start, sentence.end))) return undefined;
  const subject = parser.clauseSubject(sentence.tokenStart, sentence.tokenEnd);
  if (!subject) return undefined;
  const said = parser.slice(speaker.from, speaker.to).text.toLowerCase();
  const is = parser.slice(subject.from, subject.to).text.toLowerCase();
  const same =
    subject.kind === "pronoun"
      ? speaker.kind === "pronoun"
        ? said === is
        : CARRYING_PRONOUNS.has(is)
      : subject.kind === "name" && speaker.kind === "name" && lastWord(said) === lastWord(is);
  return same ? subject : undefined;
}

/**
 * Words that may stand between a described subject and the name in apposition to it ("A fisherman on the
 * quay, Tomas Berg, ..."): the rest of the noun phrase, never a clause.
 */
const MAX_APPOSITION_GAP = 5;
const CLAUSE_WORDS = wordSet(`
  who whom whose which that when where while after before because said says told
`);

/** The name set off by commas right after a described subject and what completes it, if any. */
function appositiveName(parser: SpeakerParser, from: number, before: number): SpeakerPhrase | undefined {
  let comma = from;
  while (comma < before && comma - from <= MAX_APPOSITION_GAP && parser.token(comma)?.text !== ",") {
    const t = parser.token(comma) as Token;
    if (!isWord(t) || isCapitalised(t) || CLAUSE_WORDS.has(lower(t))) return undefined;
    comma++;
  }
  if (parser.token(comma)?.text !== ",") return undefined;
  const named = parser.phraseAfter(comma + 1, before);
  return named?.kind === "name" && parser.token(named.to)?.text === "," ? named : undefined;
}

/** How far before a name its title words may start ("retired fisherman Tomas Berg"). */
const TITLE_ZONE_CHARS = 30;

/**
 * The words that describe a name in its sentence: the title words just before it and the comma-set appositive
 * right after it ("Tomas Berg, a fisherman from Lisle, said"), not a relative clause ("who met the mayor").
 */
function apposition(sentence: string, start: number, end: number): string {
  const segments = sentence.slice(end).split(",");
  const appositive = segments[1] ?? "";
  const described = /^\s*(?:who|whom|whose|which|that)\b/u.test(appositive) ? "" : appositive;
  return `${sentence.slice(Math.max(0, start - TITLE_ZONE_CHARS), end)} ${segments[0] ?? ""} ${described}`;
}

function lastWord(name: string): string {
  return (name.match(/[\p{L}'’-]+$/u)?.[0] ?? name).toLowerCase();
}

function paragraphsBetween(text: string, from: number, to: number): number {
  return (text.slice(from, to).match(/\n\s*/gu) ?? []).length;
}

/** No words before the opening mark and none after the closing one in its sentences. */
function wholeSentence(c: QuoteContext, tokens: Token[]): boolean {
  for (let i = c.leadFrom; i < c.leadTo; i++) if (isWord(tokens[i] as Token)) return false;
  for (let i = c.tailFrom; i < c.ownTailTo; i++) if (isWord(tokens[i] as Token)) return false;
  return true;
}

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;
}

/**
 * Which quotations to report. Never: named-as terms ("so-called 'X'"), nicknames between the parts of a name
 * (Marcia "Cia" Price), and titles (every content word capitalised: shows, books, events, headlines). A fragment
 * inside a sentence with nobody found saying it is a scare quote or a term and is dropped when it is short
 * (SCARE_QUOTE_MAX_WORDS); a whole quoted sentence stays even without a speaker.
 */
function keep(c: QuoteContext, text: string, tokens: Token[], attributed: boolean): boolean {
  const before = tokens[c.leadTo - 1];
  const after = tokens[c.tailFrom];
  const quoted = text.slice(c.span.start, c.span.end);
  const words = wordCount(quoted);
  if (before && NAMING_BEFORE.has(lower(before))) return false;
  const betweenNames = before && after && isCapitalised(before) && isCapitalised(after) && isWord(after);
  if (betweenNames && words <= SCARE_QUOTE_MAX_WORDS) return false;
  // A title-like quotation alone on its line is a heading, unless double marks close a sentence ('"We Are Home."'
  // said on a line of its own); headings quote in single marks, full stop or not.
  const heading = ownParagraph(c, text) && (c.span.kind === "single" || !/[.!?…]$/u.test(quoted));
  if (isTitle(quoted) && !inHeadline(c, tokens) && !(wholeSentence(c, tokens) && !heading)) return false;
  if (attributed) return true;
  if (wholeSentence(c, tokens)) return true;
  return words > SCARE_QUOTE_MAX_WORDS;
}

/**
 * Longest quoted span that can be read as a title from its capitals. Titles of shows, books and events run to
 * a handful of words; a longer run of capitals is a headline-style quotation and stays.
 */
export const TITLE_MAX_WORDS = 8;

/** Small words that stay lower case in titles. */
const TITLE_SMALL_WORDS = wordSet(`
  a an the of and or in on at to for with by from is as vs nor
`);

/** Capitals say nothing about a quotation inside a headline, where every word has them. */
function inHeadline(c: QuoteContext, tokens: Token[]): boolean {
  const around = [...tokens.slice(c.leadFrom, c.leadTo), ...tokens.slice(c.tailFrom, c.ownTailTo)].filter(isWord);
  return around.length >= 2 && around.every((t) => isCapitalised(t) || TITLE_SMALL_WORDS.has(t.text));
}

/** A quotation standing alone as a paragraph (a section heading when it looks like a title). */
function ownParagraph(c: QuoteContext, text: string): boolean {
  const before = text.slice(0, c.span.markStart);
  const after = text.slice(c.span.markEnd);
  return /(?:^|\n)[ \t]*$/u.test(before) && /^[.!?,;: \t]*(?:\n|$)/u.test(after);
}

/** Two or more words, each capitalised unless it is a small word: "Face the Nation", "All Bets Are Off". */
function isTitle(quoted: string): boolean {
  const words = quoted.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
  if (words.length < 2 || words.length > TITLE_MAX_WORDS) return false;
  return words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && TITLE_SMALL_WORDS.has(w)));
}

/**
 * The kind of organisation a name says it is, lower-cased: its last word, or the word before its first "of"
 * ("Velmar Port Authority": "authority"; "Ministry of Fisheries": "ministry"); undefined for a one-word name,
 * which says no kind.
 */
export function organisationKind(name: string): string | undefined {
  const words = name.split(/\s+/u);
  const of = words.indexOf("of");
  const kind = of > 0 ? words[of - 1] : words.length > 1 ? words[words.length - 1] : undefined;
  return kind && /^\p{Lu}\p{Ll}+$/u.test(kind) ? kind.toLowerCase() : undefined;
}

/** Words before a kind that take up one already named ("the board", "its board"). */
const TAKING_UP = new Set(["the", "this", "that", "its", "their"]);

/**
 * Whether `between` introduces another organisation of a kind: the kind word after anything but a word that
 * takes one up or a word of the description itself ("the trade group" or "a group of growers" between "Velmar
 * Growers Group" and "the group said"; not "the budget office" between "Velmar Budget Office" and "the budget
 * office said").
 */
function anotherOfKind(between: string, kind: string, description: string): boolean {
  const own = new Set(description.toLowerCase().split(/[^\p{L}-]+/u));
  const words = between.toLowerCase().split(/[^\p{L}-]+/u);
  return words.some((w, i) => w === kind && !TAKING_UP.has(words[i - 1] ?? "") && !own.has(words[i - 1] ?? ""));
}

/** Words by which a description sets its organisation apart from one named ("a rival union's leader"). */
const OTHER_ONE = new Set(["another", "other", "rival", "opposing", "opposition", "competing", "former"]);
/** Words after which the word before them heads a noun phrase ("the board of", "a spokesman for the port"). */
const AFTER_HEAD = new Set(["of", "for", "at", "from", "with", "in", "on", "to"]);

/**
 * The lower-case words of a description that may name an organisation by its kind: a noun phrase's last word
 * ("the authority", "the board of …"), a possessor ("the bank's board") and the word before a member's title
 * ("a cooperative spokeswoman"); only kinds that end organisations' names (`ORG_HEADS`). Empty when the
 * description sets its organisation apart ("another", "rival").
 */
export function descriptionHeads(description: string): Set<string> {
  const words = description.split(/\s+/u).filter((w) => w.length > 0);
  const heads = new Set<string>();
  words.forEach((raw, i) => {
    const possessive = /['’]s?$/u.test(raw);
    const word = raw.replace(/['’]s?$/u, "").replace(/[^\p{L}-]+/gu, "");
    const next = words[i + 1]?.toLowerCase().replace(/[^\p{L}]+/gu, "");
    const isHead = possessive || next === undefined || AFTER_HEAD.has(next) || (next !== "" && ORG_MEMBERS.has(next));
    if (isHead && /^\p{Ll}/u.test(word) && ORG_HEADS.has(word)) heads.add(word);
  });
  return words.some((w) => OTHER_ONE.has(w.toLowerCase())) ? new Set() : heads;
}

/** Longest definite description read as taking up a named speaker ("the 30-year-old retired bus driver"). */
const MAX_DESCRIPTION_WORDS = 5;
/** An age in a description: "the 30-year-old". */
const AGE = /\b(\d{1,3})-year-old\b/u;
/** Ages given where a speaker is named: "Ann Lee, 30," or "30-year-old Ann Lee". */
const AGES_IN_TEXT = /\b(\d{1,3})-year-old\b|,\s(\d{1,3}),/gu;

/** Titles that say a person's sex; the pronoun of the other sex does not take up a name they stand before. */
const SEX_OF_TITLE: Record<string, "male" | "female"> = {
  mr: "male",
  sir: "male",
  lord: "male",
  king: "male",
  prince: "male",
  mrs: "female",
  ms: "female",
  miss: "female",
  lady: "female",
  dame: "female",
  queen: "female",
  princess: "female",
};
const OTHER_SEX: Record<string, "male" | "female"> = { he: "female", she: "male" };
/** How far before a name its title may start ("Mr. ", "Princess "). */
const TITLE_LOOKBACK = 10;
/** A title as the last word before a name, or as its first word. */
const TITLE_BEFORE_NAME = /\b(Mr|Mrs|Ms|Miss|Sir|Lord|Lady|Dame|King|Queen|Prince|Princess)\.?\s+$/u;
const TITLE_FIRST = /^(Mr|Mrs|Ms|Miss|Sir|Lord|Lady|Dame|King|Queen|Prince|Princess)\b/u;

/** A gendered title before a surname, with given names between ("Mr Pedro Ruiz", "Ms. Ruiz"). */
function titledSurname(surname: string): RegExp {
  const escaped = surname.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(
    `\\b(Mr|Mrs|Ms|Miss|Sir|Lord|Lady|Dame|King|Queen|Prince|Princess)\\.?\\s+(?:\\p{Lu}[\\p{L}'’-]*\\s+){0,2}${escaped}(?![\\p{L}])`,
    "uy",
  );
}

/** Where a gendered title starts: the only places a match of `titledSurname` can start. */
const TITLE_START = /\b(?:Mr|Mrs|Ms|Miss|Sir|Lord|Lady|Dame|King|Queen|Prince|Princess)/gu;

const FITS: Record<string, EntityType[]> = {
  he: ["person"],
  she: ["person"],
  it: ["organization"],
  they: ["organization", "person"],
};

/** A speaker referred to at `at`, by name or by a pronoun resolved to it. */
interface Referent {
  mention: Mention;
  type: EntityType;
  at: number;
}

/** Turns found speaker phrases into SpeakerRefs, resolving pronouns and descriptions to mentions. */
export class Resolver {
  /**
   * Speakers named so far, in text order, with the type a pronoun may take them for: a name quoted as a
   * speaker and typed "other" is taken for a person.
   */
  private readonly named: Referent[] = [];
  /** What the article's titles say of each surname's sex: null when nothing, or both sexes. */
  private readonly sexBySurname = new Map<string, "male" | "female" | null>();
  /** `sexOf` of each mention asked about: every pronoun asks it of every name in its window. */
  private readonly sexByMention = new Map<Mention, "male" | "female" | undefined>();
  /** Where the text's gendered titles start (`TITLE_START`), found on first use. */
  private titleStarts: number[] | undefined;
  private readonly mentions: Mention[];

  constructor(
    private readonly text: string,
    mentions: Mention[],
    private readonly spans: QuotedSpan[],
    private readonly sentences: Sentence[],
  ) {
    // Names inside quotations are what was said, not who said it.
    this.mentions = mentions.filter((m) => !spans.some((s) => m.start >= s.start && m.end <= s.end));
  }

  /** `anchor`: where the quotation starts; a pronoun's antecedent is looked for before it. */
  speaker(found: FoundAttribution, parser: SpeakerParser, anchor: number): SpeakerRef {
    const phrase = found.speaker;
    const words = parser.slice(phrase.from, phrase.to);
    const ref: SpeakerRef = { start: words.start, end: words.end, text: words.text, kind: phrase.kind };
    if (phrase.kind === "name") {
      this.named.push({ ...this.mentionFor(words.start, words.end), at: words.start });
    } else if (phrase.kind === "pronoun") {
      const resolved = this.resolvePronoun(words.text.toLowerCase(), words.start, anchor, parser);
      if (resolved) {
        ref.resolved = resolved.mention;
        this.named.push({ ...resolved, at: words.start });
      } else {
        const antecedent = this.describedAntecedent(words.text.toLowerCase(), Math.min(words.start, anchor), parser);
        if (antecedent) ref.antecedent = antecedent;
      }
    } else {
      const modifierEnd =
        phrase.modifierTo === undefined ? words.end : parser.slice(phrase.from, phrase.modifierTo).end;
      const resolved =
        this.organisationWithin(words.start, words.end) ??
        this.groupWithin(words.start, words.end) ??
        this.organisationWithin(words.end, modifierEnd);
      if (resolved) ref.resolved = resolved;
      else {
        const person = this.describedPerson(words.text, words.start, anchor);
        const taken = person ?? this.describedOrganisation(words.text, words.start);
        if (taken) {
          ref.resolved = taken.mention;
          this.named.push({ ...taken, at: words.start });
        }
      }
    }
    return ref;
  }

  /**
   * The person a definite description takes up ("the 41-year-old added", "the fisherman said"): the speaker
   * named last within the pronoun window, when the description gives an age and that sentence gives no other
   * one, or when its head word stands in the sentence that named the speaker ("Tomas Berg, a fisherman, said").
   * A description with a name in it, or an indefinite one ("a fisherman"), introduces someone new.
   */
  private describedPerson(description: string, at: number, anchor: number): Omit<Referent, "at"> | undefined {
    const words = description.split(/\s+/u);
    if (words[0]?.toLowerCase() !== "the" || words.length < 2 || words.length > MAX_DESCRIPTION_WORDS) return undefined;
    if (words.slice(1).some((w) => /^\p{Lu}/u.test(w))) return undefined;
    const here = sentenceAt(this.sentences, Math.min(at, anchor));
    const windowStart = this.sentences[Math.max(0, here - PRONOUN_WINDOW_SENTENCES)]?.start ?? 0;
    const last = this.named.filter((n) => n.at >= windowStart && n.mention.end <= at).pop();
    if (last?.type !== "person") return undefined;
    const sentence = this.sentences[sentenceAt(this.sentences, last.mention.start)] as Sentence;
    const told = this.unquoted(sentence.start, sentence.end);
    const age = AGE.exec(description)?.[1];
    if (age) {
      const ages = [...told.matchAll(AGES_IN_TEXT)].map((m) => m[1] ?? m[2]);
      return ages.length === 0 || ages.includes(age) ? last : undefined;
    }
    const head = (words[words.length - 1] as string).toLowerCase();
    const zone = apposition(told, last.mention.start - sentence.start, last.mention.end - sentence.start);
    return head.length > 2 &&
      zone
        .toLowerCase()
        .split(/[^\p{L}\p{N}-]+/u)
        .includes(head)
      ? last
      : undefined;
  }

  /**
   * The latest name that is the subject of a sentence after the one holding `since` and before the quotation
   * at `anchor` ("Tomas Berg, 45, watched from the pier."), with a detected mention of a type the pronoun fits.
   */
  private subjectSince(
    since: number,
    here: number,
    anchor: number,
    fits: EntityType[],
    parser: SpeakerParser,
  ): Omit<Referent, "at"> | undefined {
    const first = sentenceAt(this.sentences, since) + 1;
    for (let s = here; s >= first; s--) {
      const sentence = this.sentences[s] as Sentence;
      const before = s === here ? Math.min(sentence.tokenEnd, parser.tokenAtOrAfter(anchor)) : sentence.tokenEnd;
      let phrase = parser.clauseSubject(sentence.tokenStart, before);
      if (phrase?.kind === "description") phrase = appositiveName(parser, phrase.to, before) ?? phrase;
      if (phrase?.kind !== "name") continue;
      const words = parser.slice(phrase.from, phrase.to);
      if (this.spans.some((q) => words.start >= q.markStart && words.start < q.markEnd)) continue;
      const mention = this.mentions.find((m) => m.start < words.end && m.end > words.start && fits.includes(m.type));
      if (mention) return { mention, type: mention.type };
    }
    return undefined;
  }

  /**
   * What a title in or right before a name says of the person's sex ("Mr. Lee", "Queen Ana"), or else a title
   * the article gives the same surname elsewhere ("Governor Ana Ruiz" … "Ms Ruiz"), when it gives it only one.
   */
  private sexOf(m: Mention): "male" | "female" | undefined {
    if (this.sexByMention.has(m)) return this.sexByMention.get(m);
    const sex = this.readSex(m);
    this.sexByMention.set(m, sex);
    return sex;
  }

  private readSex(m: Mention): "male" | "female" | undefined {
    const before = this.text.slice(Math.max(0, m.start - TITLE_LOOKBACK), m.start);
    const word = (TITLE_FIRST.exec(m.text)?.[1] ?? TITLE_BEFORE_NAME.exec(before)?.[1])?.toLowerCase();
    if (word) return SEX_OF_TITLE[word];
    const surname = /\p{Lu}[\p{L}'’-]+$/u.exec(m.text)?.[0];
    if (!surname) return undefined;
    let known = this.sexBySurname.get(surname);
    if (known === undefined) {
      const sexes = new Set<"male" | "female">();
      for (const t of this.titledMatches(surname)) {
        const sex = SEX_OF_TITLE[(t[1] as string).toLowerCase()];
        if (sex) sexes.add(sex);
      }
      known = sexes.size === 1 ? ([...sexes][0] as "male" | "female") : null;
      this.sexBySurname.set(surname, known);
    }
    return known ?? undefined;
  }

  /**
   * The matches of `titledSurname(surname)` in the text, as `matchAll` finds them: tried only where a title
   * starts, so each surname costs a look at the article's few titles, not a scan of the whole article.
   */
  private titledMatches(surname: string): RegExpExecArray[] {
    this.titleStarts ??= [...this.text.matchAll(TITLE_START)].map((m) => m.index);
    const out: RegExpExecArray[] = [];
    // Most articles write no title: the surname's pattern is not even made then.
    if (this.titleStarts.length === 0) return out;
    const pattern = titledSurname(surname);
    let from = 0;
    for (const at of this.titleStarts) {
      if (at < from) continue;
      pattern.lastIndex = at;
      const m = pattern.exec(this.text);
      if (!m) continue;
      out.push(m);
      from = at + m[0].length;
    }
    return out;
  }

  /** The text of [start, end) with quoted words blanked out: what the article says, not what it quotes. */
  private unquoted(start: number, end: number): string {
    let out = this.text.slice(start, end);
    for (const s of this.spans) {
      if (s.end <= start || s.start >= end) continue;
      const a = Math.max(s.start, start) - start;
      const b = Math.min(s.end, end) - start;
      out = out.slice(0, a) + " ".repeat(b - a) + out.slice(b);
    }
    return out;
  }

  /** The mention of a named speaker: the longest overlapping one, or the name itself with a guessed type. */
  private mentionFor(start: number, end: number): { mention: Mention; type: EntityType } {
    const overlapping = this.mentions.filter((m) => m.start < end && m.end > start);
    const best = overlapping.sort((a, b) => b.end - b.start - (a.end - a.start))[0];
    const text = this.text.slice(start, end);
    const mention = best ?? { start, end, text, type: guessType(text.split(/\s+/u), "") };
    // Someone quoted by name is a person unless the name says it is an organisation or a place.
    return { mention, type: mention.type === "other" ? "person" : mention.type };
  }

  /**
   * The organisation a description takes up by the kind its name ends in: "the cooperative said", "a spokesman
   * for the authority", "a cooperative spokeswoman" after "Kestrel Bay Fishing Cooperative" or "Velmar Port
   * Authority" was named; the nearest such organisation named before the description is the one meant. Only
   * the description's heads count (`descriptionHeads`): in "a resident of the bay" after "Kestrel Bay
   * Cooperative" the bay is a place, and in "a court document" the court is not the speaker.
   */
  private describedOrganisation(description: string, at: number): Omit<Referent, "at"> | undefined {
    const heads = descriptionHeads(description);
    if (heads.size === 0) return undefined;
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i] as Mention;
      if (m.end > at || m.type !== "organization") continue;
      const kind = organisationKind(m.text);
      if (!kind || !heads.has(kind)) continue;
      return anotherOfKind(this.text.slice(m.end, at), kind, description) ? undefined : { mention: m, type: m.type };
    }
    return undefined;
  }

  private organisationWithin(start: number, end: number): Mention | undefined {
    return this.mentions.find((m) => m.start >= start && m.end <= end && m.type === "organization");
  }

  /**
   * A non-possessive name inside a description that is not a place ("a Harakat al-Sahel commander"): detectors
   * often type a group's name as a person, and the description says it is the speaker's group. A possessive
   * ("the minister's adviser") names someone else.
   */
  private groupWithin(start: number, end: number): Mention | undefined {
    return this.mentions.find(
      (m) =>
        m.start >= start &&
        m.end <= end &&
        (m.type === "organization" || m.type === "person") &&
        !/['’]s?$/u.test(this.text.slice(m.end, m.end + 2).replace(/\s.*$/u, "")) &&
        !/['’]s$/u.test(m.text),
    );
  }

  /**
   * The description a personal pronoun takes up when no name does: the subject of an earlier sentence in the
   * window, led by a determiner ("One crane operator, who asked not to be named, described the night.").
   */
  private describedAntecedent(pronoun: string, at: number, parser: SpeakerParser): SpeakerRef["antecedent"] {
    const subject = SPEAKER_PRONOUNS[pronoun];
    if (subject !== "he" && subject !== "she" && subject !== "they") return undefined;
    const here = sentenceAt(this.sentences, at);
    for (let s = here - 1; s >= 0 && here - s <= PRONOUN_WINDOW_SENTENCES; s--) {
      const sentence = this.sentences[s] as Sentence;
      const phrase = parser.clauseSubject(sentence.tokenStart, sentence.tokenEnd);
      if (phrase?.kind !== "description") continue;
      const words = parser.slice(phrase.from, phrase.to);
      // Words inside a quotation are what was said ('"The fire is out," said a spokesman. He added ...').
      if (!this.spans.some((q) => words.start >= q.markStart && words.start < q.markEnd)) return words;
    }
    return undefined;
  }

  private resolvePronoun(
    pronoun: string,
    at: number,
    anchor: number,
    parser: SpeakerParser,
  ): Omit<Referent, "at"> | undefined {
    const subject = SPEAKER_PRONOUNS[pronoun];
    const fits = subject ? FITS[subject] : undefined;
    if (!fits) return undefined;
    const here = sentenceAt(this.sentences, Math.min(at, anchor));
    const windowStart = this.sentences[Math.max(0, here - PRONOUN_WINDOW_SENTENCES)]?.start ?? 0;
    // Recency counts from the last time the speaker was referred to, so a run of "he said" keeps its referent.
    // A title that says the other sex rules a name out ("she" is not "Mr. Lee").
    const other = OTHER_SEX[subject ?? ""];
    const agrees = (m: Mention) => other === undefined || this.sexOf(m) !== other;
    const recent = this.named.filter((n) => n.at >= windowStart && n.mention.end <= at && agrees(n.mention)).reverse();
    const speaker = recent.find((n) => fits.includes(n.type));
    if (speaker) {
      // Someone else named as the subject of a sentence since then is whom the pronoun takes up.
      const newer = this.subjectSince(speaker.at, here, anchor, fits, parser);
      return newer && lastWord(newer.mention.text) !== lastWord(speaker.mention.text) ? newer : speaker;
    }
    for (let s = here; s >= 0 && here - s <= PRONOUN_WINDOW_SENTENCES; s--) {
      const sentence = this.sentences[s] as Sentence;
      const first = this.mentions.find(
        (m) => m.start >= sentence.start && m.end <= Math.min(sentence.end, at) && fits.includes(m.type) && agrees(m),
      );
      if (first) return { mention: first, type: first.type };
    }
    if (subject !== "he" && subject !== "she") return undefined;
    // "he said" after a named speaker whose name was typed as something else: the pronoun says it is a person.
    const named = recent.find((n) => n.type !== "place");
    return named ? { mention: named.mention, type: "person" } : undefined;
  }
}
