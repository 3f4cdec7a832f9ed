export { joinOrganisationPlaces } from "./collocations.js";
export { resolveEntities } from "./entities.js";
export { foldName } from "./names.js";
export { fidelityOf, groupQuotes, indexOfWords, quoteSimilarity, quoteWords, statementFindings } from "./quotes.js";
