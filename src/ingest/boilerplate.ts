/**
 * Lines that are page furniture rather than reporting. Each rule names what it catches; a line is boilerplate
 * when any rule matches. Rules on common words ask for a second cue (an imperative, "you", a price) so that a
 * sentence *about* subscriptions or sharing stays in the article.
 */
export const BOILERPLATE_RULES: { name: string; test: RegExp }[] = [
  { name: "copyright", test: /^\s*(?:copyright\b|©|\(c\)\s*\d{4})|\ball rights reserved\b/i },
  {
    name: "subscription pitch",
    test: /\b(?:subscri(?:be|ption)|newsletter|inbox|sign[ -]?up|free (?:\w+[- ])?trial|log ?in|already a (?:member|subscriber))\b.*\b(?:you|your|us|our|today|now|only)\b|\b(?:you|your|us|our|today|now|only)\b.*\b(?:subscri(?:be|ption)|newsletter|inbox|free (?:\w+[- ])?trial)\b/i,
  },
  {
    name: "price pitch",
    test: /\bpay only\b|\bfor (?:just|only) [$€£]\s?\d|[$€£]\s?\d+(?:\.\d\d)? (?:a|per) (?:month|year|week)\b/i,
  },
  { name: "trial", test: /\bfree (?:\w+[- ])?trial\b|\bno obligation\b|\bcancel (?:at )?any ?time\b/i },
  {
    name: "share and link controls",
    test: /^\s*(?:share(?: this(?: article| story| page)?)?(?: on \w+)?|copy link|copy the link|link copied|print|email|tweet|comments?|advertisement|follow us(?: on \w+)?|listen to (?:this )?article|save|gift this article)\s*[.!:]?\s*$/i,
  },
  {
    name: "related links",
    test: /^\s*(?:related(?: articles| stories| coverage)?|read more|read also|see also|more on this(?: story)?|recommended|most read|you may also like|watch)\s*[:|»>–-]/i,
  },
  { name: "cookie notice", test: /\bwe use cookies\b|\baccept (?:all )?cookies\b/i },
];

/** Why a line is boilerplate, or undefined when it is part of the article. */
export function boilerplateRule(line: string): string | undefined {
  const trimmed = line.trim();
  if (trimmed.length === 0) return undefined;
  for (const rule of BOILERPLATE_RULES) if (rule.test.test(trimmed)) return rule.name;
  return undefined;
}
