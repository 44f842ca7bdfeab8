/**
 * The error half of the contract. Every failure that crosses a front door is one of these
 * codes, with a message written for the person who has to act on it.
 */
export const ERROR_CODES = [
  'VALIDATION', // input did not match the channel's schema; `issues` says which field and why
  'NOT_FOUND', // the entity named in the input does not exist
  'CONFLICT', // the change collides with existing data (duplicate code, archived product...)
  'UNKNOWN_CHANNEL', // no such channel in the contract
  'BAD_REQUEST', // the request itself is malformed (front-door level: JSON, headers)
  'FORBIDDEN', // missing/wrong token, foreign origin, untrusted sender frame
  'DB_BUSY', // the database file is locked by another process
  'DISK_FULL', // the disk (or the data file's size limit) is full: nothing was saved
  'INTERNAL', // a bug: the message is generic, the details are logged on the back end
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path of the offending field, '' for the input as a whole. */
  path: string;
  message: string;
}

export interface RpcError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: RpcError };
