import { NUMBER_WORD } from "../../words/numbers.js";
import { looksPlural } from "../dates/year.js";

/**
 * How many words after a number are searched for the noun it counts ("10 senior Shi'ite militia commanders").
 * Longer noun phrases are rare in news copy, and beyond five words the head found is usually from the next
 * clause.
 */
export const MAX_UNIT_WORDS = 5;

/** Words that end the noun phrase after a number: function words, auxiliaries and reporting verbs. */
const STOP = new Set(
  [
    "a an the of in on at to from by for with without into onto over under about against between among amid",
    "across after before during since until till through per via and or but nor so yet as than that which who",
    "whom whose what where when while if because though although whereas is are was were be been being am has",
    "have had do does did will would shall should can could may might must said say says told tell according",
    "it its they them their he him his she her we us our you your i me my this these those there here",
    "each every all both some any no not also only just even still already ago later earlier apart away back",
    "again too very out up down off then now including like unlike near toward towards around upon within",
    "beyond behind below above plus minus times apiece alone altogether respectively total percent per cent",
    "old last next first second third",
  ]
    .join(" ")
    .split(" "),
);

/**
 * Common verbs that follow a bare count as its predicate ("20 remain", "three died"). Regular -ed forms are
 * caught by their ending; these are the base and irregular forms news copy uses most after a count.
 */
const VERBS = new Set(
  [
    "remain remains stay stays die dies live lives work works say think believe fear face faces flee fled go",
    "went come came get got take took make need want try survive return returns left gave give see saw",
    "stand stood sit sat run ran fall fell rise rose lie lay hold hide hid lose lost win won keep meet met",
  ]
    .join(" ")
    .split(" "),
);

/** Words that may stand in the noun phrase but are never what is counted ("three more soldiers"). */
const NOT_HEAD = new Set([
  "more",
  "most",
  "least",
  "other",
  "others",
  "additional",
  "further",
  "extra",
  "fewer",
  "less",
  "many",
]);

