export { extractDates } from "./annotate/dates/index.js";
export { detectMentions } from "./annotate/mentions/index.js";
export { extractNumbers } from "./annotate/numbers/index.js";
export { extractQuotes } from "./annotate/quotes/index.js";
export { tokenize } from "./annotate/tokens/index.js";
export * from "./ingest/index.js";
export {
  type CorpusCounts,
  createLexicon,
  defaultLexicon,
  type Lexicon,
  type LexiconSources,
  type PlaceEntry,
  type WordCounts,
} from "./lexicon/index.js";
export { findingsProblems, findingsSchema } from "./model/findings-schema.js";
export * from "./model/index.js";
export { referentialProblems, storyReportSchema } from "./model/report-schema.js";
export { type AnalyzeOptions, analyzeStory, annotateArticle, findStory } from "./pipeline.js";
export { buildReport } from "./report/build.js";
export * from "./resolve/index.js";
