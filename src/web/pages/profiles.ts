import { articleNames, type OutletTallies, type StoryReport, voiceOf } from "../../model/index.js";
import { SpanRegistry } from "../anchors.js";

/** One story as a profile sees it: its id in the store (for links) and its report. */
export interface StoryRef {
  id: string;
  report: StoryReport;
}

/** An outlet's habits, from the text of its articles alone. Rates are per article, in [0, 1]. */
export interface OutletProfile extends OutletTallies {
  name: string;
  stories: { id: string; title: string; articles: number }[];
}

/**
 * What an outlet's articles do across stories: how often it is the origin, adds claims no one else has,
 * is contradicted, overstates headlines, alters quotations. Counted from the reports given; an outlet
 * is matched by name, ignoring case.
 *
 * @example profileOutlet("Coastal Ledger", [{ id: "1", report }]).uniqueClaims
 */
export function profileOutlet(name: string, stories: readonly StoryRef[]): OutletProfile {
  const key = name.trim().toLowerCase();
  const profile: OutletProfile = {
    name,
    articles: 0,
    stories: [],
    origin: 0,
    uniqueClaims: 0,
    contradicted: 0,
    overstatedHeadlines: 0,
    alteredQuotes: 0,
    quotes: 0,
    copiedBy: 0,
    copiesRun: 0,
  };
  for (const { id, report } of stories) {
    // An article without an outlet (or a URL's host) belongs to no outlet's profile, whatever its id.
    const mine = new Set(report.articles.filter((a) => voiceOf(a)?.toLowerCase() === key).map((a) => a.id));
    const copies = report.provenance.copies ?? [];
    const ran = copies.filter((c) => c.copy.outlet?.trim().toLowerCase() === key).length;
    profile.copiesRun += ran;
    // A copy of its own report under its own name is the same outlet's twice, not another's.
    profile.copiedBy += copies.filter((c) => mine.has(c.article) && c.copy.outlet?.trim().toLowerCase() !== key).length;
    if (mine.size === 0 && ran === 0) continue;
    profile.articles += mine.size;
    profile.stories.push({ id, title: report.story.title, articles: mine.size + ran });
    if (mine.size === 0) continue;
    const origin = report.provenance.origin;
    if ((origin?.article && mine.has(origin.article)) || origin?.name.trim().toLowerCase() === key) profile.origin++;
    for (const f of report.facts) {
      const supports = f.sources.some((s) => mine.has(s));
      if (supports && f.kind === "unique") profile.uniqueClaims++;
      if (supports && (f.contradictedBy ?? []).some((s) => !mine.has(s))) profile.contradicted++;
    }
    profile.overstatedHeadlines += report.certainty.filter((c) => mine.has(c.article) && c.overstated).length;
    for (const q of report.quotes) {
      for (const o of q.occurrences) {
        if (!mine.has(o.article)) continue;
        profile.quotes++;
        if (o.fidelity === "altered") profile.alteredQuotes++;
      }
    }
  }
  return profile;
}

/** An entity across stories: its names, the stories it is in, and what it is quoted saying where. */
export interface EntityView {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  /** Per story: the outlets whose articles mention it, and how many articles without an outlet do. */
  stories: { id: string; title: string; mentions: number; outlets: string[]; articlesWithoutOutlet: number }[];
  /**
   * `outlet` is the article's name as the story page gives it (its outlet, else its headline or number);
   * `words`, the anchor of the quoted words in the article on the story page.
   */
  quotes: {
    story: string;
    quote: string;
    text: string;
    outlet: string;
    fidelity: string;
    attribution: string;
    words?: string;
  }[];
  /**
   * What the articles say it said without quotation marks (reported speech), as `quotes`: `outlet` names the
   * article, `words` is the anchor of what was said on the story page.
   */
  statements: { story: string; text: string; outlet: string; attribution: string; words?: string }[];
  /** `words`: the anchor on the story page of the words the relation rests on (else of its article). */
  relations: { story: string; subject: string; predicate: string; object: string; words?: string }[];
}

/**
 * Gathers what the reports say of one entity id; undefined when none of them names it.
 *
 * @example viewEntity("person:jane-doe", stories)?.aliases
 */
export function viewEntity(id: string, stories: readonly StoryRef[]): EntityView | undefined {
  let view: EntityView | undefined;
  const aliases = new Set<string>();
  for (const { id: storyId, report } of stories) {
    const e = report.entities.find((x) => x.id === id);
    if (!e) continue;
    view ??= { id, name: e.name, type: e.type, aliases: [], stories: [], quotes: [], statements: [], relations: [] };
    for (const a of [e.name, ...e.aliases]) aliases.add(a);
    const voiceById = new Map(report.articles.map((a) => [a.id, voiceOf(a)]));
    const names = articleNames(report.articles);
    const mentioning = [...new Set(e.mentions.map((m) => m.article))];
    const outlets = [...new Set(mentioning.flatMap((a) => voiceById.get(a) ?? []))];
    const articlesWithoutOutlet = mentioning.filter((a) => voiceById.get(a) === undefined).length;
    view.stories.push({
      id: storyId,
      title: report.story.title,
      mentions: e.mentions.length,
      outlets,
      articlesWithoutOutlet,
    });
    // The anchors the story page (unfiltered) gives the same words: links land on them in their article.
    const spans = new SpanRegistry(report.articles);
    for (const q of report.quotes) {
      if (q.speaker.entity !== id) continue;
      for (const o of q.occurrences) {
        const words = spans.span(o.article, o.start, o.end, o.text, "quote");
        view.quotes.push({
          story: storyId,
          quote: q.id,
          text: o.text,
          outlet: names.get(o.article) ?? o.article,
          fidelity: o.fidelity,
          attribution: o.attribution,
          ...(words ? { words } : {}),
        });
      }
    }
    for (const s of report.statements ?? []) {
      if (s.speaker.entity !== id) continue;
      const words = spans.span(s.article, s.start, s.end, s.text, "speech");
      view.statements.push({
        story: storyId,
        text: s.text,
        outlet: names.get(s.article) ?? s.article,
        attribution: s.attribution,
        ...(words ? { words } : {}),
      });
    }
    const nameOf = new Map(report.entities.map((x) => [x.id, x.name]));
    for (const r of report.relations) {
      if (r.subject !== id && r.object !== id) continue;
      // As the story page links a relation: its first words given with offsets, else its first source.
      const span = r.evidenceSpans?.[0];
      const home = r.sources[0];
      const words = span
        ? spans.span(span.article, span.start, span.end, span.text, "relation")
        : home !== undefined
          ? spans.article(home)
          : undefined;
      view.relations.push({
        story: storyId,
        subject: nameOf.get(r.subject) ?? r.subject,
        predicate: r.predicate,
        object: nameOf.get(r.object) ?? r.object,
        ...(words ? { words } : {}),
      });
    }
  }
  if (view) view.aliases = [...aliases].filter((a) => a !== view?.name).sort();
  return view;
}
