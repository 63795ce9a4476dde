/** Errors from persistent stores, with string codes a person (or a health check) can act on. */

export type StoreErrorCode =
  /** The database or Redis cannot be reached or opened. */
  | 'STORE_UNAVAILABLE'
  /** The data was written by a newer version of the bot: refusing to touch it. */
  | 'STORE_SCHEMA_NEWER';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}
