// Measurement, not a timing test: with 100,000 patients, how long from a keystroke in the Ctrl+K palette to
// its results in the page? Writes p50/p95 to tests/artifacts/keystroke.json and prints them; only a generous
// sanity bound fails the test. Target: p95 ≤ 16 ms (one frame). Measured twice, the same preload's window.api
// and main's real dispatcher both times: through the Playwright binding every E2E test uses (answered in this
// test process, which also drives the browser), and through a localhost WebSocket to main's core in a process of
// its own (search-socket-main.ts), the nearer stand-in for Electron's IPC to its main process.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { makePatients, seeded, type BenchPatient } from '../../bench/patients-data';
import type Database from 'better-sqlite3';
import { formatMrn, sortNameOf } from '../../src/main/patients/service';
import { ADMIN, E2E_SENDER, expect, test, type Page } from './fixtures';
import { ECHO_CHANNEL, startSocketMain } from './search-socket';
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
const p50 = (xs: number[]) => round(percentile([...xs].sort((x, y) => x - y), 50));
const p95 = (xs: number[]) => round(percentile([...xs].sort((x, y) => x - y), 95));

/** One keystroke's splits, in ms from its keydown (dom: the list holds the answer; frame: the frame that paints it). */
type Samples = Record<'dom' | 'frame' | 'input' | 'before' | 'ipc' | 'render', number[]>;
type Transport = 'binding' | 'socket';

declare global {
  interface Window {
    __keystrokes: {
      phase: Transport;
      samples: Record<Transport, Samples>;
      useSocket(url: string): Promise<void>;
      /** One call per query, one after another, through the current transport: the search, or the socket's bare echo. */
      roundTrips(queries: string[], what: 'search' | 'echo'): Promise<number[]>;
    };
  }
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
  // Let the 100,000 go before typing: collecting them mid-measurement would stall this process (and the binding).
  people = [];
  // main's core in a process of its own, serving the renderer and the socket on one origin (see search-socket-main.ts).
  const socketMain = await startSocketMain({ dataDir: anteroom.dataDir, senderId: E2E_SENDER, username: ADMIN.username, password: ADMIN.password });
  try {
    await page.goto(`${socketMain.url}/index.html`);
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
    const keystrokes = await typeAll(bindingQueries);
    await page.evaluate((ws) => window.__keystrokes.useSocket(ws), `${socketMain.url.replace('http', 'ws')}/socket`);
    const socketKeystrokes = await typeAll(socketQueries);
    const { binding, socket } = await page.evaluate(() => window.__keystrokes.samples);
    expect(binding.dom.length).toBeGreaterThanOrEqual(keystrokes * 0.9);
    expect(socket.dom.length).toBeGreaterThanOrEqual(socketKeystrokes * 0.9);

    // Where the time goes: main's search alone, and each transport's round trip with nothing else going on.
    const prefixes = bindingQueries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1))).filter((q) => q.trim());
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
      keystrokes: binding.dom.length,
      keystroke_p50_ms: p50(binding.dom),
      keystroke_p95_ms: p95(binding.dom),
      keystroke_max_ms: round(Math.max(...binding.dom)),
      keystroke_to_frame_p50_ms: p50(binding.frame),
      keystroke_to_frame_p95_ms: p95(binding.frame),
      search_dispatch_p50_ms: p50(backend),
      search_dispatch_p95_ms: p95(backend),
      api_round_trip_p50_ms: p50(roundTrip),
      api_round_trip_p95_ms: p95(roundTrip),
      socket_round_trip_p50_ms: p50(socketRoundTrip),
      socket_round_trip_p95_ms: p95(socketRoundTrip),
      socket_echo_p50_ms: p50(socketEcho),
      socket_echo_p95_ms: p95(socketEcho),
      keydown_to_input_event_p50_ms: p50(binding.input),
      keydown_to_call_p50_ms: p50(binding.before),
      call_round_trip_while_typing_p50_ms: p50(binding.ipc),
      call_round_trip_while_typing_p95_ms: p95(binding.ipc),
      answer_to_dom_p50_ms: p50(binding.render),
      answer_to_dom_p95_ms: p95(binding.render),
      // The same page and dispatcher code, called over a localhost WebSocket to main's core in its own process.
      socket_keystrokes: socket.dom.length,
      socket_keystroke_p50_ms: p50(socket.dom),
      socket_keystroke_p95_ms: p95(socket.dom),
      socket_keystroke_max_ms: round(Math.max(...socket.dom)),
      socket_keystroke_to_frame_p50_ms: p50(socket.frame),
      socket_keystroke_to_frame_p95_ms: p95(socket.frame),
      socket_keydown_to_call_p50_ms: p50(socket.before),
      socket_call_round_trip_p50_ms: p50(socket.ipc),
      socket_call_round_trip_p95_ms: p95(socket.ipc),
      socket_answer_to_dom_p50_ms: p50(socket.render),
      socket_answer_to_dom_p95_ms: p95(socket.render),
      seed_ms: seedMs,
    };
    mkdirSync(resolve(OUT, '..'), { recursive: true });
    writeFileSync(OUT, `${JSON.stringify(figures, null, 2)}\n`);
    const f = figures;
    console.log(`main's search p50 ${f.search_dispatch_p50_ms} ms / p95 ${f.search_dispatch_p95_ms} ms; alone, one call after another: binding round trip p50 ${f.api_round_trip_p50_ms} ms / p95 ${f.api_round_trip_p95_ms} ms, socket round trip p50 ${f.socket_round_trip_p50_ms} / p95 ${f.socket_round_trip_p95_ms} (bare echo p50 ${f.socket_echo_p50_ms} / p95 ${f.socket_echo_p95_ms})`);
    console.log(`binding, per keystroke (p50): keydown → input event ${f.keydown_to_input_event_p50_ms} ms, → call ${f.keydown_to_call_p50_ms} ms, round trip ${f.call_round_trip_while_typing_p50_ms} ms (p95 ${f.call_round_trip_while_typing_p95_ms}), answer → DOM ${f.answer_to_dom_p50_ms} ms (p95 ${f.answer_to_dom_p95_ms})`);
    console.log(`socket, per keystroke (p50): keydown → call ${f.socket_keydown_to_call_p50_ms} ms, round trip ${f.socket_call_round_trip_p50_ms} ms (p95 ${f.socket_call_round_trip_p95_ms}), answer → DOM ${f.socket_answer_to_dom_p50_ms} ms (p95 ${f.socket_answer_to_dom_p95_ms})`);
    console.log(`Keystroke → results in the page at ${PATIENTS.toLocaleString('en-US')} patients over ${f.keystrokes} keystrokes: p50 ${f.keystroke_p50_ms} ms, p95 ${f.keystroke_p95_ms} ms (painted frame: p50 ${f.keystroke_to_frame_p50_ms}, p95 ${f.keystroke_to_frame_p95_ms}) through the Playwright binding; through a localhost socket to main's own process over ${f.socket_keystrokes}: p50 ${f.socket_keystroke_p50_ms} ms, p95 ${f.socket_keystroke_p95_ms} ms (painted frame: p50 ${f.socket_keystroke_to_frame_p50_ms}, p95 ${f.socket_keystroke_to_frame_p95_ms}) → ${OUT}`);
    // Sanity only: the figure is reported, not asserted (the target is one frame, 16 ms).
    expect(figures.keystroke_p95_ms).toBeLessThan(250);
  } finally {
    await socketMain.stop();
  }
});

