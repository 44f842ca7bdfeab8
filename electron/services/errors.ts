import type { ErrorCode, FieldIssue } from '../contract';

/** An expected failure a person can act on; dispatch turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string, id: string) =>
  new AppError('NOT_FOUND', `No ${what} with id "${id}" exists. It may have been removed; reload the list.`);

