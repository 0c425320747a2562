// Puts main's VALIDATION `fields` beside the form fields they name, so server and client messages look alike.
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError, messageOf } from './client';

/**
 * Marks each named field with its message and focuses the first. Returns a form-level message for
 * whatever could not be placed on a field (or null when every problem sits beside its field).
 * `prefix` strips an envelope path, e.g. "fields." for `patients.update`.
 */
export function showServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  known: readonly string[],
  prefix = '',
): string | null {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION' || Object.keys(error.fields).length === 0) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return `${error.message} Nothing was saved; your entries are kept.`;
    // Another task holds the database for a moment: the same button works again, with the entries still here.
    if (error instanceof ApiError && error.code === 'BUSY') return `${error.message} Your entries are kept.`;
    return messageOf(error);
  }
  const leftovers: string[] = [];
  let first = true;
  for (const [rawPath, message] of Object.entries(error.fields)) {
    const path = prefix && rawPath.startsWith(prefix) ? rawPath.slice(prefix.length) : rawPath;
    if (known.includes(path)) {
      setError(path as Path<T>, { type: 'server', message }, { shouldFocus: first });
      first = false;
    } else {
      leftovers.push(message);
    }
  }
  return leftovers.length ? leftovers.join(' ') : null;
}
