import type { Mention } from "../../model/index.js";
import { nameKey } from "../../words/name-key.js";

/**
 * Verbs in the plural right after their subject ("Velmar are fifth", "Kestrel Rovers win 3-0 on aggregate"):
 * British usage gives a team or a firm a plural verb, never one person.
 */
const PLURAL_VERB_AFTER = /^\s+(?:are|were|have|win)\b/u;
/**
 * What makes the subject more than the name before the verb, as part of the clause's text before the name: a
 * list ("Ana Ruiz and Tomas Orrin are", "neither Orrin nor Ana Ruiz were", "Orrin, Ana Ruiz are": a comma after a name), company ("with"), or the
 * subjunctive ("if Ruiz were"). A comma after a common word ends an opening phrase ("Despite the defeat, Velmar are").
 */
const NOT_ALONE = /(?:^|[^\p{L}])(?:and|or|nor|with|if|together)(?:[^\p{L}]|$)|&|\p{Lu}[\p{L}.'’-]*\s*,/u;
/** How far back, in characters, the text before a name is looked at for `NOT_ALONE`. */
const CLAUSE_REACH = 60;

/**
 * A name read as a person with a plural verb right after it, alone as the clause's subject ("Portavel were
 * unable to score", "Velmar Athletic win 2-1 on aggregate"), is a team or a firm, an organisation: one person
 * takes "is", "was", "has", "wins". Where the words before it could make the subject a list, or the verb a
 * subjunctive, it is left as read. The document's other mentions of the same name read as a person are that
 * team too. Mentions must have their text set; their types are changed in place.
 */
export function teamsOfPluralVerbs(mentions: Mention[], text: string): Mention[] {
  const teams = new Set<string>();
  for (const m of mentions) {
    if (m.type !== "person" || !PLURAL_VERB_AFTER.test(text.slice(m.end, m.end + 8))) continue;
    const before = text.slice(Math.max(0, m.start - CLAUSE_REACH), m.start);
    const clause = before.slice(before.lastIndexOf("\n") + 1);
    if (NOT_ALONE.test(clause)) continue;
    teams.add(nameKey(m.text));
  }
  // The team's other mentions read as a person are the team too.
  for (const m of mentions) if (m.type === "person" && teams.has(nameKey(m.text))) m.type = "organization";
  return mentions;
}
