export { BOILERPLATE_RULES, boilerplateRule } from "./boilerplate.js";
export { cleanArticle, hasControls, stripControls } from "./controls.js";
export { type Dateline, parseDateline } from "./dateline.js";
export { decodeText, type Encoding } from "./decode.js";
export { type FeedInput, looksLikeFeed, readFeed } from "./feeds/index.js";
export {
  formatByName,
  type IngestItem,
  type InputFormat,
  idOf,
  itemOf,
  MAX_ARTICLE_BYTES,
  type ReadOptions,
  type ReadProblem,
  type ReadResult,
  readArticleFiles,
  readArticles,
  sniffFormat,
} from "./files.js";
export { type DecodedPage, decodePage, MAX_PAGE_BYTES } from "./html/charset.js";
export { dateFromUrl, findDate, parseDateValue } from "./html/dates.js";
export { type PageMetadata, readPageMetadata } from "./html/metadata.js";
export {
  type ArticlePage,
  extractPage,
  type NotArticle,
  type PageExtraction,
  type PageInput,
  type PageOptions,
} from "./html/page.js";
export { parseHtmlTree } from "./html/tree.js";
export { type JsonlRecord, readJsonlRecord } from "./jsonl/index.js";
export { readTextArticle, type TextInput } from "./text.js";
export { type FetchedPage, type FetchOptions, fetchPage } from "./url/index.js";
export { readWarcPages, readWarcRecords, type WarcInput, type WarcProblem, type WarcRecord } from "./warc/index.js";
