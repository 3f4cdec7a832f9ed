import type { ErrorCode } from "../model/index.js";

/** Codes only the server gives: a request refused for who sent it or how often. */
export type ServerErrorCode =
  | "UNAUTHORIZED"
  | "WRITES_DISABLED"
  | "RATE_LIMITED"
  | "UNSUPPORTED_MEDIA"
  | "NO_ROUTE"
  | "INTERNAL";

export type ApiErrorCode = ErrorCode | ServerErrorCode;

/**
 * The HTTP status of each stable code. Domain code throws TriangulateError with a code; only this table
 * turns it into a status.
 */
export const STATUS_OF: Record<ApiErrorCode, 400 | 401 | 403 | 404 | 413 | 415 | 429 | 500> = {
  NOT_FOUND: 404,
  IS_DIRECTORY: 400,
  EMPTY: 400,
  BINARY: 400,
  UNDECODABLE: 400,
  UNREADABLE: 400,
  TOO_LARGE: 413,
  UNWRITABLE: 500,
  NO_ARTICLES: 400,
  BAD_ARGUMENT: 400,
  BAD_DATA: 400,
  UNAUTHORIZED: 401,
  WRITES_DISABLED: 403,
  RATE_LIMITED: 429,
  UNSUPPORTED_MEDIA: 415,
  NO_ROUTE: 404,
  INTERNAL: 500,
};

/** The body of every error response: `{ error: { code, message } }`. */
export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string };
}

/** A refusal the server itself decides (authorisation, rate): a code and a message, mapped like any other. */
export class ServerError extends Error {
  readonly code: ServerErrorCode;
  constructor(code: ServerErrorCode, message: string) {
    super(message);
    this.name = "ServerError";
    this.code = code;
  }
}
