// Bench parts beyond search: patient detail, CSV import of 100,000 rows, and the scheduling engineer's figures.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../src/main/core';
import { startImport } from '../src/main/patients/csv-import';
import { getPatient } from '../src/main/patients/service';
import { forPatient } from '../src/main/scheduling/queries';
import { patientPayments } from '../src/main/payments/view';
import { hasTable } from '../src/main/search/statements';
import { makePatients, phoneAsTyped, seeded } from './patients-data';
import { openBenchClinic } from './patients-clinic';

/** Median time to load what the patient screen shows: the record, its appointments, its payments. */
export function benchPatientDetail(core: Core, ids: number[], now: Date, notes: string[]): number {
  const withPayments = hasTable(core.db.$client, 'payments');
  if (!withPayments) notes.push('No payments table: patient detail measured without payments.');
  const rng = seeded(3);
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const id = ids[Math.floor(rng() * ids.length)]!;
    const t = process.hrtime.bigint();
    getPatient(core.db, id);
    forPatient(core.db, { patientId: id, limit: 100 }, now);
    if (withPayments) patientPayments(core.db, id);
    if (i >= 50) times.push(Number(process.hrtime.bigint() - t) / 1e6); // first 50 warm the caches
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/** 100,000 CSV rows (several phone and date formats) into an empty clinic through the import job. */
export async function benchImport(dir: string, notes: string[]): Promise<number> {
  mkdirSync(dir, { recursive: true });
  const core = await openBenchClinic(dir);
  try {
    const rng = seeded(11);
    const quote = (s: string | null) => (s === null ? '' : /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const rows = makePatients(100_000, 99).map((p) => {
      const [y, m, d] = p.dateOfBirth.split('-');
      const dob = rng() < 0.6 ? `${d}/${m}/${y}` : p.dateOfBirth;
      return [p.firstName, p.lastName, dob, p.sex, phoneAsTyped(p.phone, rng), p.email].map(quote).join(',');
    });
    const text = ['First name,Last name,Date of birth,Sex,Mobile,Email', ...rows].join('\r\n');
    const mapping = { firstName: 'First name', lastName: 'Last name', dateOfBirth: 'Date of birth', sex: 'Sex', phone: 'Mobile', email: 'Email' };
    const t = process.hrtime.bigint();
    const job = startImport(core.db, { text, mapping, mode: 'valid-only', country: 'GB' }, 1, () => new Date());
    let validated = 0;
    const watch = setInterval(() => {
      if (job.state === 'importing' && !validated) validated = Number(process.hrtime.bigint() - t) / 1e6;
    }, 1);
    await job.finished;
    clearInterval(watch);
    const took = Number(process.hrtime.bigint() - t) / 1e6;
    notes.push(`CSV import: validating and flagging duplicates took ${Math.round(validated)} ms, inserting ${Math.round(took - validated)} ms.`);
    if (job.state !== 'done') throw new Error(`bench import ended ${job.state}: ${job.message}`);
    notes.push(`CSV import: ${job.imported} of ${rows.length} rows imported, ${job.report?.invalidRows} invalid, ${job.report?.duplicateCount} flagged as likely duplicates.`);
    return took;
  } finally {
    core.close();
  }
}

/** If the scheduling engineer's bench/scheduling.ts exists, its `measureScheduling(core)` figures join the table. */
export async function benchScheduling(core: Core, notes: string[]): Promise<Record<string, number>> {
  const file = join(__dirname, 'scheduling.ts');
  if (!existsSync(file)) {
    notes.push('bench/scheduling.ts not present: no scheduling figures.');
    return {};
  }
  const mod: unknown = await import(file);
  const measure = (mod as { measureScheduling?: unknown }).measureScheduling;
  if (typeof measure !== 'function') {
    notes.push('bench/scheduling.ts has no measureScheduling export: no scheduling figures.');
    return {};
  }
  const out: unknown = await measure(core);
  const figures: Record<string, number> = {};
  if (out && typeof out === 'object') for (const [k, v] of Object.entries(out)) if (typeof v === 'number') figures[k] = v;
  return figures;
}
