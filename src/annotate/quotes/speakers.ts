import type { Token } from "../../model/index.js";
import { isPastForm } from "../../words/verbs.js";
import { NOUN_LIKE_LEMMAS, speechVerb, TAIL_ONLY_LEMMAS, type VerbForm, WEAK_LEMMAS } from "./speech-verbs.js";
import {
  BETWEEN_SUBJECT_AND_VERB,
  CONNECTORS,
  DETERMINERS,
  isCapitalised,
  isNumber,
  isWord,
  lower,
  NAME_PARTICLES,
  SEGMENT_LEADS,
  SPEAKER_PRONOUNS,
  STOP_WORDS,
  wordSet,
} from "./words.js";

/** Words after a figure that make it a length of time, not a count. */
const TIME_AFTER_FIGURE = /^(?:seconds?|minutes?|hours?|days?|weeks?|later|earlier|ago)$/u;

/**
 * Longest speaker phrase, in words. Real ones ("the U.S. State Department's top spokesman for the region") stay
 * under this; longer runs are clauses that were misread as a noun phrase.
 */
export const MAX_SPEAKER_WORDS = 9;

/** How many commas an appositive between a subject and its verb may contain ("X, 45, a lawyer, said"). */
export const MAX_APPOSITIVE_COMMAS = 3;

/** Longest appositive, in tokens: a title with a relative clause, not a second sentence. */
export const MAX_APPOSITIVE_TOKENS = 30;

/** How many words may stand between a weak speech verb and the quotation it introduces ("wrote on Twitter:"). */
export const MAX_WEAK_VERB_GAP = 5;
/** Tokens a relative clause may hold between its subject and the speech verb ("who asked not to be named"). */
const MAX_RELATIVE_TOKENS = 25;

/** A speaker phrase as token indices [from, to). */
export interface SpeakerPhrase {
  from: number;
  to: number;
  kind: "name" | "pronoun" | "description";
  /** Where the phrase began before a leading "the" was left out of a name ("the Times" -> Times). */
  phraseFrom?: number;
  /** End (exclusive) of words attached to the phrase but trimmed from it (appositives), for resolution. */
  modifierTo?: number;
}

/** A speaker and the attribution words (cue and speaker) as a token range [from, to). */
export interface FoundAttribution {
  speaker: SpeakerPhrase;
  from: number;
  to: number;
}

/** Heads that are plural without an -s ("police said"), so they may stand without a determiner. */
const PLURAL_HEADS = wordSet(`
  police staff people personnel media press military government
`);

/** Subordinators and punctuation after which a subject may start without a determiner ("officials said"). */
const CLAUSE_OPENERS = wordSet(`
  and but that while because as when if since after before although though so yet where whereas meanwhile
  however
`);

/**
 * Predicates before "to" whose subject is the subject of the infinitive ("Ann Lee is expected to say", "plans
 * to tell"): the speaker of what follows. Verbs of refusing are left out: who refused to say said nothing.
 */
const SUBJECT_TO_INFINITIVE = wordSet(`
  expected set due likely going poised about ready scheduled plans planned planning wants wanted intends
  intended hopes hoped
`);

/** Lemmas that open a sentence capitalised before their speaker ('Said Ann Lee: "..."'). */
const INVERTED_OPENERS = wordSet(`
  say add write ask continue explain recall note
`);

/** Adverbs that follow a measure of time in an opening adverbial ("Hours later,", "Weeks ago,"). */
const OPENING_TIME_ADVERBS = wordSet(`
  later earlier ago afterwards after before
`);

/** Words that open a relative clause after a speaker's name. */
const RELATIVES = wordSet(`
  who whom whose which that
`);

