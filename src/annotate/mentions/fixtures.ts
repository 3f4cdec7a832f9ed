import type { Lexicon } from "../../lexicon/index.js";
import type { Mention } from "../../model/index.js";
import { isCountry } from "./words.js";

/** What stands between the two sides of a fixture: "v", "vs" or "vs." between spaces. */
const VERSUS = /^\s+(?:v|vs\.?)\s+$/u;

/**
 * The two sides of a fixture ("Velmar v Kestrel Rovers") are of one kind: where one side is an organisation,
 * a club, the other is a club too, though its name reads as a person's or a town's ("Portavel v Orrin
 * United"). A country stays a place (a national side), and two persons ("Ana Ruiz v Tomas Berg") are left as
 * they are. Mentions must be sorted by `start` with their text set; their types are changed in place.
 */
export function clubsOfFixtures(mentions: Mention[], text: string, lexicon: Lexicon): Mention[] {
  const club = (m: Mention) => m.type === "organization" && !isCountry(m.text, lexicon);
  const other = (m: Mention) => (m.type === "person" || m.type === "place") && !isCountry(m.text, lexicon);
  mentions.forEach((m, i) => {
    const next = mentions[i + 1];
    if (!next || !VERSUS.test(text.slice(m.end, next.start))) return;
    if (club(m) && other(next)) next.type = "organization";
    else if (club(next) && other(m)) m.type = "organization";
  });
  return mentions;
}
