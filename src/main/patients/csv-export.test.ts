// The export's file is named by the clinic's own calendar day, whatever UTC's date is at that moment.
import { afterEach, expect, it } from 'vitest';
import { ADMIN_PASSWORD, CLINIC, createTestClinic, type TestClinic } from '../testing/test-core';

let clinic: TestClinic;
afterEach(() => clinic.close());

it.each([
  ['Pacific/Auckland', '2026-11-21'],
  ['America/New_York', '2026-11-20'],
])('names the file by the day in %s', async (timeZone, day) => {
  clinic = await createTestClinic();
  await clinic.admin.must('clinic.update', { ...CLINIC, timeZone });
  clinic.clock.now = new Date('2026-11-20T23:30:00Z');
  await clinic.admin.must('auth.unlock', { password: ADMIN_PASSWORD }); // the evening's idle lock
  const out = await clinic.admin.must('patients.exportCsv', {});
  expect(out.fileName).toBe(`patients-${day}.csv`);
});
