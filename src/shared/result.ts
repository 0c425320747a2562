// The plain envelope every channel returns: cloneable across IPC, with a stable error code.
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  /** Another task (an import, another window's save) holds the database's write lock: try again shortly. */
  'BUSY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  /** A sentence a receptionist can act on. Never a stack trace, SQL or file path. */
  message: string;
  /** Field path (e.g. "phone", "address.city") → message naming what to fix. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (error: AppError): Result<never> => ({ ok: false, error });
