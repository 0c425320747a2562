// A baby born this morning can be registered wherever the clinic is: "in the future" means later than today anywhere.
import { afterEach, expect, it, vi } from 'vitest';
import { createTestClinic, SAMPLE_PATIENT, type TestClinic } from '../testing/test-core';

let clinic: TestClinic | undefined;
afterEach(() => {
  vi.useRealTimers();
  clinic?.close();
});

it("accepts today's date of birth where the day has begun before UTC's (09:30 on 21 November in Auckland)", async () => {
  clinic = await createTestClinic();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-20T20:30:00Z')); // 21 Nov 09:30 in Auckland; still 20 Nov in UTC
  const baby = await clinic.admin.call('patients.create', { ...SAMPLE_PATIENT, firstName: 'Aroha', dateOfBirth: '2026-11-21' });
  expect(baby).toMatchObject({ ok: true, data: { dateOfBirth: '2026-11-21' } });
});

it('still refuses a date of birth later than today anywhere on Earth', async () => {
  clinic = await createTestClinic();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-20T20:30:00Z'));
  const r = await clinic.admin.call('patients.create', { ...SAMPLE_PATIENT, dateOfBirth: '2026-11-22' });
  expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { dateOfBirth: expect.stringContaining('future') } } });
});
