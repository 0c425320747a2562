// Measurement, not a timing test: with 100,000 patients, how long from a keystroke in the Ctrl+K palette to
// its results in the page? Writes p50/p95 to tests/artifacts/keystroke.json and prints them; only a generous
// sanity bound fails the test. Target: p95 ≤ 16 ms (one frame).
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { makePatients, seeded, type BenchPatient } from '../../bench/patients-data';
import type Database from 'better-sqlite3';
import { formatMrn, sortNameOf } from '../../src/main/patients/service';
import { E2E_SENDER, expect, test } from './fixtures';
import { SearchPalettePage } from './pages/SearchPalettePage';

const PATIENTS = 100_000;
const OUT = resolve(__dirname, '../artifacts/keystroke.json');

/** What a receptionist types: surname starts, phone endings, a misspelled surname, a record number. */
function queriesFor(people: BenchPatient[]): string[] {
  const rng = seeded(5);
  const pick = () => people[Math.floor(rng() * people.length)]!;
  const surnames = Array.from({ length: 6 }, () => pick().lastName.split(/[ -]/)[0]!.slice(0, 5));
  const phones = Array.from({ length: 3 }, () => pick().phone.slice(-4));
  const long = people.find((p, i) => i > 500 && /^[A-Za-z]{7,}$/.test(p.lastName))!.lastName.toLowerCase();
  const typo = long.slice(0, 2) + long[3] + long[2] + long.slice(4);
  return [...surnames, ...phones, typo, 'P-0412'];
}

