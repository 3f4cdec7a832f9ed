import type { Diagnostic } from "./errors.js";

/** An article after ingest: clean text that every offset points into, and what the text says about itself. */
export interface Article {
  /** File name without its extension, or another stable id given by the reader. */
  id: string;
  /** Where it was read from: a path or a URL. */
  source: string;
  outlet?: string;
  title?: string;
  /** ISO date or date-time, only when the article states it. */
  published?: string;
  author?: string;
  /** The clean text: boilerplate and metadata lines removed, NFC, LF line ends. */
  text: string;
  /** Boilerplate lines removed from the text, in reading order. */
  removedBoilerplate: string[];
  diagnostics: Diagnostic[];
}
