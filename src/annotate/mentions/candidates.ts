import type { Lexicon } from "../../lexicon/index.js";
import type { EntityType, Sentence, Token } from "../../model/index.js";
import { nameKey } from "../../words/name-key.js";
import {
  CALENDAR,
  NAME_PARTICLES,
  NEVER_INSIDE,
  OF_TAKERS,
  ORG_HEADS,
  PLACE_HEADS,
  PLAIN_ACRONYMS,
  SPEECH_VERBS,
} from "../../words/names.js";
import type { CaseStats, NameJudgement } from "./casing.js";
import { casingOf, judgeName, lineKind, opensClause, titleCase } from "./casing.js";
import {
  bare,
  COMMON_WORD,
  DESCRIPTIVE_COMPOUND,
  DESIGNATION,
  endsInHead,
  INITIAL,
  isCountry,
  isGroupWord,
  isStreetAbbreviation,
  isSyllableName,
  isTitle,
  isTitlePart,
  MAX_KNOWN_NAME_WORDS,
  OPENERS,
  POSSESSIVE,
  SINGLE_INITIAL,
  scoreShare,
  TABLE_NUMBER_SHARE,
  wordsIn,
} from "./words.js";

/** Words of OF_TAKERS that name places or ranks, after which "for" and "on" end the name. */
const PLACE_WORDS = new Set(
  "republic kingdom emirate sultanate principality duchy commonwealth gulf bay sea strait straits isle island islands cape lake city state states province district governorate coast mount rock tower cathedral duke duchess earl prince princess king queen bishop archbishop".split(
    " ",
  ),
);

export interface Candidate {
  /** Token range, end exclusive. */
  first: number;
  end: number;
  /** Characters of the last token after the name (a possessive "'s"). */
  trim: number;
  /** The words as they would be written in running text (headline capitals undone). */
  words: string[];
  sentence: number;
  headline: boolean;
  /** A title stood right before ("President X", "Gen. X"). */
  titled: boolean;
  /** A type fixed by the form alone (a demonym is "other"). */
  fixed?: EntityType;
}

