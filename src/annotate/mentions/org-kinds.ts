import type { Lexicon } from "../../lexicon/index.js";
import type { Mention } from "../../model/index.js";
import { isCountry } from "./words.js";

/**
 * Kinds of organisation that news copy writes, without an article, right before the organisation's name ("the
 * daily Le Velmar", "brokers Orrin Kestrel", "retailers Portavel"). Kinds whose singular also names a person's
 * trade ("broker", "publisher", "operator", "owner") are left out, and so are "champions", "partners" and
 * "rivals", which people are too.
 */
const KINDS = new Set([
  "newspaper",
  "newspapers",
  "daily",
  "dailies",
  "weekly",
  "tabloid",
  "magazine",
  "magazines",
  "publication",
  "agency",
  "brokers",
  "brokerage",
  "bank",
  "banks",
  "bankers",
  "lender",
  "insurer",
  "insurers",
  "firm",
  "firms",
  "company",
  "group",
  "conglomerate",
  "consortium",
  "retailer",
  "retailers",
  "carmaker",
  "carmakers",
  "airline",
  "airlines",
  "broadcaster",
  "exchange",
]);

/**
 * Kinds a relative clause follows as often as a name does ("the company Ana Ruiz founded", "a firm Tomas Berg
 * runs"): after one of them with a determiner, a name read as a person is left a person. The press kinds ("the
 * daily X") and the plurals ("brokers X") name the organisation after them.
 */
const RELATIVE_KINDS = new Set([
  "company",
  "firm",
  "group",
  "agency",
  "bank",
  "exchange",
  "consortium",
  "conglomerate",
]);
/** A determiner right before the kind ("the company ", "a firm "): the tail of the text before the name. */
const DETERMINER_BEFORE = /(?:^|[^\p{L}])(?:the|a|an|this|that|his|her|its|their|our)\s+\p{Ll}+ $/u;

/** The kind in lower case right before the name, as the tail of the text before it. */
const KIND_BEFORE = /(?:^|[^\p{L}])(\p{Ll}+) $/u;

/**
 * A name right after a kind of organisation in lower case ("the daily Le Velmar", "investment banks Orrin
 * Kestrel") is an organisation of that kind, where the tagger read it as a person or a town. A country stays a
 * place ("the daily Velmaria" would be odd; "aid agency Velmaria" is not a paper). Mentions must have their
 * text set; their types are changed in place.
 */
export function organisationsAfterTheirKind(mentions: Mention[], text: string, lexicon: Lexicon): Mention[] {
  for (const m of mentions) {
    if (m.type !== "person" && m.type !== "place") continue;
    const kind = KIND_BEFORE.exec(text.slice(Math.max(0, m.start - 20), m.start))?.[1];
    if (!kind || !KINDS.has(kind) || isCountry(m.text, lexicon)) continue;
    if (
      RELATIVE_KINDS.has(kind) &&
      m.type === "person" &&
      DETERMINER_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start))
    )
      continue;
    m.type = "organization";
  }
  return mentions;
}
