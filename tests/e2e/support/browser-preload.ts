// The browser stand-in for src/preload/index.ts: the same buildApi, bound to the real main-process
// dispatcher through Playwright's exposeFunction instead of ipcRenderer.
import { buildApi } from '../../../src/preload/api';
import type { Result } from '../../../src/shared/result';

declare global {
  interface Window {
    __anteroomInvoke: (channel: string, input: unknown) => Promise<Result<unknown>>;
  }
}

Object.defineProperty(window, 'api', {
  value: buildApi((channel, input) => window.__anteroomInvoke(channel, input)),
  writable: false,
  configurable: false,
});
