// Boot test playing an installed app (isPackaged, process.resourcesPath): migrations come from the shipped
// resources, development overrides are ignored, DevTools and the default menu are gone, debugging is refused.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { bootApp, ensureBuilt, REPO_ROOT, tempDir } from './boot-run';

/** resources/ as electron-builder lays it out: drizzle/ beside the app (here only package.json is read from it). */
function installedResources(): string {
  const resources = join(tempDir('resources'), 'resources');
  cpSync(join(REPO_ROOT, 'drizzle'), join(resources, 'drizzle'), { recursive: true });
  mkdirSync(join(resources, 'app'));
  writeFileSync(join(resources, 'app', 'package.json'), readFileSync(join(REPO_ROOT, 'package.json')));
  return resources;
}

describe('boot: as an installed app', () => {
  let resources: string;
  beforeAll(() => {
    ensureBuilt();
    resources = installedResources();
  });

  it('migrates from the shipped resources, ignoring ANTEROOM_MIGRATIONS_DIR, with no DevTools and no dev menu', async () => {
    const dataDir = join(tempDir('installed'), 'data');
    const { report, code, stderr } = await bootApp({
      dataDir,
      env: { ANTEROOM_BOOT_RESOURCES: resources, ANTEROOM_MIGRATIONS_DIR: join(tempDir('nowhere'), 'missing') },
    });
    expect(report.failure, stderr).toBeNull();
    expect(code).toBe(0);
    expect(report.errorBoxes).toEqual([]);
    expect(report.loadedUrls).toEqual(['app://anteroom/index.html']);
    expect(report.windows[0]?.options.webPreferences).toMatchObject({ devTools: false, sandbox: true, contextIsolation: true });
    // Linux/Windows: no menu at all (no Reload, no Toggle DevTools); macOS keeps app/Edit/Window.
    expect(report.applicationMenu).toEqual(process.platform === 'darwin' ? [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }] : null);
    const db = new Database(join(dataDir, 'anteroom.db'), { readonly: true });
    try {
      const applied = db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
      const journal = JSON.parse(readFileSync(join(resources, 'drizzle/meta/_journal.json'), 'utf8')) as { entries: unknown[] };
      expect(applied.n).toBe(journal.entries.length);
    } finally {
      db.close();
    }
  });

  it('refuses to start with a remote-debugging switch, before touching any data', async () => {
    const dataDir = join(tempDir('debug'), 'data');
    const { report, code } = await bootApp({ dataDir, env: { ANTEROOM_BOOT_RESOURCES: resources, ANTEROOM_BOOT_SWITCHES: 'remote-debugging-port' } });
    expect(code).toBe(1);
    expect(report.finishedBy).toBe('app.exit');
    expect(report.windows).toEqual([]);
    expect(report.ipcChannels).toEqual([]);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('a development build started the same way still runs (Playwright drives Electron through that switch)', async () => {
    const dataDir = join(tempDir('dev-debug'), 'data');
    const { report, code } = await bootApp({ dataDir, env: { ANTEROOM_BOOT_SWITCHES: 'remote-debugging-port' } });
    expect(code).toBe(0);
    expect(report.loadedUrls).toEqual(['app://anteroom/index.html']);
    expect(report.applicationMenu).toBe('default');
  });
});
