export { BOILERPLATE_RULES, boilerplateRule } from "./boilerplate.js";
export { type Dateline, parseDateline } from "./dateline.js";
export { decodeText, type Encoding } from "./decode.js";
export { type ReadProblem, type ReadResult, readArticleFiles } from "./files.js";
export { readTextArticle, type TextInput } from "./text.js";
