import type { StoryReport } from "../model/index.js";

/** Most aliases or mentions listed per entity line before "…". */
const MAX_LISTED = 6;

/** A readable summary of a story report for a terminal. */
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
  for (const a of report.articles) {
    const meta = [a.outlet, a.published, a.author ? `by ${a.author}` : undefined].filter(Boolean).join(", ");
    out.push(`  ${a.id}  ${a.wordCount} words${meta ? `  (${meta})` : ""}`);
    if (a.title) out.push(`      "${a.title}"`);
    if (a.removedBoilerplate.length) out.push(`      ${a.removedBoilerplate.length} boilerplate line(s) removed`);
  }
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
    const speaker = who && who !== q.speaker.description ? `${q.speaker.description} (${who})` : q.speaker.description;
    out.push(`  “${clip(q.text, 110)}”`);
    out.push(`      — ${speaker}; in ${q.occurrences.length} article(s)`);
    for (const o of q.occurrences) {
      out.push(`        ${o.article}: ${o.fidelity}${o.attribution ? `, "${clip(o.attribution, 60)}"` : ""}`);
    }
  }
  return `${out.join("\n")}\n`;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
