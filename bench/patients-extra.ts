// Bench parts beyond search: patient detail, list sorts by visit and money, CSV import of 100,000 rows, and the
// scheduling engineer's figures.
import { existsSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Core } from '../src/main/core';
import type { Db } from '../src/main/db/client';
import { startImport } from '../src/main/patients/csv-import';
import { getPatient, listPatients } from '../src/main/patients/service';
import { patientListInput, type PatientSort } from '../src/shared/patients';
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

/** Median first page (100 rows, newest first) of the list sorted by last visit and by total spend, wall and CPU. */
export function benchListSorts(db: Db, now: Date): Record<string, number> {
  const figures: Record<string, number> = {};
  const sorts: [PatientSort, string][] = [
    ['lastVisit', 'list_sort_last_visit'],
    ['totalSpend', 'list_sort_total_spend'],
  ];
  for (const [sort, name] of sorts) {
    const q = patientListInput.parse({ sort, direction: 'desc', limit: 100 });
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 60; i++) {
      const c = process.cpuUsage();
      const t = process.hrtime.bigint();
      listPatients(db, q, { now, withSpend: true });
      if (i < 10) continue; // the first calls warm the caches (and bring the last visits to `now` once)
      wall.push(Number(process.hrtime.bigint() - t) / 1e6);
      const u = process.cpuUsage(c);
      cpu.push((u.user + u.system) / 1000);
    }
    const median = (xs: number[]) => Math.round(xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]! * 1000) / 1000;
    figures[`${name}_ms`] = median(wall);
    figures[`${name}_cpu_ms`] = median(cpu);
  }
  return figures;
}

/**
 * 100,000 CSV rows (several phone and date formats) into an empty clinic through the import job: wall and CPU time
 * (this process, all threads) in all; when checking finished, and the CPU time of the checking and inserting threads.
 */
export async function benchImport(dir: string, notes: string[]): Promise<Record<string, number>> {
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
    const cpuSince = (from: NodeJS.CpuUsage) => {
      const u = process.cpuUsage(from);
      return (u.user + u.system) / 1000;
    };
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    const job = startImport(core.db, { text, mapping, mode: 'valid-only', country: 'GB' }, 1, () => new Date());
    await job.finished;
    const took = Number(process.hrtime.bigint() - t) / 1e6;
    const cpu = cpuSince(c);
    // Checking and inserting run side by side on two threads: when checking finished, and each thread's CPU.
    const { checkedAfterMs, checkCpuMs, saveCpuMs } = job.timings;
    // On a shared machine wall time mostly measures the wait for a core: the load says how long that was.
    notes.push(
      `CSV import (machine load ${loadavg()[0]!.toFixed(1)}): every row checked after ${Math.round(checkedAfterMs)} ms (checking thread CPU ${Math.round(checkCpuMs)} ms); inserting thread CPU ${Math.round(saveCpuMs)} ms; main thread and the rest ${Math.round(cpu - checkCpuMs - saveCpuMs)} ms.`,
    );
    if (job.state !== 'done') throw new Error(`bench import ended ${job.state}: ${job.message}`);
    notes.push(`CSV import: ${job.imported} of ${rows.length} rows imported, ${job.report?.invalidRows} invalid, ${job.report?.duplicateCount} flagged as likely duplicates.`);
    return {
      csv_import_100k_ms: Math.round(took),
      csv_import_100k_cpu_ms: Math.round(cpu),
      csv_import_validate_ms: Math.round(checkedAfterMs),
      csv_import_validate_cpu_ms: Math.round(checkCpuMs),
      csv_import_insert_cpu_ms: Math.round(saveCpuMs),
    };
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
