// The keystroke bench's probe in the page: stamps each keystroke and the moment the palette's list shows its
// answer, splits the time between, and switches window.api's transport from the Playwright binding to the socket.
import type { Page } from '@playwright/test';
import { ECHO_CHANNEL } from './search-socket';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
export const round = (n: number) => Math.round(n * 100) / 100;
export const p50 = (xs: number[]) => round(percentile([...xs].sort((x, y) => x - y), 50));
export const p95 = (xs: number[]) => round(percentile([...xs].sort((x, y) => x - y), 95));

/**
 * One keystroke, in ms. dom: from the key event's own timestamp (when the browser took the key) to the list holding
 * the answer; frame: to the frame that paints it; handler: dom counted from the page's keydown handler instead;
 * queued: timestamp → handler (the renderer still busy). The splits run from the handler: → the input event,
 * → the search call leaves, its round trip, answer → DOM.
 */
type Samples = Record<'dom' | 'frame' | 'handler' | 'queued' | 'input' | 'before' | 'ipc' | 'render', number[]>;
type Transport = 'binding' | 'socket';

/** p50/p95 of one transport's keystrokes, as written to keystroke.json. */
export function summary(x: Samples) {
  return {
    keystrokes: x.dom.length,
    dom_p50_ms: p50(x.dom),
    dom_p95_ms: p95(x.dom),
    dom_max_ms: round(Math.max(...x.dom)),
    frame_p50_ms: p50(x.frame),
    frame_p95_ms: p95(x.frame),
    from_handler_p50_ms: p50(x.handler),
    from_handler_p95_ms: p95(x.handler),
    queued_p50_ms: p50(x.queued),
    queued_p95_ms: p95(x.queued),
    handler_to_input_event_p50_ms: p50(x.input),
    handler_to_call_p50_ms: p50(x.before),
    call_round_trip_p50_ms: p50(x.ipc),
    call_round_trip_p95_ms: p95(x.ipc),
    answer_to_dom_p50_ms: p50(x.render),
    answer_to_dom_p95_ms: p95(x.render),
  };
}

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

/**
 * keydown stamps the time (and keeps the event's own timestamp: when the browser took the key); a sample is taken
 * when the list shows the answer for exactly what is in the box (data-query), i.e. the DOM the next paint will
 * show, and a requestAnimationFrame from there gives the frame that paints it. Each sample is split: keydown →
 * the input event, → the search call leaves the page (the palette asks at beforeinput), its round trip, answer →
 * DOM. The call goes through window.__anteroomInvoke, which the preload's window.api calls; it is wrapped here to
 * time it and to switch it from the Playwright binding to the socket.
 */
export async function installProbe(page: Page): Promise<void> {
  await page.evaluate((echoChannel) => {
    const input = document.querySelector<HTMLInputElement>('.palette-input')!;
    const list = document.getElementById('palette-list')!;
    const empty = () => ({ dom: [], frame: [], handler: [], queued: [], input: [], before: [], ipc: [], render: [] });
    const stamps = { t0: null as number | null, pressed: 0, input: 0, called: 0, answered: 0 };
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
    input.addEventListener(
      'keydown',
      (e) => {
        stamps.t0 = performance.now();
        stamps.pressed = e.timeStamp;
      },
      { capture: true },
    );
    input.addEventListener('input', () => void (stamps.input = performance.now()), { capture: true });
    new MutationObserver(() => {
      const t0 = stamps.t0;
      if (t0 === null || input.value.trim() === '' || list.dataset.query !== input.value) return;
      const now = performance.now();
      const s = window.__keystrokes.samples[window.__keystrokes.phase];
      const pressed = stamps.pressed;
      stamps.t0 = null;
      s.dom.push(now - pressed);
      s.handler.push(now - t0);
      s.queued.push(t0 - pressed);
      if (stamps.called >= t0) {
        s.input.push(stamps.input - t0);
        s.before.push(stamps.called - t0);
        s.ipc.push(stamps.answered - stamps.called);
        s.render.push(now - stamps.answered);
      }
      requestAnimationFrame(() => s.frame.push(performance.now() - pressed));
    }).observe(list, { attributes: true, childList: true, subtree: true, characterData: true });
  }, ECHO_CHANNEL);
}
