// Failures a service may raise on purpose; the dispatcher turns them into result envelopes.
import type { AppError, ErrorCode } from '../../shared/result';

export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppFailure';
  }
  toAppError(): AppError {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

export const notFound = (what: string) => new AppFailure('NOT_FOUND', `${what} was not found.`);
export const conflict = (message: string, fields?: Record<string, string>) => new AppFailure('CONFLICT', message, fields);
export const forbidden = (message = 'Your account is not allowed to do this.') => new AppFailure('FORBIDDEN', message);
export const unauthenticated = (message = 'Please sign in first.') => new AppFailure('UNAUTHENTICATED', message);

/** One field is wrong: the message names it, and the form shows it beside the field. */
export const invalidField = (field: string, message: string) => new AppFailure('VALIDATION', message, { [field]: message });

export const BUSY_MESSAGE = 'Another task is saving right now (for example an import). Try again in a moment — nothing was changed.';

/**
 * SQLite's "the write lock is taken" family (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED, …), raised once
 * busy_timeout has run out: the desk waited behind another writer, and its own transaction was rolled back.
 */
export function isDatabaseBusy(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : undefined;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}
