import type { ArticleSpan, TimelineFinding } from "../model/index.js";
import { unitSimilarity } from "./align.js";
import type { StatementGroup } from "./facts.js";
import type { Unit } from "./units.js";

/** Two dated statements with the same date and this similarity are one event told twice. */
const SAME_EVENT = 0.15;

interface Event {
  date: string;
  units: Unit[];
}

/**
 * The story's dated events: every statement with a resolved date, merged across articles when the date is the
 * same and the statements align, sorted by date (partial dates before the days they contain).
 */
export function timelineOf(
  units: Unit[],
  groups: StatementGroup[],
  order: (article: string) => number,
): TimelineFinding[] {
  const groupOf = new Map<number, number>();
  groups.forEach((g, i) => {
    for (const u of g.units) groupOf.set(u.index, i);
  });
  const events: Event[] = [];
  // Events by day: a statement joins only an event of its own day, so only those are looked through.
  const onDay = new Map<string, Event[]>();
  for (const u of units) {
    if (u.headline) continue;
    for (const d of u.dates) {
      if (!d.date) continue;
      const date = d.date.slice(0, 10);
      const day = onDay.get(date) ?? [];
      const same = day.find((e) =>
        e.units.some(
          (x) =>
            x.index === u.index ||
            (x.article !== u.article &&
              ((groupOf.get(x.index) !== undefined && groupOf.get(x.index) === groupOf.get(u.index)) ||
                unitSimilarity(x, u) >= SAME_EVENT)),
        ),
      );
      if (same) {
        if (!same.units.includes(u)) same.units.push(u);
      } else {
        const event = { date, units: [u] };
        events.push(event);
        day.push(event);
        onDay.set(date, day);
      }
    }
  }
  return events
    .map((e) => {
      const first = [...e.units].sort((a, b) => order(a.article) - order(b.article) || a.index - b.index)[0] as Unit;
      return {
        date: e.date,
        statement: sentenceOf(first),
        sources: [...new Set(e.units.map((u) => u.article))].sort((a, b) => order(a) - order(b)),
        evidence: e.units.map(sentenceOf),
      };
    })
    .sort((a, b) => a.date.localeCompare(b.date) || b.sources.length - a.sources.length);
}

function sentenceOf(u: Unit): ArticleSpan {
  return { article: u.article, start: u.sentence.start, end: u.sentence.end };
}
