// Measurement, not a timing test: with 100,000 patients, how long from a keystroke in the Ctrl+K palette to
// its results in the page? Writes p50/p95 to tests/artifacts/keystroke.json and prints them; only a generous
// sanity bound fails the test. Target: p95 ≤ 16 ms (one frame). Measured twice, the same preload's window.api
// and the same dispatcher (the fixture's core, in this test process) both times: through the Playwright binding
// every E2E test uses, and through a localhost WebSocket (search-socket.ts), the nearer stand-in for Electron's IPC.
// (A socket served by main's core in a process of its own was tried and measured slower: another process to wake.)
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { makePatients, seeded, type BenchPatient } from '../../bench/patients-data';
import type Database from 'better-sqlite3';
import { formatMrn, sortNameOf } from '../../src/main/patients/service';
import { E2E_SENDER, expect, test } from './fixtures';
import { installProbe, p50, p95, round, summary } from './search-keystroke-probe';
import { attachSocketTransport, ECHO_CHANNEL } from './search-socket';
import { startRendererServer } from './support/static-server';
import { SearchPalettePage } from './pages/SearchPalettePage';

const PATIENTS = 100_000;
const OUT = resolve(__dirname, '../artifacts/keystroke.json');

/** What a receptionist types: surname starts, phone endings, a misspelled surname, a record number. */
function queriesFor(people: BenchPatient[], seed: number): string[] {
  const rng = seeded(seed);
  const pick = () => people[Math.floor(rng() * people.length)]!;
  const surnames = Array.from({ length: 6 }, () => pick().lastName.split(/[ -]/)[0]!.slice(0, 5));
  const phones = Array.from({ length: 3 }, () => pick().phone.slice(-4));
  const long = people.find((p, i) => i > 100 * seed && /^[A-Za-z]{7,}$/.test(p.lastName))!.lastName.toLowerCase();
  const typo = long.slice(0, 2) + long[3] + long[2] + long.slice(4);
  return [...surnames, ...phones, typo, `P-0${400 + seed}`];
}

/** Every prefix of each query, as typing asks them. */
const prefixesOf = (queries: string[]) => queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1))).filter((q) => q.trim());

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