/**
 * keydown stamps the time; a sample is taken when the list shows the answer for exactly what is in the box
 * (data-query), i.e. the DOM the next paint will show, and a requestAnimationFrame from there gives the frame
 * that paints it. Each sample is split: keydown → the input event → the search call leaves the page → its
 * answer is back → DOM. The search call goes through window.__anteroomInvoke, wrapped here to time it and to
 * switch it from the Playwright binding to the socket.
 */
async function installProbe(page: Page): Promise<void> {
  await page.evaluate((echoChannel) => {
    const input = document.querySelector<HTMLInputElement>('.palette-input')!;
    const list = document.getElementById('palette-list')!;
    const empty = () => ({ dom: [], frame: [], input: [], before: [], ipc: [], render: [] });
    const stamps = { t0: null as number | null, input: 0, called: 0, answered: 0 };
    const binding = window.__anteroomInvoke;
    let transport = binding;
    window.__keystrokes = {
      phase: 'binding',
      samples: { binding: empty(), socket: empty() },
      async useSocket(url: string) {
        const ws = new WebSocket(url);
        await new Promise((opened, failed) => {
          ws.onopen = opened;
          ws.onerror = failed;
        });
        const waiting = new Map<number, (result: never) => void>();
        let next = 0;
        ws.onmessage = (e: MessageEvent<string>) => {
          const { id, result } = JSON.parse(e.data) as { id: number; result: never };
          waiting.get(id)?.(result);
          waiting.delete(id);
        };
        transport = (channel, payload) =>
          new Promise((answer) => {
            const id = ++next;
            waiting.set(id, answer);
            ws.send(JSON.stringify({ id, channel, input: payload }));
          });
        this.phase = 'socket';
      },
      async roundTrips(queries, what) {
        const out: number[] = [];
        for (const query of queries) {
          const t = performance.now();
          if (what === 'echo') await transport(echoChannel, { query, limit: 12 });
          else await window.api.patients.search({ query, limit: 12 });
          out.push(performance.now() - t);
        }
        return out;
      },
    };
    window.__anteroomInvoke = async (channel, payload) => {
      const search = channel === 'patients.search';
      if (search) stamps.called = performance.now();
      const result = await (window.__keystrokes.phase === 'socket' ? transport : binding)(channel, payload);
      if (search) stamps.answered = performance.now();
      return result;
    };
    input.addEventListener('keydown', () => void (stamps.t0 = performance.now()), { capture: true });
    input.addEventListener('input', () => void (stamps.input = performance.now()), { capture: true });
    new MutationObserver(() => {
      const t0 = stamps.t0;
      if (t0 === null || input.value.trim() === '' || list.dataset.query !== input.value) return;
      const now = performance.now();
      const s = window.__keystrokes.samples[window.__keystrokes.phase];
      stamps.t0 = null;
      s.dom.push(now - t0);
      if (stamps.called >= t0) {
        s.input.push(stamps.input - t0);
        s.before.push(stamps.called - t0);
        s.ipc.push(stamps.answered - stamps.called);
        s.render.push(now - stamps.answered);
      }
      requestAnimationFrame(() => s.frame.push(performance.now() - t0));
    }).observe(list, { attributes: true, childList: true, subtree: true, characterData: true });
  }, ECHO_CHANNEL);
}
