import { articleNames, type StoryReport } from "../model/index.js";
import { bySpeaker, speakerText } from "../web/speaker.js";
import { printable } from "./io.js";

/** Most aliases or mentions listed per entity line before "…". */
const MAX_LISTED = 6;

/**
 * A readable summary of a story report for a terminal. Whatever the report holds, the summary holds no
 * control character but the line ends: a report built from unread text cannot drive the terminal.
 */
export function renderSummary(report: StoryReport): string {
  const out: string[] = [];
  const { story } = report;
  const span = [story.firstPublished, story.lastPublished].filter(Boolean);
  out.push(`Story: ${story.title || "(untitled)"}`);
  out.push(
    `${story.articleCount} article${story.articleCount === 1 ? "" : "s"}${span.length ? `, ${[...new Set(span)].join(" to ")}` : ""}`,
  );
  out.push("");
  out.push("Articles");
  // Numbered and named as the rest of the summary, the pages and the brief name them; the id is the file's.
  const names = articleNames(report.articles);
  report.articles.forEach((a, i) => {
    const meta = [a.published, a.author ? `by ${a.author}` : undefined].filter(Boolean).join(", ");
    out.push(`  ${i + 1}. ${names.get(a.id) ?? a.id}  [${a.id}]  ${a.wordCount} words${meta ? `  (${meta})` : ""}`);
    if (a.title) out.push(`      "${a.title}"`);
    if (a.removedBoilerplate.length) out.push(`      ${a.removedBoilerplate.length} boilerplate line(s) removed`);
  });
  out.push("");
  const named = report.entities.filter((e) => e.type !== "other");
  out.push(`Entities (${named.length})`);
  for (const e of named) {
    const articles = new Set(e.mentions.map((m) => m.article)).size;
    const aliases = e.aliases.length
      ? `  also: ${e.aliases.slice(0, MAX_LISTED).join(", ")}${e.aliases.length > MAX_LISTED ? ", …" : ""}`
      : "";
    out.push(`  ${e.type.padEnd(12)} ${e.name}  [${e.mentions.length}× in ${articles}]${aliases}`);
  }
  out.push("");
  out.push(`Quotations (${report.quotes.length})`);
  const entityName = new Map(report.entities.map((e) => [e.id, e.name]));
  for (const q of report.quotes) {
    const who = q.speaker.entity ? entityName.get(q.speaker.entity) : undefined;
    const speaker = speakerText(q.speaker.description, who);
    out.push(`  “${clip(q.text, 110)}”`);
    out.push(`      — ${speaker}; in ${q.occurrences.length} article(s)`);
    for (const o of q.occurrences) {
      out.push(
        `        ${names.get(o.article) ?? o.article}: ${o.fidelity}${o.attribution ? `, "${clip(o.attribution, 60)}"` : ""}`,
      );
    }
  }
  out.push("");
  renderSpeech(report, entityName, out);
  renderComparison(report, names, out);
  return printable(`${out.join("\n")}\n`);
}

/** Most speakers listed under reported speech, those with the most statements first. */
const MAX_SPEAKERS = 8;

/** Reported speech by speaker: how many statements each has, and the first of them. */
function renderSpeech(report: StoryReport, entityName: ReadonlyMap<string, string>, out: string[]): void {
  const statements = report.statements ?? [];
  if (statements.length === 0) return;
  const groups = bySpeaker(statements).sort((a, b) => b.length - a.length);
  out.push(`Reported speech (${statements.length}, by ${groups.length} speaker${groups.length === 1 ? "" : "s"})`);
  for (const list of groups.slice(0, MAX_SPEAKERS)) {
    const first = list[0] as (typeof statements)[number];
    const who = first.speaker.entity ? entityName.get(first.speaker.entity) : undefined;
    out.push(`  ${who ?? first.speaker.description} (${list.length}): ${clip(first.text, 100)}`);
  }
  if (groups.length > MAX_SPEAKERS) out.push(`  … and ${groups.length - MAX_SPEAKERS} more (--json or --html for all)`);
  out.push("");
}

