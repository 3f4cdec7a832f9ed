import { html, type SafeHtml } from "./escape.js";

/**
 * A quotation's speaker as the page shows it: the phrase the articles name them with ("harbour spokesman
 * Tomas Berg") with the entity's name in it made a link by `named`; a name the phrase does not contain
 * follows it in brackets, so the reader sees both who the articles say spoke and whom that was resolved to.
 *
 * @example speakerHtml("harbour spokesman Tomas Berg", "Tomas Berg", (n) => html`<a href="#e1">${n}</a>`)
 * // harbour spokesman <a href="#e1">Tomas Berg</a>
 */
export function speakerHtml(
  description: string,
  name: string | undefined,
  named: (name: string) => SafeHtml,
): SafeHtml {
  if (!name) return html`${description || "unknown speaker"}`;
  if (!description || description === name) return named(name);
  const at = description.indexOf(name);
  if (at < 0) return html`${named(name)} <span class="aliases">(${description})</span>`;
  return html`${description.slice(0, at)}${named(name)}${description.slice(at + name.length)}`;
}

/**
 * Findings grouped by who said them, groups in the order their speakers first come: one group per entity,
 * and for a speaker no entity is known for, per description (letter case aside).
 */
export function bySpeaker<T extends { speaker: { entity?: string; description: string } }>(items: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = item.speaker.entity ?? `~${item.speaker.description.toLowerCase()}`;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()];
}

/** The same for plain text: the phrase, with the entity's name in brackets when the phrase does not contain it. */
export function speakerText(description: string, name: string | undefined): string {
  if (!name) return description || "unknown speaker";
  if (!description || description.includes(name)) return description || name;
  return `${description} (${name})`;
}
