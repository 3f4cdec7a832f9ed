import { type StoryReport, voiceOf } from "../model/index.js";
import { profileOutlet } from "../web/pages/profiles.js";

/**
 * A name as a reader may type it: case, accents, punctuation and spacing aside. The story list's entity
 * filter and the postings of an entity's names both read names through it.
 *
 * @example nameKey("Ana  Ruíz-Okafor") // "ana ruiz okafor"
 */
export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** An outlet as the postings key it: its name, trimmed, ignoring case. */
export function outletKey(name: string): string {
  return name.trim().toLowerCase();
}

/** The posting key of a story naming an entity by its id. */
export const entityPosting = (id: string) => `e:${id}`;
/** The posting key of a story naming an entity with this name or alias (read by {@link nameKey}). */
export const namePosting = (name: string) => `n:${nameKey(name)}`;
/** The posting key of a story with an article (or a copy) of this outlet (read by {@link outletKey}). */
export const outletPosting = (outlet: string) => `o:${outletKey(outlet)}`;

/** An entity as one story's report gives it: what the entity's page sums over its stories. */
export interface EntityNames {
  id: string;
  name: string;
  type: string;
  /** Its name and aliases, each once. */
  names: string[];
}

/** One outlet's counts in one story, as the outlet's profile sums them (see `profileOutlet`). */
export interface OutletCounts {
  /** {@link outletKey} of its name. */
  outlet: string;
  /** Its name as the story's articles write it. */
  name: string;
  articles: number;
  origin: number;
  uniqueClaims: number;
  contradicted: number;
  overstatedHeadlines: number;
  alteredQuotes: number;
  quotes: number;
  copiedBy: number;
  copiesRun: number;
}

/** What the store files a story under when its report is stored: see {@link reportPostings}. */
export interface ReportPostings {
  /** Posting keys (entity ids, entity names, outlets), each once. */
  keys: string[];
  entities: EntityNames[];
  outlets: OutletCounts[];
}

/**
 * What a story's report files it under, so that the story list's outlet and entity filters and the entity
 * and outlet pages read all stories through an index instead of reading reports: a key per entity id, per
 * entity name or alias, and per outlet (of its articles and of the copies it keeps); each entity's names;
 * each outlet's profile counts in this story (the same counts `profileOutlet` makes from the report).
 */
export function reportPostings(report: StoryReport): ReportPostings {
  const keys = new Set<string>();
  const entities = new Map<string, EntityNames>();
  for (const e of report.entities) {
    keys.add(entityPosting(e.id));
    const names = [e.name, ...e.aliases].filter((n) => n.trim() !== "");
    for (const n of names) if (nameKey(n) !== "") keys.add(namePosting(n));
    const known = entities.get(e.id);
    if (known) known.names = [...new Set([...known.names, ...names])];
    else entities.set(e.id, { id: e.id, name: e.name, type: e.type, names: [...new Set(names)] });
  }
  const outletNames = new Map<string, string>();
  const named = (name: string | undefined) => {
    const trimmed = name?.trim();
    if (trimmed && !outletNames.has(outletKey(trimmed))) outletNames.set(outletKey(trimmed), trimmed);
  };
  for (const a of report.articles) named(voiceOf(a));
  for (const c of report.provenance.copies ?? []) named(c.copy.outlet);
  const outlets: OutletCounts[] = [];
  for (const [outlet, name] of outletNames) {
    keys.add(outletPosting(outlet));
    const p = profileOutlet(outlet, [{ id: "", report }]);
    outlets.push({
      outlet,
      name,
      articles: p.articles,
      origin: p.origin,
      uniqueClaims: p.uniqueClaims,
      contradicted: p.contradicted,
      overstatedHeadlines: p.overstatedHeadlines,
      alteredQuotes: p.alteredQuotes,
      quotes: p.quotes,
      copiedBy: p.copiedBy,
      copiesRun: p.copiesRun,
    });
  }
  return { keys: [...keys], entities: [...entities.values()], outlets };
}
