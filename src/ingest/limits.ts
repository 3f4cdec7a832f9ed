/**
 * The default cap on one article's text, in UTF-8 bytes: 1 MB is some 150,000 words, ten times the longest
 * long-form feature; what is larger is a book, a dump or an attack, and would cost the analysis gigabytes.
 * In a module of its own so that the command line can show it without loading the readers.
 */
export const MAX_ARTICLE_BYTES = 1_000_000;
