import type { Token } from "../../model/index.js";

/** The words of a space-separated list; long word lists stay readable written as prose. */
export function wordList(list: string): string[] {
  return list.split(/\s+/u).filter((w) => w.length > 0);
}

export function wordSet(list: string): Set<string> {
  return new Set(wordList(list));
}

/** Pronouns that can be the speaker of a quotation, mapped to the subject form. */
export const SPEAKER_PRONOUNS: Record<string, "he" | "she" | "it" | "they" | "i" | "we"> = {
  he: "he",
  him: "he",
  she: "she",
  her: "she",
  it: "it",
  they: "they",
  them: "they",
  i: "i",
  we: "we",
};

export const DETERMINERS = wordSet(`
  a an the one two three four five six seven eight nine ten another several some many most all both each every
  other his her its their our my your few numerous various dozens hundreds thousands more no
`);

/** Words that link the parts of one noun phrase ("a commander of X", "a spokesman for Y"). */
export const CONNECTORS = wordSet(`
  of for at with from in
`);

/** Particles inside personal names, written in lower case. */
export const NAME_PARTICLES = wordSet(`
  al el bin ibn de da di du del della van von der den la le dos das y abu bint
`);

/** Words that end a speaker noun phrase: clause links, prepositions, auxiliaries and post-nominal modifiers. */
export const STOP_WORDS = wordSet(`
  that which who whom whose when while where because since although though if as after before but and or nor so
  yet then than to in on by into about over under during against without between through also not never is are
  was were be been being has have had do does did will would could should may might must can there here what
  how why this these those familiar close speaking involved briefed requesting declining asking according told
  late early last next yesterday today tonight tomorrow earlier later recently previously again now too however
  instead afterwards monday tuesday wednesday thursday friday saturday sunday just even still only upon via per
  like unlike near among amid despite toward towards around within outside inside across along behind beyond
  except until whether it he she they we i you me us him them said says say saying quoted reportedly allegedly
  apparently who's once whom
`);

/** Adverbs and auxiliaries that may stand between a subject and its speech verb ("X has also said"). */
export const BETWEEN_SUBJECT_AND_VERB = wordSet(`
  also later previously reportedly then further repeatedly once earlier separately recently again publicly
  privately openly flatly quickly simply just even still has have had was were is are would will did does do
  could can should might may must not never since often frequently already first initially subsequently angrily
  bluntly firmly calmly quietly loudly proudly confidently emphatically insistently jokingly wryly tersely
  curtly forcefully flatly clearly explicitly recently last yet always allegedly apparently personally
  specifically directly immediately finally eventually now today yesterday been being be
`);

/** Leading words of a comma-separated segment that are not part of the subject ("and Smith, 45, said"). */
export const SEGMENT_LEADS = wordSet(`
  and but while yet so meanwhile however instead still then also separately later earlier now there
`);

export function isWord(token: Token): boolean {
  return /[\p{L}\p{N}]/u.test(token.text);
}

/** Capitalised, or a lower-case name particle glued to one (al-Haddad). */
export function isCapitalised(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text) || /^\p{Ll}{1,4}-\p{Lu}/u.test(token.text);
}

export function isNumber(token: Token): boolean {
  return /^\p{N}/u.test(token.text);
}

export function lower(token: Token | undefined): string {
  return token ? token.text.toLowerCase() : "";
}

/** Words that start sentences in capitals without being names. */
export const SENTENCE_INITIAL = wordSet(`
  the a an but and in on at he she it they we i this that these those there here when while after before if as
  some many most several all one two three for with from by to of so yet still also however meanwhile his her
  its their our my your what why how who where since because although though other another each every no not
  during despite among according asked now then later earlier yes last next over under about around both either
  neither such only even just more less once
`);

/** Head words that make a capitalised name an organisation. */
export const ORGANISATION_WORDS = wordSet(`
  ministry department party council agency office committee forces force army police group organization
  organisation association union company corporation inc corp ltd bank university institute foundation
  commission court government parliament congress senate guards guard brigade brigades movement front alliance
  coalition network news times post journal agency service services board authority administration campaign
  center centre fund bureau house assembly federation league club press media tribune herald telegraph guardian
  co llc team command militia militias resistance revolutionary nations pentagon kremlin cabinet secretariat
  embassy consulate hospital school college church mosque
`);

/** Titles before a personal name. */
export const PERSON_TITLES = wordSet(`
  mr mrs ms dr prof president minister senator sen rep gov governor general gen secretary chairman chairwoman
  leader spokesman spokeswoman judge justice mayor sheikh king queen prince princess pope ayatollah colonel col
  lt capt captain sgt sergeant commander commodore admiral ambassador representative congressman congresswoman
  lord lady sir dame
  rev bishop imam cleric chancellor premier speaker director chief mrs. mr. ms. dr.
`);