const BARE_NUMBER = /^\p{N}[\p{N}.,]*$/u;
const CLAUSE_PUNCT = /^[.;:!?"“”‘’«»()[\]…]$/u;
const DASH = /^[—–-]$/u;

function isQuoteMark(token: Token | undefined): boolean {
  return token !== undefined && /^(?:["“”‘’'«»„`]|''|``)$/u.test(token.text);
}

/**
 * Reads speaker phrases and speech verbs over the tokens of one text. Capitalisation and a few closed word
 * lists stand in for a parser; every rule reads only the words around one speech verb.
 */
/** Words after which a speech verb's form is a noun ("the report", "her claim"): articles and possessives. */
const NOUN_DETERMINERS = new Set(["a", "an", "the", "his", "her", "its", "their", "our", "my", "your"]);

export class SpeakerParser {
  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  token(i: number): Token | undefined {
    return this.tokens[i];
  }

  /** Index of the first token that starts at or after `offset`. */
  tokenAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.tokens[mid] as Token).start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  lower(i: number): string {
    return lower(this.tokens[i]);
  }

  /** The speech verb at token i, if any, with the way it may be used. */
  verb(i: number): VerbForm | undefined {
    const t = this.tokens[i];
    if (!t) return undefined;
    if (!/^\p{Ll}/u.test(t.text)) return this.invertedOpening(i);
    // "as X put it": the only sense of "put" that reports words.
    if ((t.text === "put" || t.text === "puts") && this.lower(i + 1) === "it") {
      return { lemma: "put", form: "past", naming: false };
    }
    // "so-called" is one token, so the "called" inside it never counts.
    const verb = speechVerb(t.text);
    // After an article or a possessive the word is a noun: "the Queen's state funeral", "the mayor's report".
    if (verb && this.nounPosition(i)) return undefined;
    // "a police report", "a phone call": the bare form of a lemma that is as often a noun, after "a" and one
    // word, is that noun; a verb after a singular subject there would end in -s ("a spokesman reports"), and a
    // plain verb of saying after a share is one ("a third say").
    if (
      verb?.form === "base" &&
      (NOUN_LIKE_LEMMAS.has(verb.lemma) || verb.naming) &&
      /^an?$/u.test(this.lower(i - 2)) &&
      /^\p{Ll}+$/u.test(this.tokens[i - 1]?.text ?? "")
    )
      return undefined;
    // "Ana Ruiz added 16 points" adds a figure, not words; "added 10 minutes later" may still report them.
    if (verb?.lemma === "add" && this.figureFollows(i)) return undefined;
    return verb;
  }

  /** Whether a figure follows the word at `i` ("16 points"), other than a length of time ("10 minutes later"). */
  private figureFollows(i: number): boolean {
    const next = this.tokens[i + 1];
    if (!next || !/^\d/u.test(next.text)) return false;
    return !TIME_AFTER_FIGURE.test(this.lower(i + 2));
  }

  /** Whether the word at `i` follows an article, a possessive determiner or a possessive "'s". */
  private nounPosition(i: number): boolean {
    const before = this.tokens[i - 1];
    if (!before) return false;
    const word = lower(before);
    return NOUN_DETERMINERS.has(word) || /^['’]s$|\p{L}['’]s$|s['’]$/u.test(before.text);
  }

  /**
   * A capitalised "Said" or "Added" opening a sentence before its speaker ('Said Ann Lee: "..."'); elsewhere a
   * capitalised form is a name (Edward Said, the Post).
   */
  private invertedOpening(i: number): VerbForm | undefined {
    const t = this.tokens[i] as Token;
    const before = this.tokens[i - 1];
    const after = this.tokens[i + 1];
    if ((before && isWord(before)) || !after || !(isCapitalised(after) || DETERMINERS.has(lower(after))))
      return undefined;
    const verb = speechVerb(t.text);
    return verb && INVERTED_OPENERS.has(verb.lemma) && verb.form !== "ing" && verb.form !== "base" ? verb : undefined;
  }

  /** A period glued to a word and followed by a comma or a lower-case word ends an abbreviation (R-Ky.), not a clause. */
  isAbbreviationPeriod(i: number): boolean {
    const t = this.tokens[i];
    const before = this.tokens[i - 1];
    const after = this.tokens[i + 1];
    if (t?.text !== "." || !before || !after || before.end !== t.start) return false;
    return after.text === "," || /^\p{Ll}/u.test(after.text);
  }

  isWeak(verb: VerbForm): boolean {
    return WEAK_LEMMAS.has(verb.lemma);
  }

  isTailOnly(verb: VerbForm): boolean {
    return TAIL_ONLY_LEMMAS.has(verb.lemma);
  }

  /** Names the words [from, to) as a name, a pronoun or a description, or rejects them. */
  classify(from: number, to: number, openedClause: boolean): SpeakerPhrase | undefined {
    while (from < to && (CONNECTORS.has(this.lower(from)) || this.lower(from) === "and")) from++;
    while (to > from && this.isTrailingJunk(to - 1, from)) to--;
    if (to <= from) return undefined;
    const first = this.tokens[from] as Token;
    if (to - from === 1 && SPEAKER_PRONOUNS[lower(first)] && !DETERMINERS.has(lower(first))) {
      return { from, to, kind: "pronoun" };
    }
    if (to - from === 1 && (lower(first) === "her" || lower(first) === "it")) return { from, to, kind: "pronoun" };
    const words = this.tokens.slice(from, to);
    const content = words.filter((w) => {
      const l = lower(w);
      return !CONNECTORS.has(l) && !NAME_PARTICLES.has(l) && l !== "the" && l !== "and" && l !== "&";
    });
    if (content.length === 0) return undefined;
    if (content.every((w) => isCapitalised(w) || isNumber(w)) && content.some(isCapitalised)) {
      if (lower(first) === "the") return { from: from + 1, to, kind: "name", phraseFrom: from };
      return { from, to, kind: "name" };
    }
    const lastWord = lower(words[words.length - 1]);
    // A bare figure ends no noun phrase; a compound that starts with one ("the 30-year-old") is a head.
    if (DETERMINERS.has(lastWord) || BARE_NUMBER.test(lastWord)) return undefined;
    const led = DETERMINERS.has(lower(first)) || isNumber(first) || isCapitalised(first) || /['’]s$/u.test(first.text);
    // "police investigating the fire", "figures published by the ministry": the head is the noun the participle
    // or "by" follows, not their object.
    const cut = words.findIndex((w, i) => i > 0 && (lower(w) === "by" || this.participleAfterNoun(from + i, from)));
    let headAt = cut > 0 ? cut - 1 : words.length - 1;
    while (headAt > 0 && isPastForm((words[headAt] as Token).text)) headAt--;
    const head = lower(words[headAt]);
    const plural = /s$/u.test(head) || PLURAL_HEADS.has(head);
    // "coach Lee Park", "state senator Ann Lee", "47-year-old ferry pilot Ann Lee": lower-case title words before a
    // full name; after a connector the name is an affiliation ("a spokesman for Acme Group"), after a verb form
    // the object of a clause ("the council thanked Ann Lee").
    const beforeName = words[words.length - 3];
    const titledName =
      words.length >= 3 &&
      words.slice(-2).every(isCapitalised) &&
      (!led ||
        (beforeName !== undefined &&
          /^\p{Ll}/u.test(beforeName.text) &&
          !/(?:ed|ing)$/u.test(beforeName.text) &&
          !CONNECTORS.has(lower(beforeName)) &&
          !DETERMINERS.has(lower(beforeName))));
    if (titledName) return { from, to, kind: "name" };
    if (!led && !(openedClause && plural)) return undefined;
    return { from, to, kind: "description" };
  }

  /** Determiners, connectors and trailing participles end no noun phrase ("the report published Monday"). */
  private isTrailingJunk(i: number, from: number): boolean {
    const l = this.lower(i);
    if (!isWord(this.tokens[i] as Token)) return true;
    if (CONNECTORS.has(l) || NAME_PARTICLES.has(l) || l === "and" || l === "&" || l === "by") return true;
    if (DETERMINERS.has(l) && i > from) return true;
    // "the report published Monday" loses "published"; "the ruling" keeps its head.
    return (
      i > from && /^\p{Ll}+(?:ed|ing)$/u.test((this.tokens[i] as Token).text) && !DETERMINERS.has(this.lower(i - 1))
    );
  }

  /** The noun phrase that starts at token i and ends before `limit`: a pronoun, a name or a description. */
  phraseAfter(i: number, limit: number, authored = false): SpeakerPhrase | undefined {
    const first = this.tokens[i];
    if (!first || i >= limit) return undefined;
    const l = lower(first);
    const next = this.tokens[i + 1];
    const nextIsWord = next !== undefined && i + 1 < limit && isWord(next) && !STOP_WORDS.has(lower(next));
    if (SPEAKER_PRONOUNS[l] && !(DETERMINERS.has(l) && nextIsWord)) return { from: i, to: i + 1, kind: "pronoun" };
    let j = i;
    while (j < limit && j - i < MAX_SPEAKER_WORDS) {
      const t = this.tokens[j] as Token;
      const tl = lower(t);
      if (!isWord(t)) break;
      // After "according to", a verb before "by" is a participle ("figures published by the ministry").
      if (j > i && this.verb(j) && !(authored && this.lower(j + 1) === "by")) break;
      const after = this.tokens[j + 1];
      if ((tl === "and" || tl === "&") && j > i) {
        if (after && j + 1 < limit && isCapitalised(after) && isCapitalised(this.tokens[j - 1] as Token)) {
          j++;
          continue;
        }
        break;
      }
      // After "according to", "a report by the Velmar Post", "figures published by the ministry": "by" after a
      // word in lower case names the author, inside the phrase.
      const byAuthor = authored && tl === "by" && j > i && /^\p{Ll}+$/u.test(this.tokens[j - 1]?.text ?? "");
      if (CONNECTORS.has(tl) || byAuthor) {
        // "Ann Lee for Acme" is a person and her employer; "a spokesman for Acme" is one phrase.
        const affiliation = tl !== "of" && j > i && isCapitalised(this.tokens[j - 1] as Token);
        const linksOn =
          !affiliation &&
          j > i &&
          after !== undefined &&
          j + 1 < limit &&
          (isCapitalised(after) || (DETERMINERS.has(lower(after)) && !SPEAKER_PRONOUNS[lower(after)]));
        if (!linksOn) break;
        j++;
        continue;
      }
      if (NAME_PARTICLES.has(tl) && after && isCapitalised(after)) {
        j++;
        continue;
      }
      if (
        DETERMINERS.has(tl) &&
        j > i &&
        !CONNECTORS.has(this.lower(j - 1)) &&
        !(authored && this.lower(j - 1) === "by")
      )
        break;
      if (STOP_WORDS.has(tl) && !(DETERMINERS.has(tl) && j === i)) break;
      j++;
    }
    return this.classify(i, j, true);
  }

  /**
   * The subject of the speech verb at `verbAt`: the noun phrase before it (skipping adverbs and auxiliaries),
   * or, when a comma stands before the verb, the phrase before an appositive ("X, a senior official, said").
   * Nothing before `limit` is read.
   */
  subjectBefore(verbAt: number, limit: number): SpeakerPhrase | undefined {
    const j = this.skipBetween(verbAt - 1, limit);
    if (j < limit) return undefined;
    const t = this.tokens[j] as Token;
    if (t.text === "," || DASH.test(t.text)) return this.subjectBeforeAppositive(j, limit);
    const end = j + 1;
    const pronoun = SPEAKER_PRONOUNS[lower(t)];
    if (pronoun && lower(t) !== "her" && lower(t) !== "him" && lower(t) !== "them") {
      return { from: j, to: end, kind: "pronoun" };
    }
    let k = j;
    /** Whether every word taken so far is capitalised: a name, which takes no lower-case words before it. */
    let nameSoFar = true;
    while (k >= limit && end - k <= MAX_SPEAKER_WORDS) {
      const w = this.tokens[k] as Token;
      const l = lower(w);
      if (!isWord(w) || this.verb(k)) break;
      const right = this.tokens[k + 1];
      if (l === "and" || l === "&") {
        if (
          k + 1 < end &&
          right &&
          isCapitalised(right) &&
          this.tokens[k - 1] &&
          isCapitalised(this.tokens[k - 1] as Token)
        ) {
          k--;
          continue;
        }
        break;
      }
      if (CONNECTORS.has(l)) {
        const left = this.tokens[k - 1];
        const affiliation = l !== "of" && left !== undefined && isCapitalised(left);
        // "Ann Lee in Paris said": the place says where the speaker is; the speaker is before it.
        if (l === "in" && affiliation && k > limit) {
          const before = this.subjectBefore(k, limit);
          if (before && before.kind !== "pronoun") return before;
        }
        const linked =
          !affiliation && k + 1 < end && right !== undefined && (isCapitalised(right) || DETERMINERS.has(lower(right)));
        if (!linked) break;
        nameSoFar = false;
        k--;
        continue;
      }
      if (DETERMINERS.has(l)) {
        k--;
        if (k >= limit && (CONNECTORS.has(this.lower(k)) || this.participleAfterNoun(k, limit))) {
          nameSoFar = false;
          continue;
        }
        break;
      }
      if (NAME_PARTICLES.has(l) && right && isCapitalised(right)) {
        k--;
        continue;
      }
      if (STOP_WORDS.has(l)) break;
      if (!isCapitalised(w) && !isNumber(w) && nameSoFar && k < j) {
        // "a lawyer representing Ana Ruiz said": the name is the participle's object, not the speaker.
        if (!this.participleAfterNoun(k, limit)) break;
        nameSoFar = false;
        k--;
        continue;
      }
      if (!isCapitalised(w)) nameSoFar = false;
      k--;
    }
    if (end - k > MAX_SPEAKER_WORDS + 1) return undefined;
    const from = k + 1;
    if (from >= end) return undefined;
    const boundary = this.tokens[k];
    const opened =
      k < limit ||
      !boundary ||
      !isWord(boundary) ||
      CLAUSE_OPENERS.has(lower(boundary)) ||
      DETERMINERS.has(lower(boundary));
    return this.classify(from, end, opened);
  }

  /**
   * Whether the word at `k` is a participle in -ing that ties the phrase after it to a noun right before it
   * ("a lawyer representing the family", "police investigating the fire"): the speaker is that noun's phrase.
   * A word after a conjunction ("while touring") is no such link.
   */
  private participleAfterNoun(k: number, limit: number): boolean {
    const w = this.tokens[k];
    const noun = this.tokens[k - 1];
    if (!w || !noun || k - 1 < limit || !/^\p{Ll}{2,}ing$/u.test(w.text)) return false;
    const n = lower(noun);
    return isWord(noun) && !STOP_WORDS.has(n) && !DETERMINERS.has(n) && !CONNECTORS.has(n) && !SPEAKER_PRONOUNS[n];
  }

  /**
   * Steps left over adverbs, auxiliaries, a parenthesis ("Rep. Ann Lee (D-Ohio) said") and a predicate that
   * hands its subject to the speech verb ("Ann Lee is expected to say") before a verb.
   */
  private skipBetween(j: number, limit: number): number {
    for (;;) {
      while (j >= limit && BETWEEN_SUBJECT_AND_VERB.has(this.lower(j))) j--;
      if (j - 1 >= limit && this.lower(j) === "to" && SUBJECT_TO_INFINITIVE.has(this.lower(j - 1))) {
        j -= 2;
        continue;
      }
      if (j < limit || this.tokens[j]?.text !== ")") return j;
      const open = this.openingParenthesis(j, limit);
      if (open < 0) return j;
      j = open - 1;
    }
  }

  /** Index of the "(" matching the ")" at `close`, within a short span, or -1. */
  private openingParenthesis(close: number, limit: number): number {
    for (let k = close - 1; k >= limit && close - k <= MAX_SPEAKER_WORDS; k--) {
      const text = this.tokens[k]?.text;
      if (text === "(") return k;
      if (text === ")") return -1;
    }
    return -1;
  }

  /**
   * Splits the words before the comma at `commaAt` into comma-separated segments and takes the leftmost one that
   * is wholly a noun phrase: in "Smith, the group's leader, said" that is Smith, not the appositive.
   */
  private subjectBeforeAppositive(commaAt: number, limit: number): SpeakerPhrase | undefined {
    const commas = [commaAt];
    let k = commaAt - 1;
    let complete = false;
    while (k >= limit && commaAt - k <= MAX_APPOSITIVE_TOKENS) {
      const t = this.tokens[k] as Token;
      if (t.text === "," || DASH.test(t.text)) {
        if (commas.length > MAX_APPOSITIVE_COMMAS) break;
        commas.push(k);
      } else if ((isQuoteMark(t) || CLAUSE_PUNCT.test(t.text)) && !this.isAbbreviationPeriod(k)) {
        if (t.text !== "(" && t.text !== ")") {
          complete = true;
          break;
        }
      } else if (this.verb(k) && !SEGMENT_LEADS.has(lower(t)) && this.lower(k - 1) !== "to") {
        complete = true;
        break;
      }
      k--;
    }
    if (k < limit) complete = true;
    const bounds: [number, number][] = [];
    let right = commaAt;
    for (const c of commas.slice(1)) {
      bounds.unshift([c + 1, right]);
      right = c;
    }
    if (complete) bounds.unshift([k + 1, right]);
    for (const [from, segmentEnd] of bounds) {
      let to = segmentEnd;
      if (this.tokens[to - 1]?.text === ")") {
        const open = this.openingParenthesis(to - 1, from);
        if (open > from) to = open;
      }
      let start = from;
      while (start < to && SEGMENT_LEADS.has(this.lower(start))) start++;
      if (start >= to) continue;
      const phrase = this.phraseAfter(start, to);
      if (phrase && phrase.to === to) return { ...phrase, modifierTo: commaAt };
      if (phrase && this.trimmedTo(phrase.to, to)) return { ...phrase, modifierTo: commaAt };
    }
    return undefined;
  }

  /** True when only trailing junk (determiners, participles) lies between `a` and `b`. */
  private trimmedTo(a: number, b: number): boolean {
    for (let i = a; i < b; i++) if (!this.isTrailingJunk(i, a - 1)) return false;
    return true;
  }

  /**
   * Tries to read an attribution around the speech verb at `v`: its subject before it, or (when the verb opens
   * its clause) the phrase after it. `limit`/`end` bound the words that may be read.
   */
  attributionAt(v: number, limit: number, end: number): FoundAttribution | undefined {
    const verb = this.verb(v);
    if (!verb) return undefined;
    const quoted = this.quotedAsSaying(v, limit);
    if (quoted) return quoted;
    const subject = verb.form === "ing" ? this.nameRightBefore(v, limit) : this.subjectBefore(v, limit);
    if (subject && this.subjectFits(subject, verb)) {
      const to = Math.max(v + 1, this.objectEnd(v, end, verb));
      return { speaker: subject, from: Math.min(subject.phraseFrom ?? subject.from, v), to: Math.max(to, subject.to) };
    }
    const described = verb.form === "past" || verb.form === "third" ? this.subjectBeforeRelative(v, limit) : undefined;
    if (described) return { speaker: described, from: described.from, to: v + 1 };
    const prev = this.tokens[v - 1];
    if (verb.form === "ing" && prev?.text === ",") {
      const main = this.clauseSubject(limit, v);
      if (main) return { speaker: main, from: main.phraseFrom ?? main.from, to: v + 1 };
    }
    const opensClause = v <= limit || !prev || !isWord(prev) || lower(prev) === "and";
    // "put it" names no speaker after it: "it" is the thing said.
    if (opensClause && verb.lemma !== "tell" && verb.lemma !== "put" && verb.form !== "ing") {
      const after = this.phraseAfter(v + 1, end);
      if (after) return { speaker: after, from: v, to: after.to };
    }
    return undefined;
  }

  /**
   * The subject of a speech verb that a relative clause separates from it: "A senior official at the port
   * who asked not to be named said", also between commas. The clause opens with a noun phrase led by a determiner or a name,
   * then "who" or "whose"; the verb follows within {@link MAX_RELATIVE_TOKENS} without a sentence break.
   */
  private subjectBeforeRelative(v: number, limit: number): SpeakerPhrase | undefined {
    if (v - limit > MAX_RELATIVE_TOKENS + MAX_SPEAKER_WORDS) return undefined;
    let i = limit;
    while (i < v && !isWord(this.tokens[i] as Token)) i++;
    const phrase = this.phraseAfter(i, v);
    if (!phrase || phrase.kind === "pronoun") return undefined;
    const relative = this.lower(this.tokens[phrase.to]?.text === "," ? phrase.to + 1 : phrase.to);
    if (relative !== "who" && relative !== "whose") return undefined;
    if (v - phrase.to > MAX_RELATIVE_TOKENS) return undefined;
    for (let k = phrase.to; k < v; k++) {
      const t = this.tokens[k] as Token;
      if ((isQuoteMark(t) || CLAUSE_PUNCT.test(t.text)) && !this.isAbbreviationPeriod(k)) return undefined;
    }
    const sure = phrase.kind !== "description" || DETERMINERS.has(this.lower(phrase.from));
    return sure ? phrase : undefined;
  }

  /**
   * The subject of the clause that starts at `limit` ("Ann Lee rejected the plan, saying ..."), after an opening
   * adverbial phrase and its comma ("On Monday, Ann Lee ..."): a name, a pronoun or a determiner-led phrase
   * followed by a verb or an appositive comma.
   */
  clauseSubject(limit: number, before: number): SpeakerPhrase | undefined {
    const starts = [limit];
    for (let k = limit; k < Math.min(before, limit + MAX_SPEAKER_WORDS); k++) {
      if (this.tokens[k]?.text === ",") {
        starts.push(k + 1);
        break;
      }
    }
    for (const start of starts) {
      let i = start;
      while (i < before && !isWord(this.tokens[i] as Token)) i++;
      const phrase = this.phraseAfter(i, before);
      if (!phrase) continue;
      if (this.opensWithTime(phrase)) continue;
      const next = this.tokens[phrase.to];
      // Followed by a verb, an appositive or a parenthesis ("Sen. Ann Lee (D-Ohio) said").
      const followed = next !== undefined && (next.text === "," || next.text === "(" || /^\p{Ll}/u.test(next.text));
      const sure = phrase.kind !== "description" || DETERMINERS.has(this.lower(phrase.from));
      if (followed && sure) return phrase;
    }
    return undefined;
  }

  /**
   * Whether a phrase and the word after it are an opening adverbial of time set off by a comma ("Hours later,",
   * "Two days earlier,"): a capitalised measure of time, not a name.
   */
  private opensWithTime(phrase: SpeakerPhrase): boolean {
    return OPENING_TIME_ADVERBS.has(this.lower(phrase.to)) && this.tokens[phrase.to + 1]?.text === ",";
  }

  /**
   * The subject of an -ing form is only the name or pronoun right before it ("footage of Ann Lee saying");
   * anything longer is the noun the participle modifies.
   */
  private nameRightBefore(v: number, limit: number): SpeakerPhrase | undefined {
    const j = v - 1;
    if (j < limit) return undefined;
    const t = this.tokens[j] as Token;
    if (SPEAKER_PRONOUNS[lower(t)] && lower(t) !== "her") return { from: j, to: v, kind: "pronoun" };
    let k = j;
    while (k >= limit && v - k <= MAX_SPEAKER_WORDS) {
      const w = this.tokens[k] as Token;
      const l = lower(w);
      const right = this.tokens[k + 1];
      const particle = NAME_PARTICLES.has(l) && right !== undefined && isCapitalised(right);
      if (!(isCapitalised(w) && isWord(w)) && !particle) break;
      k--;
    }
    return k < j ? this.classify(k + 1, v, true) : undefined;
  }

  /** Bare and -s forms of noun-like verbs ("the reports", "his claims") need a convincing subject. */
  private subjectFits(subject: SpeakerPhrase, verb: VerbForm): boolean {
    if (!NOUN_LIKE_LEMMAS.has(verb.lemma) || verb.form === "past" || verb.form === "ing") return true;
    return subject.kind !== "description" || DETERMINERS.has(this.lower(subject.from));
  }

  /** "told Reuters", "told reporters": the hearer belongs to the attribution words but is not the speaker. */
  private objectEnd(v: number, end: number, verb: VerbForm): number {
    if (verb.lemma === "put") return Math.min(end, v + 2);
    if (verb.lemma !== "tell") return v + 1;
    const object = this.phraseAfter(v + 1, end);
    return object ? object.to : v + 1;
  }

  /** "X was quoted as saying" and "the agency quoted X as saying". */
  private quotedAsSaying(v: number, limit: number): FoundAttribution | undefined {
    if (this.lower(v) !== "saying" || this.lower(v - 1) !== "as") return undefined;
    if (this.lower(v - 2) === "quoted") {
      const subject = this.subjectBefore(v - 2, limit);
      return subject ? { speaker: subject, from: subject.from, to: v + 1 } : undefined;
    }
    for (let q = v - 3; q >= Math.max(limit, v - 2 - MAX_SPEAKER_WORDS); q--) {
      if (this.lower(q) !== "quoted") continue;
      const object = this.phraseAfter(q + 1, v - 1);
      return object && object.to === v - 1 ? { speaker: object, from: q, to: v + 1 } : undefined;
    }
    return undefined;
  }

  /**
   * The whole phrase the article names a speaker with, as a token range: the name with the title words before
   * it ("campaign spokesman Ann Lee said") and the appositive after it ("Ann Lee, a lawyer for the port, said";
   * "said Ann Lee, who runs the ferry."). What a reader is told of who said it; the speaker itself stays the name.
   */
  sourcePhrase(found: FoundAttribution, end: number): { from: number; to: number } {
    const phrase = found.speaker;
    if (phrase.kind === "pronoun") return { from: phrase.from, to: phrase.to };
    const from = phrase.kind === "name" ? this.titleStart(phrase.phraseFrom ?? phrase.from) : phrase.from;
    let to = phrase.to;
    if (phrase.modifierTo !== undefined) {
      // "Ann Lee, a lawyer, said" and "Ann Lee, who ..., said" describe her; "Ann Lee, after a pause, said" does not.
      const next = phrase.to + 1;
      if (this.tokens[phrase.to]?.text === "," && this.describes(next, phrase.modifierTo)) to = phrase.modifierTo;
    } else if (found.from < phrase.from) to = this.appositiveEnd(phrase.to, end);
    return { from, to };
  }

  /**
   * Where title words before a name begin ("Senate minority leader Ann Lee"): a run of nouns and modifiers with
   * at least one lower-case word, after a determiner or at a clause start, never a verb, a stop word or a comma.
   */
  private titleStart(at: number): number {
    let k = at - 1;
    let lowered = false;
    while (k >= 0 && at - k <= MAX_SPEAKER_WORDS) {
      const t = this.tokens[k] as Token;
      const l = lower(t);
      if (!isWord(t) || STOP_WORDS.has(l) || CONNECTORS.has(l) || BETWEEN_SUBJECT_AND_VERB.has(l)) break;
      if (DETERMINERS.has(l) || SPEAKER_PRONOUNS[l] || this.verb(k) || /ly$/u.test(l)) break;
      if (/^\p{Ll}/u.test(t.text)) {
        if (/(?:ed|ing)$/u.test(t.text)) break;
        lowered = true;
      }
      k--;
    }
    if (!lowered) return at;
    const title = k + 1;
    return DETERMINERS.has(this.lower(k)) && !SPEAKER_PRONOUNS[this.lower(k)] ? k : title;
  }

  /**
   * The end of an appositive set off by a comma after a name that follows its verb ("said Ann Lee, a lawyer for
   * the port."): a noun phrase, to the end of the clause or to a relative clause or a comma that opens something
   * else ("said Ann Lee, a lawyer, adding ...", "said Ann Lee, who ..."), which say what the speaker did, not who
   * they are.
   */
  private appositiveEnd(to: number, end: number): number {
    if (this.tokens[to]?.text !== "," || !this.describes(to + 1, end)) return to;
    let k = to + 1;
    while (k < end) {
      const t = this.tokens[k] as Token;
      if ((isQuoteMark(t) || CLAUSE_PUNCT.test(t.text)) && !this.isAbbreviationPeriod(k)) break;
      if (DASH.test(t.text)) break;
      if (t.text === "," && !this.describes(k + 1, end)) break;
      k++;
    }
    let last = k;
    while (last > to + 1 && !isWord(this.tokens[last - 1] as Token)) last--;
    return last > to + 1 ? last : to;
  }

  /** Whether the word at `i` opens words that describe a speaker: an appositive noun phrase or a relative clause. */
  private describes(i: number, end: number): boolean {
    return i < end && (RELATIVES.has(this.lower(i)) || this.opensAppositive(i, end));
  }

  /** Whether the word at `i` may open an appositive noun phrase: not a verb form, a stop word or a pronoun. */
  private opensAppositive(i: number, end: number): boolean {
    const t = this.tokens[i];
    if (!t || i >= end || !isWord(t) || this.verb(i)) return false;
    const l = lower(t);
    if (/^\p{Ll}+(?:ing|ed)$/u.test(t.text) || SPEAKER_PRONOUNS[l]) return false;
    return DETERMINERS.has(l) || !(STOP_WORDS.has(l) || CONNECTORS.has(l) || CLAUSE_OPENERS.has(l));
  }

  /** "according to X" with "according" at token `a`. */
  accordingTo(a: number, end: number): FoundAttribution | undefined {
    if (this.lower(a) !== "according" || this.lower(a + 1) !== "to") return undefined;
    const phrase = this.phraseAfter(a + 2, end, true);
    return phrase ? { speaker: phrase, from: a, to: phrase.to } : undefined;
  }

  /** The quoted words of a span. */
  quoted(span: { start: number; end: number }): string {
    return this.text.slice(span.start, span.end);
  }

  /** Whether the word at `i` stands elsewhere in the text too, as a whole word with the same capitals. */
  recurs(i: number): boolean {
    const t = this.tokens[i] as Token;
    const escaped = t.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "gu");
    for (const m of this.text.matchAll(pattern)) if (m.index !== t.start) return true;
    return false;
  }

  /** Word tokens strictly between two token indices. */
  wordsBetween(from: number, to: number): number {
    let n = 0;
    for (let i = from; i < to; i++) if (isWord(this.tokens[i] as Token)) n++;
    return n;
  }

  slice(from: number, to: number): { start: number; end: number; text: string } {
    const a = this.tokens[from] as Token;
    const b = this.tokens[to - 1] as Token;
    return { start: a.start, end: b.end, text: this.text.slice(a.start, b.end) };
  }
}
