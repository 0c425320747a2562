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