/** Most facts listed per kind, most discrepancies, timeline entries: a summary, not the report. */
const MAX_FACTS = 8;
const MAX_TIMELINE = 12;

function renderComparison(report: StoryReport, names: ReadonlyMap<string, string>, out: string[]): void {
  const label = (id: string) => names.get(id) ?? id;
  if (report.brief.length) {
    out.push("Brief");
    for (const b of report.brief) out.push(`  • ${b.text} [${b.citations.map(label).join("; ")}]`);
    out.push("");
  }
  const corroborated = report.facts.filter((f) => f.kind === "corroborated");
  const disputed = report.facts.filter((f) => f.kind === "disputed");
  const unique = report.facts.filter((f) => f.kind === "unique");
  out.push(
    `Facts: ${corroborated.length} corroborated, ${disputed.length} disputed, ${unique.length} reported by one outlet only`,
  );
  const independent = independence(report);
  for (const f of corroborated.slice(0, MAX_FACTS)) {
    const n = independent(f.sources);
    const outlets = `${f.sources.length} outlets${n < f.sources.length ? `, ${n} independently` : ""}`;
    out.push(`  [${outlets}] ${clip(f.text, 120)}`);
  }
  for (const f of disputed.slice(0, MAX_FACTS)) {
    const against = (f.contradictedBy ?? []).map(label).join("; ");
    out.push(`  [${f.sources.map(label).join("; ")} — contradicted by ${against}] ${clip(f.text, 100)}`);
  }
  out.push("");
  out.push(`Discrepancies (${report.discrepancies.length})`);
  for (const d of report.discrepancies) {
    const compat = d.compatible === undefined ? "" : d.compatible ? " — compatible" : " — incompatible";
    out.push(`  ${d.kind}: ${d.about}${compat}`);
    for (const v of d.values) out.push(`      ${label(v.article)}: ${clip(v.value, 80)}`);
  }
  if (report.certainty.length) {
    out.push("");
    out.push("Certainty");
    for (const c of report.certainty) {
      const flag = c.overstated ? "  ⚠ overstated" : "";
      out.push(`  ${label(c.article)}${c.headline ? " (headline)" : ""}: ${c.level}${flag} — ${clip(c.claim, 90)}`);
    }
  }
  const { origin, citations, reuse } = report.provenance;
  if (origin || citations.length || reuse.length) {
    out.push("");
    out.push("Provenance");
    if (origin)
      out.push(`  origin: ${origin.name}${origin.article ? ` (the report itself: ${label(origin.article)})` : ""}`);
    const cited = new Map<string, Set<string>>();
    for (const c of citations) cited.set(c.cites, new Set([...(cited.get(c.cites) ?? []), label(c.article)]));
    for (const [name, by] of cited) out.push(`  ${name} cited by ${[...by].join(", ")}`);
    for (const r of reuse) {
      out.push(
        `  ${label(r.to)} reuses ${label(r.from)}: ${Math.round(r.sharedFraction * 100)}% shared, ${r.passages} passage(s)`,
      );
    }
  }
  if (report.timeline.length) {
    out.push("");
    out.push("Timeline");
    for (const t of report.timeline.slice(0, MAX_TIMELINE)) out.push(`  ${t.date.padEnd(10)} ${clip(t.text, 100)}`);
    if (report.timeline.length > MAX_TIMELINE) out.push(`  … ${report.timeline.length - MAX_TIMELINE} more in --json`);
  }
}

/**
 * How many of a fact's sources are independent: articles linked by reuse (one rewrote the other) count once.
 */
function independence(report: StoryReport): (sources: string[]) => number {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  for (const r of report.provenance.reuse) parent.set(find(r.to), find(r.from));
  return (sources) => new Set(sources.map(find)).size;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
