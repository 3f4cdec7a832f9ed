/** Stable codes for every failure Triangulate reports; the CLI maps them to exit codes and one-line messages. */
export type ErrorCode =
  | "NOT_FOUND"
  | "IS_DIRECTORY"
  | "EMPTY"
  | "BINARY"
  | "UNDECODABLE"
  | "UNREADABLE"
  | "TOO_LARGE"
  | "UNWRITABLE"
  | "NO_ARTICLES"
  | "BAD_ARGUMENT"
  | "BAD_DATA";

/**
 * The one error type of the project: a stable code, a message saying what was expected and what was found,
 * and the subject (a file, a URL) it is about.
 */
export class TriangulateError extends Error {
  readonly code: ErrorCode;
  readonly subject: string | undefined;

  constructor(code: ErrorCode, message: string, options: { subject?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "TriangulateError";
    this.code = code;
    this.subject = options.subject;
  }
}

/** A quality problem attached to a document; the run goes on. */
export interface Diagnostic {
  code: string;
  message: string;
}