const POSSESSIVE = /['’]s?$/;
const ALL_CAPS = /^[A-Z]{2,}$/;
const CAPITALISED = /^[A-Z]/;

/** Participles that do not end in -ed but follow a count the way "killed" does ("250 taken hostage"). */
const IRREGULAR_PARTICIPLES = new Set([
  "taken",
  "held",
  "hurt",
  "slain",
  "shot",
  "seen",
  "known",
  "born",
  "left",
  "kept",
  "caught",
  "found",
  "sent",
  "given",
  "made",
  "brought",
  "thought",
  "missing",
  "dead",
]);

const CALENDAR_NAME =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** A word after whitespace: an initialism with periods (U.S.), or letters with inner apostrophes and hyphens. */
const NEXT_WORD = /\s+((?:[A-Za-z]\.){2,}|[A-Za-z](?:[A-Za-z'’-]*[A-Za-z])?)/y;

/** "taken hostage", "taken prisoner": the idiom names what was counted even though no noun follows. */
const TAKEN_AS = /\s+(?:were\s+|being\s+|been\s+)?taken\s+(hostage|prisoner|captive)\b/iy;

function isVerbForm(word: string): boolean {
  if (word.includes("-")) return false;
  return word.endsWith("ing") || word.endsWith("ed") || IRREGULAR_PARTICIPLES.has(word);
}

const NUMBER = new RegExp(`^(?:${NUMBER_WORD})$`, "i");

/**
 * A hyphen inside a word followed by a number word: a dash between two phrases, not a compound, unless a
 * number word stands before it too ("twenty-one").
 */
const DASHED_NUMBER = new RegExp(`-(?=(?:${NUMBER_WORD})(?:-|$))`, "i");

function isWord(word: string | undefined): word is string {
  if (word === undefined) return false;
  // An initialism in capitals ("US", "UN") is a name, even where its letters spell a function word.
  if (ALL_CAPS.test(word)) return true;
  const w = word.toLowerCase();
  return !STOP.has(w) && !VERBS.has(w) && !NUMBER.test(w) && !CALENDAR_NAME.test(word);
}

/** Whether a word is a function word or a common verb, never a name ("Only 10", "About 10", "Killed 10"). */
export function isFunctionWord(word: string): boolean {
  const w = word.toLowerCase();
  return STOP.has(w) || VERBS.has(w) || NOT_HEAD.has(w) || FUNCTION_EXTRA.has(w) || NUMBER.test(w);
}

/** Sentence-opening words that precede counts and are not in the lists above. */
const FUNCTION_EXTRA = new Set(["only", "another", "just", "nearly", "almost", "roughly", "killing", "leaving"]);

/**
 * The noun a number counts, read from the words right after position `from`: the last word of the noun
 * phrase that starts there, which ends at a function word, a verb form after the noun, or a plural noun.
 * Returns the lower-cased head and where the phrase ends, or undefined when no noun follows.
 */
export function findUnit(text: string, from: number): { unit: string; end: number } | undefined {
  TAKEN_AS.lastIndex = from;
  const taken = TAKEN_AS.exec(text);
  if (taken?.[1] !== undefined) return { unit: `${taken[1].toLowerCase()}s`, end: TAKEN_AS.lastIndex };

  const words: { word: string; end: number }[] = [];
  let pos = from;
  let pending: { word: string; end: number } | undefined;
  while (words.length < MAX_UNIT_WORDS) {
    let word: string | undefined;
    let end: number;
    if (pending) {
      word = pending.word;
      end = pending.end;
      pending = undefined;
    } else {
      NEXT_WORD.lastIndex = pos;
      const m = NEXT_WORD.exec(text);
      word = m?.[1];
      end = NEXT_WORD.lastIndex;
    }
    if (!isWord(word)) break;
    // A dash written as a hyphen ("four ferry crew-three sailors and a cook-were rescued") ends the phrase at the
    // hyphen that a number follows: the number opens a phrase of its own.
    const dash = DASHED_NUMBER.exec(word);
    if (dash && !NUMBER.test(word.slice(0, dash.index))) {
      const cut = dash.index;
      words.push({ word: word.slice(0, cut).toLowerCase(), end: end - (word.length - cut) });
      break;
    }
    const lower = word.toLowerCase();
    if (words.length > 0 && isVerbForm(lower)) {
      // A verb form after the noun ("people killed") ends the phrase; before another plain word it is an
      // adjective ("heavily armed men").
      NEXT_WORD.lastIndex = end;
      const next = NEXT_WORD.exec(text);
      const following = next?.[1];
      if (!isWord(following) || CAPITALISED.test(following) || isVerbForm(following.toLowerCase())) break;
      pending = { word: following, end: NEXT_WORD.lastIndex };
    }
    words.push({ word: lower, end });
    pos = end;
    // A possessive ("the country's largest banks") modifies what follows; it is never the head.
    if (!POSSESSIVE.test(lower) && looksPlural(lower)) break;
  }
  const head = words.at(-1);
  if (!head || NOT_HEAD.has(head.word) || head.word.endsWith("ly") || isVerbForm(head.word)) return undefined;
  if (POSSESSIVE.test(head.word)) return undefined;
  return { unit: head.word, end: head.end };
}

const IRREGULAR_SINGULARS: Record<string, string> = {
  people: "person",
  men: "man",
  women: "woman",
  children: "child",
  lives: "life",
  feet: "foot",
  teeth: "tooth",
  mice: "mouse",
  geese: "goose",
  police: "police",
  dollars: "usd",
  dollar: "usd",
  euros: "eur",
  euro: "eur",
  "per cent": "percent",
};

const ES_PLURAL = /(?:ches|shes|xes|zes|sses)$/;
const UNCHANGED_ENDINGS = /(?:ss|us|is|news|series|species)$/;

/**
 * A comparison key for a unit: lower-cased and simply singularised, so that "soldier" and "soldiers",
 * "casualty" and "casualties", "person" and "people" meet. Dollar and euro words map to the currency codes
 * that "$" and "€" amounts carry.
 *
 * @example unitKey("Casualties") // "casualty"
 */
export function unitKey(unit: string): string {
  const u = unit.toLowerCase().trim();
  const irregular = IRREGULAR_SINGULARS[u];
  if (irregular !== undefined) return irregular;
  if (UNCHANGED_ENDINGS.test(u) || u.length <= 2) return u;
  if (u.endsWith("ies")) return `${u.slice(0, -3)}y`;
  if (ES_PLURAL.test(u)) return u.slice(0, -2);
  if (u.endsWith("s")) return u.slice(0, -1);
  return u;
}
