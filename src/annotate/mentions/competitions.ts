import type { Mention } from "../../model/index.js";
import { isSportReport, SPORT_COMPETITION_WORDS } from "./evidence.js";
import type { MentionInput } from "./input.js";
import { tablesIn } from "./tables.js";

/** Labels a table needs before it makes its document a sports report (standings, results). */
const MIN_TABLE_LABELS = 4;

/**
 * In a sports report (its words, or a standings or results table), a name whose head is "League" is the
 * competition the teams play in ("the Velmar Premier League", "NATIONAL LEAGUE STANDINGS"), an "other" name, as
 * the rules read it too; the tagger reads it as an organisation. Elsewhere a league is a body of members (a
 * party, an alliance) and stays an organisation. Mentions must have their text set; types are changed in place.
 */
export function competitionsOfSportReports(mentions: Mention[], input: MentionInput): Mention[] {
  const leagues = mentions.filter(
    (m) => m.type === "organization" && SPORT_COMPETITION_WORDS.has((m.text.split(/\s+/u).at(-1) ?? "").toLowerCase()),
  );
  if (leagues.length === 0) return mentions;
  if (!isSportReport(input.tokens) && !tablesIn(input.text).some((t) => t.length >= MIN_TABLE_LABELS)) return mentions;
  for (const m of leagues) m.type = "other";
  return mentions;
}
