// What one booking's commit writes, page by page, over a real SQLite file: every page is two write calls and part of
// the fsync the receptionist waits for, so a new index or trigger on the booking path must be a decision, not an accident.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { bookInput } from '../../shared/scheduling-appointments';
import { createTestClinic, type TestClinic } from '../testing/test-core';
import { bookAppointment } from './booking';
import { setUpScheduling, type SchedulingFixture } from './test-fixture';

let clinic: TestClinic;
let f: SchedulingFixture;
beforeEach(async () => {
  clinic = await createTestClinic();
  f = await setUpScheduling(clinic);
});
afterEach(() => clinic.close());

/** The b-trees (tables and indexes) whose pages the last commit put into the emptied write-ahead log. */
function btreesWrittenBy(commit: () => void): string[] {
  const sqlite = clinic.core.db.$client;
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  commit();
  const wal = readFileSync(`${sqlite.name}-wal`);
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  const name = sqlite.prepare('SELECT name FROM dbstat WHERE pageno = ?').pluck();
  const names = new Set<string>();
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) names.add((name.get(wal.readUInt32BE(at)) as string | undefined) ?? 'a new page');
  return [...names].sort();
}

it('a returning patient’s booking with a fee commits its appointment and history entry — seven b-trees; the payment link follows the commit', () => {
  const book = (startsAt: string) =>
    bookAppointment(clinic.core.db, bookInput.parse({ patientId: f.patientId, providerId: f.providerId, typeId: f.typeId, startsAt }), { id: 1, canOverride: false }, new Date('2026-11-20T12:00:00Z'));
  // The patient's first booking also sets their first visit (patients): once only.
  expect(btreesWrittenBy(() => book('2026-11-23T10:00:00Z'))).toEqual(expect.arrayContaining(['patients']));
  const written = btreesWrittenBy(() => book('2026-11-24T10:00:00Z'));
  expect(written).toEqual(
    [
      'appointments',
      'appointments_provider_start',
      'appointments_start',
      'appointments_patient_visits',
      'appointment_history',
      'appointment_history_appointment',
      'sqlite_sequence',
    ].sort(),
  );
});
