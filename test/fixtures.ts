import type { AnnotatedArticle, Article, EntityType, Mention, QuoteMention, StoryReport } from "../src/model/index.js";
import { analyzeStory } from "../src/pipeline.js";

/**
 * An annotated article built by hand for stage tests: mentions are found by their surface text, in order,
 * so a test states what an annotator would have found without running one.
 */
export function annotated(
  id: string,
  text: string,
  mentions: [surface: string, type: EntityType][] = [],
  quotes: QuoteMention[] = [],
  published?: string,
): AnnotatedArticle {
  let from = 0;
  const found: Mention[] = mentions.map(([surface, type]) => {
    const start = text.indexOf(surface, from);
    if (start < 0) throw new Error(`fixture: "${surface}" not found in ${id} after offset ${from}`);
    from = start + surface.length;
    return { start, end: start + surface.length, text: surface, type };
  });
  const article = {
    id,
    source: `${id}.txt`,
    text,
    removedBoilerplate: [],
    diagnostics: [],
    ...(published ? { published } : {}),
  };
  return { article, tokens: [], sentences: [], mentions: found, numbers: [], dates: [], quotes };
}

/** A quotation located by its words in `text`, with an optional speaker mention located the same way. */
export function quoteIn(
  text: string,
  words: string,
  attribution: string,
  speaker?: { text: string; kind: "name" | "pronoun" | "description"; resolved?: Mention },
): QuoteMention {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`fixture: quotation "${words}" not found`);
  const q: QuoteMention = { start, end: start + words.length, text: words, attribution };
  if (attribution) {
    const at = text.indexOf(attribution);
    if (at < 0) throw new Error(`fixture: attribution "${attribution}" not found`);
    q.attributionSpan = { start: at, end: at + attribution.length };
  }
  if (speaker) {
    const s = text.indexOf(speaker.text);
    q.speaker = { start: s, end: s + speaker.text.length, text: speaker.text, kind: speaker.kind };
    if (speaker.resolved) q.speaker.resolved = speaker.resolved;
  }
  return q;
}

/** A plain article as a reader would give it: id, text and, when given, a title and a publication date. */
export function plainArticle(id: string, text: string, extra: { title?: string; published?: string } = {}): Article {
  return { id, source: `${id}.txt`, text, removedBoilerplate: [], diagnostics: [], ...extra };
}

/** An article of an outlet, titled by its first clause, as a feed of one day would give it. */
export function outletArticle(id: string, text: string, outlet: string, published = "2026-03-10"): Article {
  return { ...plainArticle(id, text, { title: text.split(/[,;]/)[0] ?? text, published }), outlet };
}

/** A report's entry for an article, with only what the report must hold of it (one word counted). */
export function reportArticleOf(a: Article): StoryReport["articles"][number] {
  return { id: a.id, source: a.source, text: a.text, wordCount: 1, removedBoilerplate: [] };
}

/** A story analysed whole from `[id, text]` pairs, each article dated `published` when given. */
export function analyzeTexts(texts: [id: string, text: string][], published?: string): StoryReport {
  return analyzeStory(texts.map(([id, text]) => plainArticle(id, text, published ? { published } : {})));
}

/** A report with nothing found in it, titled `title`: for tests about storing and running, not analysis. */
export function emptyReport(articles: Article[], title = "t"): StoryReport {
  return {
    schema: "triangulate.story/1",
    story: { id: "s", title, articleCount: articles.length },
    articles: [],
    entities: [],
    quotes: [],
    facts: [],
    discrepancies: [],
    certainty: [],
    provenance: { citations: [], reuse: [] },
    timeline: [],
    relations: [],
    brief: [],
  };
}

/**
 * Mentions given by their surface text and type, found in `text` in order: what an earlier stage would have
 * found, for tests of the stages that correct it.
 */
export function mentionsIn(text: string, given: [string, Mention["type"]][]): Mention[] {
  let from = 0;
  return given.map(([name, type]) => {
    const start = text.indexOf(name, from);
    from = start + name.length;
    return { start, end: from, text: name, type };
  });
}

/**
 * Invented reports of two fires of one kind in two invented towns (a mill in Brenmouth, a warehouse in Kesswick):
 * first reports, rewrites and later reports of each, and one report that tells both and bridges their stories.
 */
export const TWO_FIRES = {
  FIRE_A: `A fire tore through the Halvorsen textile mill in Brenmouth on Tuesday night, and firefighters from
three stations fought the blaze until dawn. Brenmouth fire chief Odile Marsan said the roof of the mill collapsed
shortly after midnight. Nobody was inside the building, Marsan said. The Halvorsen family, which has owned the mill
since 1921, said it would rebuild. Police have not ruled out arson and asked witnesses to come forward.`,
  FIRE_A_REWRITE: `Firefighters battled a huge blaze at the Halvorsen mill in Brenmouth overnight. Chief Odile Marsan
told reporters the roof gave way after midnight but that the mill was empty. Police said arson could not be ruled
out. The Halvorsen family vowed to rebuild the textile mill it has run for a century.`,
  FIRE_A_AFTER: `The Halvorsen textile mill in Brenmouth lay in ruins on Wednesday after the overnight fire. Odile Marsan,
the Brenmouth fire chief, said investigators would search the looms and the boiler room for the cause. The Halvorsen
family thanked the firefighters of Brenmouth and said the mill would reopen.`,
  FIRE_B: `A fire destroyed a furniture warehouse in the port town of Kesswick on Tuesday night, and firefighters
fought the blaze until dawn. Kesswick fire chief Tomas Ruelle said the roof of the warehouse collapsed before
midnight. Nobody was inside the building, Ruelle said. The owners, Drummond Logistics, said the building would be
rebuilt. Police have not ruled out arson and asked witnesses to come forward.`,
  FIRE_B_REWRITE: `Drummond Logistics lost its Kesswick furniture warehouse to a fire overnight. Tomas Ruelle, who leads the
Kesswick fire brigade, said the warehouse roof fell in before midnight and that the depot was empty. Drummond
Logistics said it would rebuild at the port.`,
  FIRE_B_AFTER: `Kesswick port workers watched the Drummond Logistics warehouse smoulder on Wednesday. Chief Tomas Ruelle
said the Kesswick brigade would stay on site and that the furniture stored there was lost. Drummond Logistics asked
its customers for patience.`,
  BOTH_FIRES: `Two fires on Tuesday night: the Halvorsen textile mill in Brenmouth burned, and a Drummond Logistics
furniture warehouse in Kesswick was destroyed. Fire chiefs Odile Marsan of Brenmouth and Tomas Ruelle of Kesswick said
nobody was inside either building. Police in Brenmouth and Kesswick have not ruled out arson.`,
};

/**
 * Invented reports of one grounding (a freighter off Kestrel Bay): two first reports that tell two parts of it in
 * few shared words, so that each starts a story, then reports that tell both parts and show the two stories one.
 */
export const GROUNDING = {
  PORT: `A cargo ship, the Velmar Star, ran aground off Kestrel Bay on Tuesday night with twenty crew aboard.
The harbour master of Kestrel Bay, Ana Ruiz, said tugs from Portavel had been sent out before dawn.`,
  CREW: `Coastguard helicopters lifted all twenty sailors from the stranded freighter, their captain Tomas Okafor
said from hospital. Okafor thanked the rescue teams and said the engine had failed in heavy swell.`,
  OIL: `Fuel oil was seen leaking from the hull of the freighter by morning, and booms were laid across the mouth
of the bay. Ruiz said divers would inspect the damage once the swell eased.`,
};
