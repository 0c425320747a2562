// Electron-launch smoke test: the real app, real Electron, fresh data folder → the setup screen, with only window.api exposed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { installedElectronBinary } from './electron-binary';

// Launched as `electron <repo>` (package.json "main" → out/main/index.js), exactly like `npm start`:
// given the bundle's path instead, Electron would take out/main as the app path and miss drizzle/.
const APP_DIR = resolve(__dirname, '../..');
const executablePath = installedElectronBinary();

test('the built app launches in Electron and opens the first-run setup screen', async () => {
  test.skip(
    executablePath === null,
    'Electron binary not installed here (its download is blocked on this machine); the boot test covers main with a stand-in',
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'anteroom-electron-'));
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'ELECTRON_RENDERER_URL') env[key] = value;
  const args = [APP_DIR];
  // Linux boxes without a display (CI) use Chromium's headless Ozone backend; Chromium refuses to run as root
  // with its sandbox, so a root CI user gets --no-sandbox (the renderer sandbox is proven by the boot test).
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) args.push('--ozone-platform=headless', '--disable-gpu');
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const app = await electron.launch({ executablePath: executablePath ?? undefined, args, cwd: APP_DIR, env: { ...env, ANTEROOM_DATA_DIR: dataDir } });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Set up your clinic' })).toBeVisible({ timeout: 30_000 });
    expect(page.url()).toBe('app://anteroom/index.html');
    const globals = await page.evaluate(() => {
      const g = globalThis as Record<string, unknown>;
      return { api: typeof g['api'], require: typeof g['require'], process: typeof g['process'], module: typeof g['module'] };
    });
    expect(globals).toEqual({ api: 'object', require: 'undefined', process: 'undefined', module: 'undefined' });
    const status = await page.evaluate(async () => {
      const api = (globalThis as { api?: { setup: { status(): Promise<unknown> } } }).api;
      return api?.setup.status();
    });
    expect(status).toMatchObject({ ok: true });
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
