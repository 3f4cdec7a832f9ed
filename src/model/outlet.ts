/**
 * What an outlet's profile counts, from the text of its articles alone: per story in the store's postings,
 * summed over every stored story, and over the stories of a page. Rates divide them by `articles`.
 */
export interface OutletTallies {
  /** Its articles compared (copies of another outlet's report are not). */
  articles: number;
  /** Stories whose origin report is one of its articles. */
  origin: number;
  /** Claims only it reports. */
  uniqueClaims: number;
  /** Claims it makes that another outlet contradicts. */
  contradicted: number;
  /** Headlines or leads of its articles flagged as overstated. */
  overstatedHeadlines: number;
  /** Quotations it renders altered. */
  alteredQuotes: number;
  /** Quotations it renders at all. */
  quotes: number;
  /** Copies of its articles that other outlets ran (stored stories' reports name them). */
  copiedBy: number;
  /** Its stored articles that are copies of another outlet's report: not compared, so not in `articles`. */
  copiesRun: number;
}
