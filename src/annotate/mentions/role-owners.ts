import type { Lexicon } from "../../lexicon/index.js";
import type { Mention } from "../../model/index.js";
import { isCountry } from "./words.js";

/**
 * Posts held in a team or a firm, written between its name and the holder's ("Velmar manager Ana Ruiz",
 * "Kestrel analyst Tomas Okafor"). Posts of states and of people's own staff ("president", "minister",
 * "adviser") are left out: a country or a leader has those too.
 */
const POSTS = new Set([
  "manager",
  "coach",
  "chairman",
  "chairwoman",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "analyst",
  "economist",
  "strategist",
  "trader",
  "dealer",
  "striker",
  "midfielder",
  "defender",
  "goalkeeper",
  "winger",
  "forward",
  "pitcher",
  "catcher",
  "starter",
  "reliever",
  "shortstop",
  "outfielder",
  "infielder",
  "quarterback",
  "batsman",
  "bowler",
]);

/** What may stand between a name and the post after it: spaces, or "'s" ("Velmar 's coach Ana Ruiz" is not one). */
const POST_AFTER = /^\s+(\p{Ll}+)\s+$/u;

/**
 * A name right before a post that a team or a firm has, itself right before the holder's name ("Orrin manager
 * Ana Ruiz"), is the team or firm: an organisation, where the tagger read it as a person or as a city or region
 * the team is named after. A country stays a place (a national side, "Velmaria coach Ana Ruiz"), and a person
 * the document names in full elsewhere stays a person ("Okafor spokesman Ana Ruiz" after "Tomas Okafor").
 * Mentions must be sorted by `start` with their text set; their types are changed in place.
 */
export function ownersOfPosts(mentions: Mention[], text: string, lexicon: Lexicon): Mention[] {
  const fullNames = mentions.filter((m) => m.type === "person" && /\s/u.test(m.text)).map((m) => m.text.split(/\s+/u));
  mentions.forEach((m, i) => {
    if (m.type !== "person" && m.type !== "place") return;
    const holder = mentions[i + 1];
    if (!holder || holder.type !== "person") return;
    const post = POST_AFTER.exec(text.slice(m.end, holder.start))?.[1];
    if (!post || !POSTS.has(post)) return;
    if (m.type === "place") {
      const kind = lexicon.lookupPlace(m.text)?.kind;
      if (kind !== "city" && kind !== "region") return;
    } else if (fullNames.some((words) => words.includes(m.text))) return;
    m.type = "organization";
  });
  return mentions;
}

/** What is held in a firm, as the tail of the text before its name ("shares in ", "a stake in the "). */
const HOLDING_BEFORE = /\b(?:shares|stock|stake|stakes|holding|holdings)\s+(?:in|of)\s+(?:the\s+)?$/iu;

/**
 * A name after what is held in a firm ("shares in Velmar Estates", "a stake in Orrin") is the firm, an
 * organisation, though its words read as a town's or a person's. A country stays a place ("shares in
 * Velmaria" are shares in its market). Mentions must have their text set; their types are changed in place.
 */
export function firmsHeldIn(mentions: Mention[], text: string, lexicon: Lexicon): Mention[] {
  for (const m of mentions) {
    if (m.type !== "person" && m.type !== "place") continue;
    if (!HOLDING_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start))) continue;
    if (isCountry(m.text, lexicon)) continue;
    m.type = "organization";
  }
  return mentions;
}
