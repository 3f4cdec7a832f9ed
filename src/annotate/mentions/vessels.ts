import type { Mention } from "../../model/index.js";
import { nameKey } from "../../words/name-key.js";
import { ORG_HEADS } from "../../words/names.js";

/** Nouns for a ship or boat, which news copy puts before a vessel's name ("the tanker Marisol Bay"). */
const VESSEL_NOUNS =
  "ship|vessel|tanker|freighter|barge|ferry|yacht|trawler|tug|tugboat|liner|cutter|dredger|schooner|frigate|destroyer|submarine|warship|carrier|boat";

/**
 * A vessel's name right after its kind in apposition ("the barge, the Marten Rose,"), or after the kind and
 * "the" ("the cargo ship the Kestrel Star"): the tail of the text before the name.
 */
const VESSEL_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${VESSEL_NOUNS})s?\\s*(?:,\\s*)?the\\s+$`, "iu");

/**
 * The same apposition after a vessel that is itself the complement of another noun ("the owner of the barge, the
 * Ansel Freight Cooperative,"): the name may be the owner's.
 */
const OWNER_BEFORE = new RegExp(
  `\\bof\\s+(?:the|a|an|its|their|this)\\s+(?:[\\p{L}-]+\\s+)?(?:${VESSEL_NOUNS})s?\\s*,\\s*the\\s+$`,
  "iu",
);

/** Prefixes that name a ship ("MV Kestrel Star", "HMS Portavel"). */
const SHIP_PREFIX = /^(?:MV|M\/V|MS|MT|HMS|USS|RMS|SS|HMCS|HMAS|INS)\s+\p{Lu}/u;

/** How far back, in characters, the text before a name is read for its kind. */
const REACH = 40;

/**
 * A ship's name is neither a person nor an organisation nor a place: the name after a vessel's kind and "the"
 * ("the barge, the Marten Rose", "the tanker the Kestrel Star") or behind a ship prefix ("MV Kestrel Star") is
 * of type "other", and so are the document's other mentions of the same name (without the prefix too). A kind with the name right after
 * it and no "the" ("the ferry Ana Ruiz took") may be a relative clause's subject, and is left as read. Mentions
 * must have their text set; their types are changed in place, and marked `settled`.
 */
export function vesselNames(mentions: Mention[], text: string): Mention[] {
  const vessels = new Set<string>();
  for (const m of mentions) {
    if (m.type === "other") continue;
    const prefixed = SHIP_PREFIX.test(m.text);
    const before = text.slice(Math.max(0, m.start - REACH), m.start);
    if (!prefixed && (!VESSEL_BEFORE.test(before) || OWNER_BEFORE.test(before) || namesOrganisation(m.text))) continue;
    vessels.add(nameKey(m.text));
    // The name without its prefix is the same ship ("MV Kestrel Star" ... "the Kestrel Star").
    if (prefixed) vessels.add(nameKey(m.text.replace(/^\S+\s+/u, "")));
  }
  if (vessels.size === 0) return mentions;
  for (const m of mentions) {
    if (!vessels.has(nameKey(m.text))) continue;
    m.type = "other";
    m.settled = true;
  }
  return mentions;
}

/** A name whose last word says it is an organisation ("Ansel Freight Cooperative"), which no ship is called. */
function namesOrganisation(name: string): boolean {
  return ORG_HEADS.has(name.split(/\s+/u).pop()?.toLowerCase() ?? "");
}
