// The renderer's only door to main: window.api results unwrapped into data, or thrown as a typed ApiError.
import type { AppError, ErrorCode, Result } from '../../../shared/result';

export const api = window.api;

export class ApiError extends Error {
  readonly code: ErrorCode;
  /** Field path → message, as sent by main (e.g. "phone", "clinic.name"). */
  readonly fields: Record<string, string>;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.fields = error.fields ?? {};
  }
}

let onUnauthenticated: () => void = () => {};

/** The session layer registers here: any UNAUTHENTICATED answer makes it re-check who is signed in. */
export function whenUnauthenticated(listener: () => void): void {
  onUnauthenticated = listener;
}

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.data;
  if (result.error.code === 'UNAUTHENTICATED') onUnauthenticated();
  throw new ApiError(result.error);
}

/** A sentence for the user from anything a call may throw; never a stack trace. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong and nothing was saved. Please try again.';
}