export function findCandidates(
  tokens: Token[],
  sentence: Sentence,
  index: number,
  stats: CaseStats,
  lexicon: Lexicon,
): Candidate[] {
  const { firstNameCount, isUniversity, lookupPlace, lowerCount } = lexicon;
  const { tokenStart: from, tokenEnd: to } = sentence;
  const line = stats.lines[index] ?? lineKind(tokens.slice(from, to), lexicon);
  const headline = line === "headline";
  const titleLine = line === "title";
  const words: string[] = [];
  const judged: NameJudgement[] = [];
  const ambiguous: boolean[] = [];
  const owner: boolean[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    const casing = casingOf(t, headline, opensClause(tokens, i, from), titleLine, lexicon);
    let word = t.text;
    let judgement: NameJudgement = "no";
    const lw = word.toLowerCase();
    const plain =
      /^['’]/.test(word) ||
      (word.length === 1 && word !== "&") ||
      // Both of DESCRIPTIVE_COMPOUND's forms have a hyphen: the expression is tried only on words that do.
      (word.includes("-") &&
        DESCRIPTIVE_COMPOUND.test(word) &&
        !isSyllableName(word, i > 0 ? tokens[i - 1]?.text : undefined)) ||
      DESIGNATION.test(word) ||
      word.includes("$");
    if (plain) judgement = "no";
    else if (casing === "name") {
      judgement = NEVER_INSIDE.has(lw) || CALENDAR.has(bare(lw)) ? "no" : "yes";
    } else if (casing === "ambiguous") {
      const acronym = headline && stats.acronyms.has(word);
      if (headline && !acronym && !INITIAL.test(word)) word = titleCase(word);
    }
    // "Chile's": the name is the word without its possessive ending, and the name ends there.
    const possessive = casing !== "lower" && !plain ? POSSESSIVE.exec(word) : null;
    if (possessive) word = possessive[1] as string;
    owner.push(possessive !== null);
    if (casing === "ambiguous" && !plain) judgement = judgeName(word, stats, headline, lexicon);
    // An unsure word that an English dictionary lists only as a common word, that the corpora never saw in a
    // name and that no capitalised word follows ("Halftime 1-0", "Extras 12") is the common word.
    if (
      judgement === "weak" &&
      !/^\p{Lu}/u.test(i + 1 < tokens.length ? (tokens[i + 1]?.text ?? "") : "") &&
      plainCommonWord(word, lexicon)
    )
      judgement = "no";
    words.push(word);
    judged.push(judgement);
    ambiguous.push(casing === "ambiguous");
  }
  // Words outside the sentence read as "", and so do judgements as nothing: both checked here rather than read
  // past the arrays' ends, which throws this function's optimised code away once more each time it first happens.
  const at = (i: number) => (i >= from && i < to ? (words[i - from] as string) : "");
  // A known multi-word name ("New York", "United Arab Emirates") overrides word-by-word judgements.
  for (let i = from; i < to; i++) {
    if (!ambiguous[i - from] && judged[i - from] !== "yes") continue;
    for (let n = Math.min(MAX_KNOWN_NAME_WORDS, to - i); n >= 2; n--) {
      let open = true;
      for (let k = 0; k < n && open; k++) open = (ambiguous[i - from + k] as boolean) || judged[i - from + k] === "yes";
      if (!open || !/^\p{Lu}/u.test(at(i + n - 1))) continue;
      const key = nameKey(wordsIn(i, i + n, at).join(" "));
      if (lookupPlace(key) || isUniversity(key) || stats.phrases.has(key)) {
        for (let k = 0; k < n; k++) judged[i - from + k] = "yes";
        i += n - 1;
        break;
      }
    }
  }
  // An unknown word counts as a name only next to a name, as the subject of a speech verb, or as the row
  // label of a results table.
  const table = scoreShare(tokens, sentence) >= TABLE_NUMBER_SHARE;
  for (let i = from; i < to; i++) {
    if (judged[i - from] !== "weak") continue;
    const nextWord = bare(at(i + 1));
    // The judgements around are read whatever the next word is, for the reason given at `headRight` below.
    const nameTwoOn = i + 2 < to && judged[i - from + 2] === "yes";
    const ofName = (nextWord === "of" || nextWord === "for") && nameTwoOn;
    const beside =
      (i > from && judged[i - from - 1] === "yes") || (i + 1 < to && judged[i - from + 1] === "yes") || ofName;
    const yes = beside || SPEECH_VERBS.has(nextWord) || nextWord === "'s" || table;
    judged[i - from] = yes ? "yes" : "no";
  }
  // In a headline, a head word after a name belongs to it ("UNITED NATIONS", "VELMAR TIMES").
  if (headline) {
    for (let i = from + 1; i < to; i++) {
      const w = bare(at(i));
      if (judged[i - from] === "no" && judged[i - from - 1] === "yes" && (ORG_HEADS.has(w) || PLACE_HEADS.has(w)))
        judged[i - from] = "yes";
    }
  }
  // "Port Vale", "Lake Victoria", "Real Madrid" at the start of a sentence: the opener belongs to the name after it.
  for (let i = from; i < to - 1; i++) {
    const w = bare(at(i));
    const k = i - from;
    if (ambiguous[k] && judged[k] === "no" && judged[k + 1] === "yes" && OPENERS.has(w)) judged[k] = "yes";
  }
  const isNamed = (i: number) => i >= from && i < to && judged[i - from] === "yes";
  const stretchEnd = (i: number) => {
    let e = i;
    while (isNamed(e)) e++;
    return e;
  };

  const runs: [number, number][] = [];
  let i = from;
  while (i < to) {
    if (!isNamed(i)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < to && !owner[end - 1 - from]) {
      if (isNamed(end)) {
        end++;
        continue;
      }
      const link = at(end).toLowerCase();
      const prev = bare(at(end - 1));
      let p = end;
      while (p < to && NAME_PARTICLES.has(at(p).toLowerCase()) && !isNamed(p)) p++;
      if (p > end && isNamed(p)) {
        end = p;
        continue;
      }
      // "Channel 6 News", "Terminal 2 Hospital": a number inside a name that a head word ends, outside a results table.
      // Both parts are tested whatever the first gives, for the reason given at `headRight` below.
      const numbered = /^\d{1,3}$/.test(at(end)) && !table;
      const headed = isNamed(end + 1) && !isNamed(end + 2) && endsInHead(at(end + 1));
      if (numbered && headed) {
        end += 2;
        continue;
      }
      if (link === "of" || link === "for" || link === "on") {
        const after = end + (at(end + 1).toLowerCase() === "the" ? 2 : 1);
        const next = stretchEnd(after);
        // "Bank of Tarvik Holdings": one word, "of", and a name ending in a company head are one name;
        // "Ida Brekke of Velmar Trust" is a person of an organisation.
        const nextHead = next > after && after === end + 1 && ORG_HEADS.has(bare(at(next - 1)));
        const shortLeft = end - i === 1 && firstNameCount(at(i)) === 0 && !INITIAL.test(at(i));
        // "for" and "on" stay inside the names of bodies ("Party for Freedom", "Council on Trade") only: "a
        // United Kingdom for Velmar to rule" is a place and a person.
        const taker = link === "of" ? OF_TAKERS.has(prev) : OF_TAKERS.has(prev) && !PLACE_WORDS.has(prev);
        if (next > after && (taker || (link === "of" && nextHead && shortLeft))) {
          end = after;
          continue;
        }
      }
      if ((link === "and" || link === "&") && isNamed(end + 1)) {
        const next = stretchEnd(end + 1);
        const joined = wordsIn(i, next, at).join(" ");
        const left = wordsIn(i, end, at).join(" ");
        // "Water and Sewerage Authority": a common word before "and" is still inside the name
        // that the organisation head ends; "Velmar and Tarvik Corp." are two.
        // Both looked up, though the second seldom matters: a call that has never run when this function is
        // optimised throws the optimised code away when it first does.
        const headRight = ORG_HEADS.has(bare(at(next - 1)));
        const headLeft = ORG_HEADS.has(prev);
        const orgRight = headRight && !headLeft;
        const commonLeft = lowerCount(prev) >= COMMON_WORD && lookupPlace(left) === undefined;
        if (link === "&" || lookupPlace(joined) || isUniversity(joined) || (orgRight && commonLeft)) {
          end = next;
          continue;
        }
      }
      break;
    }
    runs.push([i, end]);
    i = end;
  }

  const out: Candidate[] = [];
  const push = (first: number, end: number, titled: boolean, fixed?: EntityType) => {
    while (end > first && !isNamed(end - 1)) end--;
    while (first < end && !isNamed(first)) first++;
    if (end <= first) return;
    const ws = wordsIn(first, end, at);
    if (ws.length === 1 && SINGLE_INITIAL.test(ws[0] as string)) return;
    if (ws.length === 1 && PLAIN_ACRONYMS.has((ws[0] as string).toLowerCase().replace(/\./g, ""))) return;
    if (ws.every((w) => isTitlePart(w)) && ws.some((w) => isTitle(w)) && !lookupPlace(ws.join(" "))) return;
    // "400 E. 3rd St.": a street's type, its name being a number, is no name.
    if (ws.every((w) => isStreetAbbreviation(w))) return;
    const trim = owner[end - 1 - from]
      ? (tokens[end - 1] as Token).text.length - (ws[ws.length - 1] as string).length
      : 0;
    const c: Candidate = { first, end, trim, words: ws, sentence: index, headline, titled };
    if (fixed) c.fixed = fixed;
    out.push(c);
  };
  for (const [runStart, runEnd] of runs) {
    // "United Arab Emirates-based": the run is the front of a compound adjective, not a name.
    const following = runEnd < to ? tokens[runEnd] : undefined;
    if (following && /^\p{Lu}/u.test(following.text) && DESCRIPTIVE_COMPOUND.test(following.text)) continue;
    let start = runStart;
    let titled = false;
    // "Secretary of State Ida Brekke": the words after "of" still belong to the title.
    if (bare(at(start - 1)) === "of" && isTitle(at(start - 2)) && runEnd - start >= 2) {
      while (start < runEnd - 1 && isTitlePart(at(start))) start++;
      titled = start > runStart;
    }
    splitRun(start, runEnd, at, push, lexicon, titled);
  }
  return out;
}

/** Splits a capitalised run into names: titles come off the front of a person, demonyms off the front of anything. */
function splitRun(
  start: number,
  end: number,
  at: (i: number) => string,
  push: (first: number, end: number, titled: boolean, fixed?: EntityType) => void,
  lexicon: Lexicon,
  titled = false,
): void {
  const { firstNameCount, isUniversity, lookupPlace } = lexicon;
  const whole = wordsIn(start, end, at).join(" ");
  const last = at(end - 1);
  const known = lookupPlace(whole) !== undefined || isUniversity(whole);
  if (!known && !endsInHead(last)) {
    // A title stretch ("Deputy Prime Minister") followed by at least one more word: a person follows.
    for (let j = start; j < end; j++) {
      if (!isTitlePart(at(j))) continue;
      let k = j;
      let hasTitle = false;
      while (k < end && isTitlePart(at(k))) {
        if (isTitle(at(k))) hasTitle = true;
        k++;
      }
      if (!hasTitle) {
        j = k;
        continue;
      }
      if (j > start) splitRun(start, j, at, push, lexicon);
      // "Archbishop of Tarvik": what follows "of" is the title's see or domain, not the person holding it.
      if (k < end) push(k, end, bare(at(k)) !== "of");
      return;
    }
  }
  // "U.K. Sunak", "Chile Boric": a country's name before a single other word that no head makes one
  // name with it is a name of its own.
  if (end - start === 2 && !known && !endsInHead(last) && isCountry(at(start), lexicon)) {
    push(start, start + 1, false);
    push(start + 1, end, false);
    return;
  }
  // A leading demonym or group word ("Australian X", "Kurds") is its own mention unless the run is a known name or ends in a head.
  const first = at(start);
  // A group word that is also a first name ("Christian") before one more word is a person's name.
  const forename = end - start === 2 && firstNameCount(first) > 0;
  const groupLength =
    end - start >= 3 && isGroupWord(`${first} ${at(start + 1)}`, lexicon)
      ? 2
      : isGroupWord(first, lexicon) && !forename
        ? 1
        : 0;
  if (groupLength > 0 && !known && !(end - start > groupLength && endsInHead(last))) {
    push(start, start + groupLength, false, "other");
    if (end - start > groupLength) splitRun(start + groupLength, end, at, push, lexicon);
    return;
  }
  push(start, end, titled);
}

/** A word an English dictionary lists only in lower case and the corpora never saw in a name. */
function plainCommonWord(word: string, lexicon: Lexicon): boolean {
  if (lexicon.dictionaryKind(word) !== "common") return false;
  const c = lexicon.wordCounts(titleCase(word));
  return !c || c.person + c.organization + c.place + c.misc === 0;
}
