import type { Lexicon } from "../../lexicon/index.js";
import type { EntityType, Mention } from "../../model/index.js";
import { isCountry } from "./words.js";

/** A capitalised word of a row's label. */
const CAPITAL = String.raw`\p{Lu}[\p{L}\p{M}.'’-]*`;
/** Small words that stay inside a name between capitalised ones ("Queen of the South", "Admira / Wacker"). */
const SMALL = String.raw`(?:of|the|de|del|la|le|'s|/|&)`;
/** A label: capitalised words, small words only between them. */
const LABEL = String.raw`${CAPITAL}(?:[ \t]+(?:${SMALL}[ \t]+)*${CAPITAL})*`;
/**
 * A figure of a table's row: counts, points, percentages (".524"), times, fractions ("1/2"), or a dash where
 * a figure has no value (games behind of the leader).
 */
const FIGURE = String.raw`(?:[+-]?\.?\d[\d.,:/-]*|-)`;
/**
 * A standings or results row: one label, then figures only, at least three ("Velmar 4 3 0 1 6 2 9"), so that a
 * name and its one or two numbers in prose lists ("Kestrel 44,525 up 11.8") are no table.
 */
const ROW = new RegExp(String.raw`^[ \t]*(${LABEL})(?:[ \t]+${FIGURE}){3,}[ \t]*$`, "du");
/** A side's score, with its scorers in brackets where they are given ("2 ( Ruiz 15th , Okafor 64th )"). */
const SCORE = String.raw`[ \t]+\d{1,3}(?:[ \t]+\([^()\n]*\))?`;
/**
 * A score line: two labels, each with its score and perhaps its scorers ("Velmar 2 Portavel Athletic 1",
 * "Velmar 2 ( Ruiz 15th ) Orrin 1 ( Okafor 9th ) .").
 */
const SCORE_LINE = new RegExp(String.raw`^[ \t]*(${LABEL})${SCORE}[ \t]+(${LABEL})${SCORE}[ \t]*\.?[ \t]*$`, "du");

/** Labels a table must have before their kinds are read as one table's. */
const MIN_LABELS = 4;
/**
 * Share of the typed labels the leading kind must have: a table lists clubs or players, and a lesser share
 * means the labels are of several kinds (or the tagger is unsure of most).
 */
const LABEL_SHARE = 0.6;

interface Label {
  start: number;
  end: number;
}

/**
 * The labels of a table (standings rows, score lines) name things of one kind: clubs where the tagger read
 * most of them as organisations, players where it read most as persons. Each label is then one name of that
 * kind over all its words ("Kestrel Wanderers 4 3 0 1" is one club, not a place and a day), a city's name
 * included (its team), also where the tagger found no name in it ("Reading 2 1 0 1"); a country's name stays
 * a place (a national side). Tables whose labels the tagger read
 * mostly as places (weather, markets) are left alone. A table is a run of such lines, with the lines of figures
 * between them (scorers, attendances), up to a line without figures (a heading): each is read on its own, as
 * one report may give a table of clubs and one of players. Mentions must have their text set.
 */
export function oneKindPerTable(mentions: Mention[], text: string, lexicon: Lexicon): Mention[] {
  let out = mentions;
  const teams = new Set<string>();
  for (const table of tablesIn(text)) {
    const labels = table.filter((l) => !isCountry(text.slice(l.start, l.end), lexicon));
    const top = leadingKind(out, labels);
    if (!top) continue;
    out = relabel(out, labels, top, text);
    if (top === "organization") for (const l of labels) teams.add(text.slice(l.start, l.end));
  }
  return teams.size === 0 ? out : teamsOfTables(out, teams, text);
}

/** "In", "at" or "to" (any case) and the space before a name: where something happens or goes, a place. */
const VENUE_BEFORE = /(?:^|[^\p{L}])(?:[Ii]n|[Aa]t|[Tt]o) $/u;

/** A dateline: a name opening its line with only figures after it ("VELMAR 1996-08-22"), where a report was filed. */
function isDateline(m: Mention, text: string): boolean {
  const lineStart = text.lastIndexOf("\n", m.start - 1) + 1;
  const lineEnd = text.indexOf("\n", m.end);
  const rest = text.slice(m.end, lineEnd === -1 ? text.length : lineEnd);
  return /^[ \t]*$/.test(text.slice(lineStart, m.start)) && !/\p{L}/u.test(rest);
}

/**
 * A club a table of the report names ("Velmar 2 Portavel 1") is that club wherever the report names it the
 * same way, also where the tagger read the town it is named after ("for Velmar", "Velmar 's coach"); the town
 * it plays in ("in Velmar", "at Velmar") stays a place. Mentions must have their text set; their types are
 * changed in place.
 */
function teamsOfTables(mentions: Mention[], teams: ReadonlySet<string>, text: string): Mention[] {
  for (const m of mentions) {
    if (m.type !== "place" || !teams.has(m.text)) continue;
    if (VENUE_BEFORE.test(text.slice(Math.max(0, m.start - 4), m.start)) || isDateline(m, text)) continue;
    m.type = "organization";
  }
  return mentions;
}

const inside = (m: Mention, l: Label) => m.start >= l.start && m.end <= l.end;

/** The kind most of the labels were read as, if it is a person's or an organisation's and clearly leads. */
function leadingKind(mentions: readonly Mention[], labels: readonly Label[]): EntityType | undefined {
  if (labels.length < MIN_LABELS) return undefined;
  const votes = new Map<EntityType, number>();
  let typed = 0;
  for (const l of labels) {
    const m = mentions.find((x) => inside(x, l));
    if (!m || m.type === "other") continue;
    votes.set(m.type, (votes.get(m.type) ?? 0) + 1);
    typed++;
  }
  if (typed < MIN_LABELS) return undefined;
  const [top, count] = [...votes].reduce((a, b) => (b[1] > a[1] ? b : a));
  return top === "place" || count < LABEL_SHARE * typed ? undefined : top;
}

/** Each label becomes one name of the table's kind, also where the tagger found none in it ("Reading 2 1 0 1"). */
function relabel(mentions: Mention[], labels: readonly Label[], type: EntityType, text: string): Mention[] {
  const covered = (m: Mention) => labels.some((l) => m.start < l.end && l.start < m.end);
  const added = labels.map((l) => ({ start: l.start, end: l.end, text: text.slice(l.start, l.end), type }));
  return [...mentions.filter((m) => !covered(m)), ...added].sort((a, b) => a.start - b.start);
}

/**
 * The document's tables: runs of standings rows and score lines, and of lines with figures between them, each as
 * the character spans of its labels.
 */
export function tablesIn(text: string): Label[][] {
  const tables: Label[][] = [];
  let current: Label[] = [];
  let lineStart = 0;
  for (const line of text.split("\n")) {
    const match = ROW.exec(line) ?? SCORE_LINE.exec(line);
    if (match) {
      for (const span of match.indices?.slice(1) ?? [])
        if (span) current.push({ start: lineStart + span[0], end: lineStart + span[1] });
    } else if (current.length > 0 && !/\d/.test(line)) {
      tables.push(current);
      current = [];
    }
    lineStart += line.length + 1;
  }
  if (current.length > 0) tables.push(current);
  return tables;
}
