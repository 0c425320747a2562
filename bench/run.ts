// `npm run bench`: builds a clinic of 100,000 patients and 1,000,000 appointments in a temp file (real migrations,
// real pragmas), measures the front desk's hot paths and prints a table; `--json FILE` also writes the figures.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPatients } from '../src/main/patients/service';
import { patientListInput } from '../src/shared/patients';
import { searchPatients } from '../src/main/search/search-patients';
import { hasTable } from '../src/main/search/statements';
import { openCore } from '../src/main/core';
import { BENCH_NOW, MIGRATIONS, openBenchClinic } from './patients-clinic';
import { makePatients, seeded } from './patients-data';
import { benchImport, benchListSorts, benchPatientDetail, benchScheduling } from './patients-extra';
import { makeQueries } from './patients-queries';
import { archiveSome, seedBenchAppointments, seedPatients } from './patients-seed';

const PATIENTS = 100_000;
const APPOINTMENTS = 1_000_000;
const QUERIES = 1_200;
/** The dashboard's opening request: active patients by name, first 100. */
const FIRST_PAGE = patientListInput.parse({ limit: 100 });

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const round = (x: number) => Math.round(x * 1000) / 1000;
const cpuMs = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

async function main() {
  const jsonAt = process.argv.indexOf('--json');
  const jsonFile = jsonAt >= 0 ? process.argv[jsonAt + 1] : undefined;
  const figures: Record<string, number> = {};
  const notes: string[] = [];
  // --keep DIR: build the clinic in DIR once and measure it again on later runs (seeding takes minutes).
  const keepAt = process.argv.indexOf('--keep');
  const keepDir = keepAt >= 0 ? process.argv[keepAt + 1] : undefined;
  const dir = keepDir ?? mkdtempSync(join(tmpdir(), 'anteroom-bench-'));
  const reuse = keepDir !== undefined && existsSync(join(keepDir, 'anteroom.db'));
  const core = reuse ? openCore({ dataDir: dir, migrationsFolder: MIGRATIONS, now: () => BENCH_NOW }) : await openBenchClinic(dir);
  const sqlite = core.db.$client;
  try {
    const rng = seeded(1);
    const people = makePatients(PATIENTS);
    let t = process.hrtime.bigint();
    const ids = reuse ? (sqlite.prepare('SELECT id FROM patients ORDER BY id').pluck().all() as number[]) : seedPatients(sqlite, people, BENCH_NOW);
    console.log(reuse ? `reusing ${dir}` : `seeded ${ids.length} patients in ${ms(t).toFixed(0)} ms`);
    figures.patients = ids.length;

    if (reuse) {
      figures.appointments = hasTable(sqlite, 'appointments') ? (sqlite.prepare('SELECT count(*) FROM appointments').pluck().get() as number) : 0;
      notes.push('Reused a kept clinic: scheduling figures not re-measured.');
    } else if (hasTable(sqlite, 'appointments')) {
      t = process.hrtime.bigint();
      const { made, by } = await seedBenchAppointments(sqlite, ids, APPOINTMENTS, rng, BENCH_NOW);
      figures.appointments = made;
      console.log(`seeded ${made} appointments in ${ms(t).toFixed(0)} ms with ${by}`);
    } else {
      figures.appointments = 0;
      notes.push('No appointments table yet: appointments skipped.');
    }
    if (!reuse) {
      // The scheduling figures first: their bookings pick patients by id and expect them active.
      Object.assign(figures, await benchScheduling(core, notes));
      console.log(`archived ${archiveSome(sqlite, ids, rng, BENCH_NOW)} patients`);
    }

    // Search: every query kind, one in ten misspelled; one warm-up pass, then one timed pass.
    const queries = makeQueries(people, QUERIES);
    const run = (q: string) => searchPatients(core.db, { query: q, limit: 20, includeArchived: false }, BENCH_NOW);
    for (const q of queries) run(q.text);
    // Wall time is what the desk feels; CPU time (user + system of this process) is reported beside it because
    // on a shared 2-core machine wall time mostly measures how long other processes held the cores.
    const times: number[] = [];
    const cpuTimes: number[] = [];
    const found = new Map<string, [number, number]>();
    for (const q of queries) {
      const c = process.cpuUsage();
      t = process.hrtime.bigint();
      const { hits } = run(q.text);
      times.push(ms(t));
      cpuTimes.push(cpuMs(c));
      const f = found.get(q.kind) ?? [0, 0];
      f[1]++;
      if (hits.some((h) => h.id === ids[q.patient])) f[0]++;
      found.set(q.kind, f);
    }
    figures.search_p50_ms = round(percentile(times, 50));
    figures.search_p95_ms = round(percentile(times, 95));
    figures.search_cpu_p50_ms = round(percentile(cpuTimes, 50));
    figures.search_cpu_p95_ms = round(percentile(cpuTimes, 95));

    // The naive alternative: LIKE '%q%' over name, phone and email, same limit — every fourth query (each one
    // reads the whole table, so the full set would take minutes on a busy machine).
    const like = sqlite.prepare(
      `SELECT id FROM patients WHERE archived_at IS NULL AND
       (first_name || ' ' || last_name LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\') LIMIT 20`,
    );
    const likeTimes: number[] = [];
    const likeCpu: number[] = [];
    queries.forEach((q, i) => {
      if (i % 4 !== 0) return;
      const pattern = `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const c = process.cpuUsage();
      t = process.hrtime.bigint();
      like.all(pattern, pattern, pattern);
      likeTimes.push(ms(t));
      likeCpu.push(cpuMs(c));
    });
    figures.like_scan_p95_ms = round(percentile(likeTimes, 95));
    figures.like_scan_cpu_p95_ms = round(percentile(likeCpu, 95));
    figures.search_vs_like_p95_speedup = Math.round(figures.like_scan_p95_ms / figures.search_p95_ms);
    figures.search_vs_like_cpu_p95_speedup = Math.round(figures.like_scan_cpu_p95_ms / figures.search_cpu_p95_ms);

    const pageTimes: number[] = [];
    for (let i = 0; i < 50; i++) {
      t = process.hrtime.bigint();
      listPatients(core.db, FIRST_PAGE);
      pageTimes.push(ms(t));
    }
    figures.first_page_ms = round(percentile(pageTimes, 50));
    figures.patient_detail_ms = round(benchPatientDetail(core, ids, BENCH_NOW, notes));
    Object.assign(figures, benchListSorts(core.db, BENCH_NOW));

    rmSync(join(dir, 'import'), { recursive: true, force: true });
    Object.assign(figures, await benchImport(join(dir, 'import'), notes));
    rmSync(join(dir, 'import'), { recursive: true, force: true });

    console.log('\nSearch hits containing the patient the query was made from:');
    for (const [kind, [hit, all]] of found) console.log(`  ${kind.padEnd(14)} ${hit}/${all}`);
  } finally {
    core.close();
    if (!keepDir) rmSync(dir, { recursive: true, force: true });
  }

  console.log('\nfigure                         value');
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(30)} ${v}`);
  for (const n of notes) console.log(`note: ${n}`);
  if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify(figures, null, 2)}\n`);
}

if (!existsSync(MIGRATIONS)) throw new Error('run from the repository: drizzle/ not found');
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
