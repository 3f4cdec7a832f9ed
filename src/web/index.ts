export { escapeHtml } from "./escape.js";
export { REPORT_SECTIONS, renderHtmlReport } from "./html-report.js";
export { type DiffRun, diffWords } from "./word-diff.js";
