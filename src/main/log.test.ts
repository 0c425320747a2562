// The main-process log never carries what an error's message said: only the label, the class and stack frames.
import { afterEach, expect, it, vi } from 'vitest';
import { logError } from './log';

afterEach(() => vi.restoreAllMocks());

function logged(e: unknown): string {
  const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  logError('handler patients.update failed', e);
  return spy.mock.calls.map((c) => c.join(' ')).join('\n');
}

it('keeps the class and the frames, and drops a one-line message', () => {
  const out = logged(new Error('UNIQUE constraint failed: María García 1984-03-12'));
  expect(out).toContain('[anteroom] handler patients.update failed: Error');
  expect(out).toMatch(/\n\s+at /);
  expect(out).not.toContain('García');
});

it('drops every line of a message that runs over several lines', () => {
  // Zod, JSON and CSV errors put values on lines of their own; they must not pass as "stack frames".
  const e = new Error('Row 12 could not be read:\n  "María","García","07911 123456"\n  Allergies: Penicillin');
  const out = logged(e);
  for (const detail of ['García', '07911', 'Penicillin', 'Row 12']) expect(out).not.toContain(detail);
  expect(out).toMatch(/\n\s+at /);
});

it('logs only the type of something thrown that is not an Error', () => {
  expect(logged('María García')).toBe('[anteroom] handler patients.update failed: string\n');
});
