import { wordList, wordSet } from "./words.js";

/**
 * Verbs that introduce reported speech, as lemmas. Inflected forms come from `inflect`.
 * Kept general: verbs of saying, writing and answering that news copy uses to attribute words.
 */
export const SPEECH_VERB_LEMMAS = wordList(`
  say tell add state write post warn explain ask note insist claim declare argue continue reply tweet announce
  urge caution acknowledge concede recall vow reiterate confirm deny admit assert boast complain comment
  contend predict promise remark report respond reveal suggest testify shout scream yell joke quip lament
  mutter whisper exclaim observe pledge proclaim stress emphasize emphasise maintain counter retort agree
  allege answer charge conclude disclose mention recount repeat speak text email wonder demand plead concur
  thunder tout scoff sigh muse marvel chant cry beg advise affirm assure brag elaborate grumble inform
  interject object protest quote rebut recommend reason specify summarize summarise read reject refuse
  dismiss headline
`);

/**
 * Lemmas that report words only right after a quotation ('"...," the statement read', '"...," the Courier
 * headlined'), never before one: before a quotation they name it ("a story headlined ...").
 */
export const TAIL_ONLY_LEMMAS = wordSet(`
  read headline
`);

/**
 * Verbs that name rather than report ("a group called X", "what he dubbed X"). They attribute words only when
 * something stands between them and the quotation ("called the plan 'reckless'").
 */
export const NAMING_VERB_LEMMAS = wordList(`
  call dub label brand describe term
`);

/**
 * Lemmas whose bare or -s form is as often a noun (a note, the reports, his claims); those forms count as verbs
 * only with a subject that is a name, a pronoun or a determiner-led noun phrase.
 */
export const NOUN_LIKE_LEMMAS = wordSet(`
  state post note claim report comment answer charge promise text email quote counter demand object protest
  reply repeat tweet pledge vow joke cry sigh muse reason stress wonder continue add ask respond deny admit
  headline
`);

/**
 * Lemmas too common in plain narration ("continued to fight", "asked for help") to count anywhere in a
 * sentence; they attribute only right next to a quotation or before a colon.
 */
export const WEAK_LEMMAS = wordSet(`
  continue ask post write recall agree answer charge conclude repeat speak text email wonder demand respond
  advise inform object protest quote reason observe maintain counter tout marvel cry beg specify recommend
  stress read headline
`);

const IRREGULAR: Record<string, string[]> = {
  say: ["say", "says", "said", "saying"],
  tell: ["tell", "tells", "told", "telling"],
  write: ["write", "writes", "wrote", "written", "writing"],
  speak: ["speak", "speaks", "spoke", "spoken", "speaking"],
  quip: ["quip", "quips", "quipped", "quipping"],
  admit: ["admit", "admits", "admitted", "admitting"],
  rebut: ["rebut", "rebuts", "rebutted", "rebutting"],
  object: ["object", "objects", "objected", "objecting"],
  concur: ["concur", "concurs", "concurred", "concurring"],
  email: ["email", "emails", "emailed", "emailing", "e-mailed"],
  cry: ["cry", "cries", "cried", "crying"],
  beg: ["beg", "begs", "begged", "begging"],
  brag: ["brag", "brags", "bragged", "bragging"],
  label: ["label", "labels", "labeled", "labelled", "labeling", "labelling"],
  dub: ["dub", "dubs", "dubbed", "dubbing"],
  read: ["read", "reads"],
};

/** The base, third-person, past and -ing forms of a regular English verb. */
export function inflect(lemma: string): string[] {
  const irregular = IRREGULAR[lemma];
  if (irregular) return irregular;
  const consonantY = /[^aeiou]y$/.test(lemma);
  const third = consonantY ? `${lemma.slice(0, -1)}ies` : /(?:s|sh|ch|x|z|o)$/.test(lemma) ? `${lemma}es` : `${lemma}s`;
  const past = consonantY ? `${lemma.slice(0, -1)}ied` : lemma.endsWith("e") ? `${lemma}d` : `${lemma}ed`;
  const ing = lemma.endsWith("e") && !lemma.endsWith("ee") ? `${lemma.slice(0, -1)}ing` : `${lemma}ing`;
  return [lemma, third, past, ing];
}

export interface VerbForm {
  lemma: string;
  /** "base" and "third" of noun-like lemmas need a convincing subject. */
  form: "base" | "third" | "past" | "ing";
  naming: boolean;
}

function buildForms(): Map<string, VerbForm> {
  const forms = new Map<string, VerbForm>();
  const add = (lemma: string, naming: boolean) => {
    const all = inflect(lemma);
    all.forEach((word, i) => {
      const form: VerbForm["form"] = word.endsWith("ing")
        ? "ing"
        : i === 0
          ? "base"
          : i === 1 && word !== all[2]
            ? "third"
            : "past";
      if (!forms.has(word)) forms.set(word, { lemma, form, naming });
    });
  };
  for (const lemma of SPEECH_VERB_LEMMAS) add(lemma, false);
  for (const lemma of NAMING_VERB_LEMMAS) add(lemma, true);
  return forms;
}

const FORMS = buildForms();

/** Looks a lower-cased word up among the speech and naming verb forms. */
export function speechVerb(word: string): VerbForm | undefined {
  return FORMS.get(word.toLowerCase());
}
