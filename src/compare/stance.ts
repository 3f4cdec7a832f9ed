import type { ArticleSpan, DiscrepancyFinding, EntityIndex, Mention } from "../model/index.js";
import { unitSimilarity } from "./align.js";
import type { Unit } from "./units.js";
import { contentStems } from "./words.js";

/** How a stance verb places its subject: for the thing at stake, or against it. */
type Side = "accepts" | "rejects";

/** Stance verbs by side, as written (inflections included); "prepared to" and "ready to" accept. */
const STANCES: { side: Side; verb: RegExp }[] = [
  {
    side: "accepts",
    verb: /\b(?:agree[sd]?\s+to|accept(?:s|ed)?|(?:is|are|was|were|be|been)\s+(?:now\s+)?(?:prepared|ready|willing|inclined)\s+to|welcom(?:es|ed)|endors(?:es|ed))\b/i,
  },
  {
    side: "rejects",
    verb: /\b(?:reject(?:s|ed)?|den(?:y|ies|ied)|refus(?:es|ed)|dismiss(?:es|ed)|oppos(?:es|ed)|rul(?:es|ed)\s+out)\b/i,
  },
];

/** The subject is looked for this far before the verb. */
const SUBJECT_REACH = 70;
/** "The group denied ..." refers to the last organisation named within this many sentences before. */
const DESCRIPTION_REACH = 2;
const DEFINITE_DESCRIPTION =
  /\b(?:the|this|that)\s+(?:group|militia|movement|organi[sz]ation|party|union|company|firm|government|ministry|agency)\b/i;

/**
 * What a stance is taken on is read from the first content words after its verb: further on, a clause names
 * other things ("refused to have her picture taken the last years of her life" is not on "life support").
 */
const OBJECT_WORDS = 3;

interface Stance {
  unit: Unit;
  entity: string;
  article: string;
  side: Side;
  verb: string;
  evidence: ArticleSpan;
  /** Content stems of what the stance is taken on: the first words after the verb, within its clause. */
  object: Set<string>;
}

/**
 * Stance discrepancies: one actor reported by different outlets as taking opposite sides ("rejected" in one,
 * "agreed to" in another); the same side in other words ("denied", "rejected") is no discrepancy. The subject is the nearest name before the verb, or a definite
 * description ("the group") read as the organisation named just before.
 */
export function stanceDiscrepancies(units: Unit[], entities: EntityIndex): DiscrepancyFinding[] {
  const stances: Stance[] = [];
  units.forEach((u) => {
    for (const { side, verb } of STANCES) {
      const m = verb.exec(u.text);
      if (!m) continue;
      const at = u.sentence.start + m.index;
      if (u.quotes.some((q) => at >= q.start && at < q.end)) continue;
      const entity = subjectOf(units, u, at, entities);
      const object = new Set(
        contentStems(u.text.slice(m.index + m[0].length).split(/[,;:.!?]/u)[0] ?? "").slice(0, OBJECT_WORDS),
      );
      if (entity)
        stances.push({
          unit: u,
          entity,
          article: u.article,
          side,
          verb: m[0].toLowerCase(),
          evidence: { article: u.article, start: u.sentence.start, end: u.sentence.end },
          object,
        });
    }
  });
  const byEntity = new Map<string, Stance[]>();
  for (const s of stances) {
    const list = byEntity.get(s.entity);
    if (list) list.push(s);
    else byEntity.set(s.entity, [s]);
  }
  const out: DiscrepancyFinding[] = [];
  for (const [entity, list] of byEntity) {
    // Opposite sides on the same thing: "accepted the union's version" against "rejected the union's account",
    // not "accepted the invitation" against "rejected the account". Each article keeps its closest such stance.
    const perArticle = new Map<string, { stance: Stance; score: number }>();
    for (const x of list) {
      for (const y of list) {
        if (x.article === y.article || x.side === y.side || ![...x.object].some((w) => y.object.has(w))) continue;
        const score = unitSimilarity(x.unit, y.unit);
        const held = perArticle.get(x.article);
        if (!held || score > held.score) perArticle.set(x.article, { stance: x, score });
      }
    }
    const values = [...perArticle.values()].map((v) => v.stance);
    if (values.length < 2 || new Set(values.map((v) => v.side)).size < 2) continue;
    const name = entities.entities.find((e) => e.id === entity)?.name ?? entity;
    out.push({
      id: "",
      kind: "stance",
      about: `how ${name} responded`,
      explanation: `${name} is reported as ${values.map((v) => `"${v.verb}" by ${v.article}`).join(", ")}: opposite stances.`,
      sides: values.map((v) => ({ article: v.article, value: v.verb, evidence: v.evidence })),
    });
  }
  return out;
}

function subjectOf(units: Unit[], u: Unit, at: number, entities: EntityIndex): string | undefined {
  // The entity's type, not the mention's: a tagger may type one mention of a name differently.
  const actor = (m: Mention) => {
    const type = entities.byMention(u.article, m.start, m.end)?.type;
    return type === "organization" || type === "person";
  };
  const before = u.mentions.filter((m) => m.end <= at && at - m.end <= SUBJECT_REACH && actor(m));
  const nearest = before.at(-1);
  const window = u.text.slice(Math.max(0, at - u.sentence.start - SUBJECT_REACH), at - u.sentence.start);
  const description = DEFINITE_DESCRIPTION.exec(window);
  if (nearest && (!description || nearest.end > at - (window.length - description.index))) {
    return entities.byMention(u.article, nearest.start, nearest.end)?.id;
  }
  if (!description) return undefined;
  for (let i = u.index - 1; i >= 0 && i >= u.index - DESCRIPTION_REACH; i--) {
    const prev = units[i];
    if (!prev || prev.article !== u.article) break;
    const orgs = prev.mentions.filter((m: Mention) => {
      const e = entities.byMention(prev.article, m.start, m.end);
      return e?.type === "organization";
    });
    const last = orgs.at(-1);
    if (last) return entities.byMention(prev.article, last.start, last.end)?.id;
  }
  return undefined;
}
