import type { Mention } from "../../model/index.js";

/**
 * A news organisation's desk named with capitals, as a wire's sign-off gives it ("-- Velmar Energy Desk ,
 * +1 212 555 0100", "Tarvik Newsdesk"): up to four capitalised words, then "Desk", "Newsdesk" or "Newsroom".
 */
const DESK = /(?<![\p{L}\p{N}.'’&-])((?:\p{Lu}[\p{L}.'’&-]*[ \t]+){1,4})(?:Desk|Newsdesk|Newsroom)(?![\p{L}\p{N}])/gu;

/**
 * A desk of a newsroom, named by its place or its beat and the word "Desk" ("Velmar Energy Desk", "Tarvik
 * Newsdesk"), is one organisation over all its words, where the tagger read its place alone ("Velmar"), a
 * person, or nothing. Mentions must be sorted by `start` with their text set.
 */
export function newsDesks(mentions: Mention[], text: string): Mention[] {
  const desks: Mention[] = [];
  for (const match of text.matchAll(DESK)) {
    const start = match.index as number;
    const end = start + match[0].length;
    const hit = mentions.filter((m) => m.start < end && start < m.end);
    if (hit.some((m) => m.start < start || m.end > end)) continue;
    desks.push({ start, end, text: match[0], type: "organization" });
  }
  if (desks.length === 0) return mentions;
  const covered = (m: Mention) => desks.some((d) => m.start < d.end && d.start < m.end);
  return [...mentions.filter((m) => !covered(m)), ...desks].sort((a, b) => a.start - b.start);
}
