import type { Lexicon } from "../../lexicon/index.js";
import type { Mention } from "../../model/index.js";
import { isSportReport } from "./evidence.js";
import type { MentionInput } from "./input.js";
import { endsInHead, isCountry } from "./words.js";

/** A possessive right after a name, and the words after it up to the end of the line or a comma. */
const POSSESSIVE_AFTER = /^\s?['’]s\b([^\n,]{0,40})/u;
/** A capitalised name right after the possessive, as its words (the thing owned: "Velmar 's Kestrel Hospital"). */
const OWNED_NAME = /^\s+((?:\p{Lu}[\p{L}.'’-]*\s*)+)/u;

/**
 * In a sports report, a town or county that owns something ("Velmar 's 3-1 win", "Kestrel 's coach",
 * "Portavel 's Ana Ruiz") is the club named after it, an organisation: a report's people, wins and totals are
 * its clubs'. A country stays a place (a national side is read as one), and so does a region the gazetteers
 * know (a continent's "Europe 's top race") and a town that owns a named site or paper ("Velmar 's Kestrel
 * Hospital"). Mentions must have their text set; their types are changed in place.
 */
export function teamsOwningInSportReports(mentions: Mention[], input: MentionInput, lexicon: Lexicon): Mention[] {
  if (!isSportReport(input.tokens)) return mentions;
  for (const m of mentions) {
    if (m.type !== "place" || isCountry(m.text, lexicon) || lexicon.lookupPlace(m.text)?.kind === "region") continue;
    const after = POSSESSIVE_AFTER.exec(input.text.slice(m.end, m.end + 48));
    if (!after) continue;
    const owned = OWNED_NAME.exec(after[1] as string)?.[1]
      ?.trim()
      .split(/\s+/u);
    if (owned && endsInHead(owned[owned.length - 1] as string)) continue;
    m.type = "organization";
  }
  return mentions;
}
