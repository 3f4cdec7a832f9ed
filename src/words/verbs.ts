/**
 * Past forms of English verbs, for stages that read a clause's time or a word's part of speech without a
 * parser: the irregular past tenses and participles, and the rule for regular ones.
 */

const set = (words: string) => new Set(words.trim().split(/\s+/u));

/** Irregular past tenses and past participles ("said", "fell", "taken"), and "been". */
const IRREGULAR_PAST = set(`
  said told was were had did went gone came took taken made began begun found left met held gave given got saw seen
  knew known thought brought fought sought bought caught taught wrote written spoke spoken broke broken chose
  chosen rose risen fell fallen led fled won lost sent spent built shot struck stood sat ran became kept felt heard
  paid laid sold drew drawn flew flown grew grown threw thrown shook stole stolen swore sworn tore torn wore hid
  hidden rode drove driven ate eaten forgot understood withdrew withdrawn arose sank sunk rang sang slid lit dealt
  meant been
`);

/** Words ending in -ed that are not verb forms ("hundred", "sacred"), or whose -ed is no past ("need"). */
const NOT_PAST_ED = set(`
  aged need needed indeed speed seed feed breed bleed hundred sacred naked wicked kindred red bed shed wed bred fed
  led
`);

/**
 * Whether a lower-case word is a verb's past tense or past participle: an irregular one, or a word of more than
 * three letters in -ed that is no adjective or noun of that ending.
 *
 * @example isPastForm("fell") // true
 * @example isPastForm("hundred") // false
 */
export function isPastForm(word: string): boolean {
  if (IRREGULAR_PAST.has(word)) return true;
  return word.length > 3 && word.endsWith("ed") && !NOT_PAST_ED.has(word) && !word.endsWith("eed");
}
