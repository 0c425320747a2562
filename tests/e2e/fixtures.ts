// Playwright fixtures: each test gets its own data folder and a real, migrated database behind window.api.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { openCore, type Core } from '../../src/main/core';
import type { ChannelName, InputOf, OutputOf } from '../../src/shared/contract';
import { PRELOAD_BUNDLE } from './support/global-setup';
import { startRendererServer } from './support/static-server';

export const E2E_SENDER = 'e2e-window';
export const ADMIN = { username: 'admin', displayName: 'Ada Admin', password: 'correct horse battery' };
export const CLINIC = {
  name: 'Riverside Family Practice',
  address: '1 High Street, Bristol',
  phone: '+44 117 496 0000',
  email: 'desk@riverside.example',
  country: 'GB',
  timeZone: 'Europe/London',
  currency: 'GBP',
  lockAfterMinutes: 5,
};

export interface AnteroomFixture {
  core: Core;
  dataDir: string;
  url: string;
  /** Main-process clock; the renderer's clock is Playwright's page.clock. */
  clock: { now: Date; advance(ms: number): void };
  /** Calls a channel as the page's own window (so a sign-in here signs the page in). */
  call<K extends ChannelName>(channel: K, input: InputOf<K>): Promise<OutputOf<K>>;
  /** First-run setup done and the page signed in as the admin, then the page is reloaded. */
  setUpAndSignIn(opts?: { sampleData?: boolean }): Promise<void>;
  screenshot(name: string): Promise<void>;
}

const SCREENSHOTS = resolve(__dirname, '../artifacts/screens');

export const test = base.extend<{ anteroom: AnteroomFixture }, { rendererUrl: string }>({
  rendererUrl: [
    async ({}, use) => {
      const { url, server } = await startRendererServer();
      await use(url);
      server.close();
    },
    { scope: 'worker' },
  ],
  anteroom: async ({ page, rendererUrl }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'anteroom-e2e-'));
    const clock = {
      now: new Date(),
      advance(ms: number) {
        this.now = new Date(this.now.getTime() + ms);
      },
    };
    let frozen = false;
    const core = openCore({
      dataDir,
      migrationsFolder: resolve(__dirname, '../../drizzle'),
      now: () => (frozen ? new Date(clock.now) : new Date()),
    });
    const advance = clock.advance.bind(clock);
    clock.advance = (ms: number) => {
      if (!frozen) clock.now = new Date();
      frozen = true;
      advance(ms);
    };
    // After the test the page may still be polling (day book refresh, idle ping): answer those without
    // touching the closed database, so real handler failures stand out in the log.
    let closed = false;
    await page.exposeFunction('__anteroomInvoke', (channel: string, input: unknown) =>
      closed
        ? { ok: false, error: { code: 'INTERNAL', message: 'The test has finished.' } }
        : core.dispatch(channel, input, { senderId: E2E_SENDER, trusted: true }),
    );
    await page.addInitScript({ path: PRELOAD_BUNDLE });
    const fixture: AnteroomFixture = {
      core,
      dataDir,
      url: rendererUrl,
      clock,
      async call(channel, input) {
        const r = await core.dispatch(channel, input, { senderId: E2E_SENDER, trusted: true });
        if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
        return r.data as never;
      },
      async setUpAndSignIn(opts = {}) {
        await fixture.call('setup.complete', { clinic: CLINIC, admin: ADMIN, loadSampleData: opts.sampleData ?? false });
        await page.reload();
      },
      async screenshot(name) {
        await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
      },
    };
    await page.goto(`${rendererUrl}/index.html`);
    await use(fixture);
    closed = true;
    await page.goto('about:blank').catch(() => undefined);
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect, type Page };