/** Straight into the register in one transaction; the migrations' triggers fill the search tables. */
function seedRegister(sqlite: Database.Database, people: BenchPatient[]): void {
  const insert = sqlite.prepare(
    `INSERT INTO patients (mrn, first_name, last_name, sort_name, date_of_birth, sex, phone, email, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = new Date().toISOString();
  sqlite.transaction(() => {
    people.forEach((p, i) => insert.run(formatMrn(i + 1), p.firstName, p.lastName, sortNameOf(p), p.dateOfBirth, p.sex, p.phone, p.email, at, at));
    sqlite.prepare(`INSERT INTO sequences (name, value) VALUES ('mrn', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value`).run(people.length);
  })();
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (n: number) => Math.round(n * 100) / 100;

test('keystroke → rendered results at 100,000 patients (reported)', async ({ page, anteroom }) => {
  // Seeding dominates; on a busy 2-core machine it can take a minute.
  test.setTimeout(150_000);
  await anteroom.setUpAndSignIn();
  const people = makePatients(PATIENTS);
  const seedStart = Date.now();
  seedRegister(anteroom.core.db.$client, people);
  const seedMs = Date.now() - seedStart;
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();

  const palette = new SearchPalettePage(page);
  await palette.open();
  // keydown stamps the time; the sample is taken when the list shows the answer for exactly what is in the
  // box (data-query), i.e. the DOM the next paint will show; a requestAnimationFrame after it adds the frame.
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('.palette-input')!;
    const list = document.getElementById('palette-list')!;
    const state = { t0: null as number | null, called: 0, answered: 0, dom: [] as number[], frame: [] as number[], before: [] as number[], ipc: [] as number[], render: [] as number[] };
    (window as unknown as { __keystrokes: typeof state }).__keystrokes = state;
    // Split each sample: keydown → the search call leaves the page, the call's round trip, answer → DOM.
    const invoke = window.__anteroomInvoke;
    window.__anteroomInvoke = async (channel, payload) => {
      const search = channel === 'patients.search';
      if (search) state.called = performance.now();
      const result = await invoke(channel, payload);
      if (search) state.answered = performance.now();
      return result;
    };
    input.addEventListener('keydown', () => void (state.t0 = performance.now()), { capture: true });
    new MutationObserver(() => {
      const t0 = state.t0;
      if (t0 === null || input.value.trim() === '' || list.dataset.query !== input.value) return;
      const now = performance.now();
      state.t0 = null;
      state.dom.push(now - t0);
      if (state.called >= t0) {
        state.before.push(state.called - t0);
        state.ipc.push(state.answered - state.called);
        state.render.push(now - state.answered);
      }
      requestAnimationFrame(() => state.frame.push(performance.now() - t0));
    }).observe(list, { attributes: true, childList: true, subtree: true, characterData: true });
  });

  const queries = queriesFor(people);
  let keystrokes = 0;
  for (const q of queries) {
    await page.keyboard.press('Control+a');
    // ~12 keys a second: a quick typist, each answer due before the next key.
    await page.keyboard.type(q, { delay: 80 });
    keystrokes += q.length;
    await expect(palette.answered(q)).toBeAttached();
  }
  await page.waitForTimeout(100);
  type Samples = Record<'dom' | 'frame' | 'before' | 'ipc' | 'render', number[]>;
  const { dom, frame, before, ipc, render } = await page.evaluate(() => (window as unknown as { __keystrokes: Samples }).__keystrokes);
  const p50 = (xs: number[]) => round(percentile([...xs].sort((x, y) => x - y), 50));
  const p95 = (xs: number[]) => round(percentile([...xs].sort((x, y) => x - y), 95));
  expect(dom.length).toBeGreaterThanOrEqual(keystrokes * 0.9);

  // Where the time goes: main's search alone, and the harness's round trip (page → Playwright → main → page),
  // which stands in for Electron's IPC and costs far more than it.
  const prefixes = queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1))).filter((q) => q.trim());
  const backend: number[] = [];
  for (const q of prefixes) {
    const t = performance.now();
    await anteroom.core.dispatch('patients.search', { query: q, limit: 12 }, { senderId: E2E_SENDER, trusted: true });
    backend.push(performance.now() - t);
  }
  const roundTrip = await page.evaluate(async (qs) => {
    const out: number[] = [];
    for (const q of qs) {
      const t = performance.now();
      await window.api.patients.search({ query: q, limit: 12 });
      out.push(performance.now() - t);
    }
    return out;
  }, prefixes);
  const b = [...backend].sort((x, y) => x - y);
  const r = [...roundTrip].sort((x, y) => x - y);

  const d = [...dom].sort((a, b) => a - b);
  const f = [...frame].sort((a, b) => a - b);
  const figures = {
    patients: PATIENTS,
    keystrokes: d.length,
    keystroke_p50_ms: round(percentile(d, 50)),
    keystroke_p95_ms: round(percentile(d, 95)),
    keystroke_max_ms: round(d[d.length - 1]!),
    keystroke_to_frame_p50_ms: round(percentile(f, 50)),
    keystroke_to_frame_p95_ms: round(percentile(f, 95)),
    search_dispatch_p50_ms: round(percentile(b, 50)),
    search_dispatch_p95_ms: round(percentile(b, 95)),
    api_round_trip_p50_ms: round(percentile(r, 50)),
    api_round_trip_p95_ms: round(percentile(r, 95)),
    keydown_to_call_p50_ms: p50(before),
    call_round_trip_while_typing_p50_ms: p50(ipc),
    call_round_trip_while_typing_p95_ms: p95(ipc),
    answer_to_dom_p50_ms: p50(render),
    answer_to_dom_p95_ms: p95(render),
    seed_ms: seedMs,
  };
  mkdirSync(resolve(OUT, '..'), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`main's search p50 ${figures.search_dispatch_p50_ms} ms / p95 ${figures.search_dispatch_p95_ms} ms; harness round trip p50 ${figures.api_round_trip_p50_ms} ms / p95 ${figures.api_round_trip_p95_ms} ms`);
  console.log(`per keystroke: keydown → call ${figures.keydown_to_call_p50_ms} ms, round trip ${figures.call_round_trip_while_typing_p50_ms} ms (p95 ${figures.call_round_trip_while_typing_p95_ms}), answer → DOM ${figures.answer_to_dom_p50_ms} ms (p95 ${figures.answer_to_dom_p95_ms}) [p50s]`);
  console.log(`Keystroke → results in the page at ${PATIENTS.toLocaleString('en-US')} patients over ${d.length} keystrokes: p50 ${figures.keystroke_p50_ms} ms, p95 ${figures.keystroke_p95_ms} ms (to the next frame: p50 ${figures.keystroke_to_frame_p50_ms} ms, p95 ${figures.keystroke_to_frame_p95_ms} ms) → ${OUT}`);
  // Sanity only: the figure is reported, not asserted (the target is one frame, 16 ms).
  expect(figures.keystroke_p95_ms).toBeLessThan(250);
});
