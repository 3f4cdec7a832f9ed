export * from "./annotation.js";
export * from "./article.js";
export * from "./article-name.js";
export * from "./errors.js";
export * from "./findings.js";
export * from "./outlet.js";
export * from "./report.js";
export * from "./story.js";
