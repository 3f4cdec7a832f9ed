/**
 * Lines that are page furniture rather than reporting. Each rule names what it catches; a line is boilerplate
 * when any rule matches. Page controls, copyright and cookie lines have a shape no sentence has. A sales pitch
 * (subscription, newsletter, trial, price) is told apart from a sentence *about* those things by two cues: the
 * topic and the shape of a pitch (addressing the reader, an imperative, a price per period, a short line, a link).
 * One cue alone is common in news ("pensioners would pay only a third", "patients in the free trial").
 */
export const BOILERPLATE_RULES: { name: string; test: (line: string) => boolean }[] = [
  { name: "copyright", test: (l) => /^\s*(?:copyright\b|©|\(c\)\s*\d{4})|\ball rights reserved\b/i.test(l) },
  { name: "subscription pitch", test: (l) => SUBSCRIPTION.test(l) && pitchShape(l) },
  { name: "price pitch", test: (l) => PRICE.test(l) && pitchShape(l) },
  { name: "trial", test: (l) => TRIAL.test(l) && pitchShape(l) },
  {
    name: "share and link controls",
    test: (l) =>
      /^\s*(?:share(?: this(?: article| story| page)?)?(?: on \w+)?|copy link|copy the link|link copied|print|email|tweet|comments?|advertisement|follow us(?: on \w+)?|listen to (?:this )?article|save|gift this article)\s*[.!:]?\s*$/i.test(
        l,
      ),
  },
  {
    name: "related links",
    test: (l) =>
      /^\s*(?:related(?: articles| stories| coverage)?|read more|read also|see also|more on this(?: story)?|recommended|most read|you may also like|watch)\s*[:|»>–-]/i.test(
        l,
      ),
  },
  { name: "cookie notice", test: (l) => /\bwe use cookies\b|\baccept (?:all )?cookies\b/i.test(l) },
];

const SUBSCRIPTION =
  /\b(?:subscri(?:be|ption)|newsletters?|inbox|sign[ -]?up|log ?in|already a (?:member|subscriber)|unlimited access)\b/i;
/** A price per period or a price after "just"/"only": "$4.99 a month", "for only £1". */
const PRICE = /[$€£]\s?\d+(?:[.,]\d\d)? (?:a|per|\/) ?(?:month|year|week|mo|yr)\b|\b(?:for|just|only) [$€£]\s?\d/i;
const TRIAL = /\bfree (?:[\w-]+ )?trial\b|\bno obligation\b|\bcancel (?:at )?any ?time\b/i;

/** Words a pitch speaks to its reader with ("your inbox", "join us"). */
const READER = /\b(?:you|your|yours|you're|you'll)\b|\b(?:join|with|for) us\b/i;
/** A line that opens with an order to the reader. */
const IMPERATIVE =
  /^\s*(?:subscribe|sign[ -]?up|join|get|try|start|register|log ?in|click|tap|download|follow|become|support|unlock|enjoy|claim|don't miss|upgrade|activate)\b/i;
/** A link's shape: an address, an arrow, a click. */
const LINK = /https?:\/\/|www\.|[»›→]\s*$|\bclick here\b|\btap here\b/i;
/** A pitch is at most a short line; a sentence of reporting is longer or ends in a full stop. */
const SHORT_PITCH_WORDS = 8;
/** Reported speech is article text even when it speaks of subscriptions and says "you". */
const REPORTED = /["“”]|\b(?:said|says|told|according to)\b/i;

/** The second cue of a sales pitch: its shape rather than its topic. */
function pitchShape(line: string): boolean {
  if (REPORTED.test(line)) return false;
  if (READER.test(line) || IMPERATIVE.test(line) || LINK.test(line)) return true;
  const words = line.trim().split(/\s+/u).length;
  return words <= SHORT_PITCH_WORDS && !/[.…]$/u.test(line.trim());
}

/** Why a line is boilerplate, or undefined when it is part of the article. */
export function boilerplateRule(line: string): string | undefined {
  const trimmed = line.trim();
  if (trimmed.length === 0) return undefined;
  for (const rule of BOILERPLATE_RULES) if (rule.test(trimmed)) return rule.name;
  return undefined;
}