test('keystroke → rendered results at 100,000 patients (reported)', async ({ page, anteroom }) => {
  // Seeding dominates; on a busy 2-core machine it can take a minute.
  test.setTimeout(200_000);
  await anteroom.setUpAndSignIn();
  let people = makePatients(PATIENTS);
  const seedStart = Date.now();
  seedRegister(anteroom.core.db.$client, people);
  const seedMs = Date.now() - seedStart;
  // Each transport types its own (equally mixed) queries, so neither meets the other's patients already formatted.
  const bindingQueries = queriesFor(people, 5);
  const socketQueries = queriesFor(people, 6);
  const warmUpQueries = prefixesOf(queriesFor(people, 7));
  // Let the 100,000 go before typing: collecting them mid-measurement would stall this process (and the binding).
  people = [];
  // Our own copy of the renderer server, so the page's origin can also take the WebSocket (CSP: connect-src 'self').
  const caller = { senderId: E2E_SENDER, trusted: true };
  const { url, server } = await startRendererServer();
  const closeSockets = attachSocketTransport(server, (channel, input) =>
    // The bare echo answers without the dispatcher: what the transport alone costs.
    channel === ECHO_CHANNEL ? Promise.resolve({ ok: true, data: input }) : anteroom.core.dispatch(channel, input, caller),
  );
  try {
    await page.goto(`${url}/index.html`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();

    const palette = new SearchPalettePage(page);
    await palette.open();
    await installProbe(page);

    const typeAll = async (queries: string[]) => {
      for (const q of queries) {
        await page.keyboard.press('Control+a');
        // ~12 keys a second: a quick typist, each answer due before the next key.
        await page.keyboard.type(q, { delay: 80 });
        await expect(palette.answered(q)).toBeAttached();
      }
      await page.waitForTimeout(100);
      return queries.reduce((n, q) => n + q.length, 0);
    };
    // A desk in use, not one just started: main answers other searches through each transport first, so neither
    // figure carries a cold page cache or unoptimised code. Then the binding, then the socket.
    await page.evaluate((qs) => window.__keystrokes.roundTrips(qs, 'search'), warmUpQueries);
    await page.evaluate((ws) => window.__keystrokes.useSocket(ws), `${url.replace('http', 'ws')}/socket`);
    await page.evaluate((qs) => window.__keystrokes.roundTrips(qs, 'search'), warmUpQueries);
    await page.evaluate(() => (window.__keystrokes.phase = 'binding'));
    const keystrokes = await typeAll(bindingQueries);
    await page.evaluate(() => (window.__keystrokes.phase = 'socket'));
    const socketKeystrokes = await typeAll(socketQueries);
    const { binding, socket } = await page.evaluate(() => window.__keystrokes.samples);
    expect(binding.dom.length).toBeGreaterThanOrEqual(keystrokes * 0.9);
    expect(socket.dom.length).toBeGreaterThanOrEqual(socketKeystrokes * 0.9);

    // Where the time goes: main's search alone, and each transport's round trip with nothing else going on.
    const prefixes = prefixesOf(bindingQueries);
    const backend: number[] = [];
    for (const q of prefixes) {
      const t = performance.now();
      await anteroom.core.dispatch('patients.search', { query: q, limit: 12 }, { senderId: E2E_SENDER, trusted: true });
      backend.push(performance.now() - t);
    }
    const socketRoundTrip = await page.evaluate((qs) => window.__keystrokes.roundTrips(qs, 'search'), prefixes);
    const socketEcho = await page.evaluate((qs) => window.__keystrokes.roundTrips(qs, 'echo'), prefixes);
    await page.evaluate(() => (window.__keystrokes.phase = 'binding'));
    const roundTrip = await page.evaluate((qs) => window.__keystrokes.roundTrips(qs, 'search'), prefixes);

    const figures = {
      patients: PATIENTS,
      // The same page, preload and dispatcher: over a localhost WebSocket…
      socket: summary(socket),
      // …and through the Playwright binding, answered in this test process.
      binding: summary(binding),
      search_dispatch_p50_ms: p50(backend),
      search_dispatch_p95_ms: p95(backend),
      // One call after another with nothing else going on.
      socket_round_trip_alone_p50_ms: p50(socketRoundTrip),
      socket_round_trip_alone_p95_ms: p95(socketRoundTrip),
      socket_echo_alone_p50_ms: p50(socketEcho),
      socket_echo_alone_p95_ms: p95(socketEcho),
      binding_round_trip_alone_p50_ms: p50(roundTrip),
      binding_round_trip_alone_p95_ms: p95(roundTrip),
      seed_ms: seedMs,
    };
    mkdirSync(resolve(OUT, '..'), { recursive: true });
    writeFileSync(OUT, `${JSON.stringify(figures, null, 2)}\n`);
    // Every keystroke's time too, so runs on a busy machine can be pooled before taking percentiles.
    const raw = (x: typeof socket) => ({ dom: x.dom.map(round), frame: x.frame.map(round) });
    writeFileSync(OUT.replace(/\.json$/, '-samples.json'), `${JSON.stringify({ socket: raw(socket), binding: raw(binding) })}\n`);
    const f = figures;
    console.log(`main's search p50 ${f.search_dispatch_p50_ms} ms / p95 ${f.search_dispatch_p95_ms} ms; alone, one call after another: socket round trip p50 ${f.socket_round_trip_alone_p50_ms} / p95 ${f.socket_round_trip_alone_p95_ms} ms (bare echo ${f.socket_echo_alone_p50_ms} / ${f.socket_echo_alone_p95_ms}), binding ${f.binding_round_trip_alone_p50_ms} / ${f.binding_round_trip_alone_p95_ms}`);
    for (const [name, t] of [['socket', f.socket], ['binding', f.binding]] as const) {
      console.log(
        `${name}, ${t.keystrokes} keystrokes: key → results in the DOM p50 ${t.dom_p50_ms} / p95 ${t.dom_p95_ms} ms (max ${t.dom_max_ms}), painted frame ${t.frame_p50_ms} / ${t.frame_p95_ms}; ` +
          `from the keydown handler ${t.from_handler_p50_ms} / ${t.from_handler_p95_ms}. Splits p50 (p95): key waits for the page ${t.queued_p50_ms} (${t.queued_p95_ms}), ` +
          `handler → call ${t.handler_to_call_p50_ms}, call round trip ${t.call_round_trip_p50_ms} (${t.call_round_trip_p95_ms}), answer → DOM ${t.answer_to_dom_p50_ms} (${t.answer_to_dom_p95_ms})`,
      );
    }
    console.log(`→ ${OUT}`);
    // Sanity only: the figure is reported, not asserted (the target is one frame, 16 ms).
    expect(figures.socket.dom_p95_ms).toBeLessThan(250);
    expect(figures.binding.dom_p95_ms).toBeLessThan(250);
  } finally {
    closeSockets();
    server.close();
  }
});
