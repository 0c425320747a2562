// Boot test: the built main bundle, run under Node with a recording Electron stand-in, must migrate a fresh
// data file, register exactly the contract's channels, and open one hardened window on app://anteroom.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../src/shared/contract';
import { bootApp, ensureBuilt, REPO_ROOT, tempDir, type BootResult } from './boot-run';

const MIGRATIONS = join(REPO_ROOT, 'drizzle');
const INDEX = 'app://anteroom/index.html';
const TRAVERSALS = [
  'app://anteroom/../../etc/passwd',
  'app://anteroom/%2e%2e/%2e%2e/etc/passwd',
  'app://anteroom/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  'app://anteroom/assets/..%2f..%2f..%2fpackage.json',
  'app://anteroom/..%5c..%5cpackage.json',
  'app://elsewhere/index.html',
];

/** Every table the migrations create, read from the SQL itself so new migrations are covered without edits here. */
function tablesCreatedByMigrations(): string[] {
  // Replays the migrations in order: a table a later migration drops (or renames away) is not expected to exist.
  const names = new Set<string>();
  const statement = /CREATE (?:VIRTUAL )?TABLE (?:IF NOT EXISTS )?[`"]?(\w+)[`"]?|DROP TABLE (?:IF EXISTS )?[`"]?(\w+)[`"]?|ALTER TABLE [`"]?(\w+)[`"]? RENAME TO [`"]?(\w+)[`"]?/gi;
  for (const file of readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql')).sort()) {
    for (const m of readFileSync(join(MIGRATIONS, file), 'utf8').matchAll(statement)) {
      if (m[1]) names.add(m[1]);
      if (m[2]) names.delete(m[2]);
      if (m[3] && m[4]) {
        names.delete(m[3]);
        names.add(m[4]);
      }
    }
  }
  return [...names].filter((n) => !n.startsWith('__new_'));
}

describe('boot: built main bundle on a fresh data folder', () => {
  let boot: BootResult;
  let dataDir: string;

  beforeAll(async () => {
    ensureBuilt();
    dataDir = join(tempDir('fresh'), 'data');
    boot = await bootApp({ dataDir, probeUrls: [INDEX, 'app://anteroom/', ...TRAVERSALS] });
  });

  it('starts, loads its window and quits cleanly, using only Electron APIs the stand-in knows', () => {
    const { report, code, stderr } = boot;
    expect(report.failure, stderr).toBeNull();
    expect(report.probed).toBe(true);
    // Closing the last window quits the app (which closes the data file on 'will-quit').
    expect(report.finishedBy).toBe('app.quit');
    expect(code).toBe(0);
    expect(report.errorBoxes).toEqual([]);
    // A new Electron API in main needs teaching to tests/boot/electron-stand-in.cjs, or this boot proves nothing about it.
    expect(report.unknownApis, 'teach these Electron APIs to tests/boot/electron-stand-in.cjs').toEqual([]);
    expect(report.singleInstanceLockRequested).toBe(true);
    // A moved data folder takes Electron's own files (and the single-instance lock) with it.
    expect(report.paths).toEqual({ userData: join(dataDir, 'chromium') });
  });

  it('creates the data file and applies every migration before the window opens', () => {
    const file = join(dataDir, 'anteroom.db');
    expect(existsSync(file)).toBe(true);
    const db = new Database(file, { readonly: true });
    try {
      const applied = db.prepare('SELECT hash FROM __drizzle_migrations ORDER BY id').all() as { hash: string }[];
      expect(applied.map((r) => r.hash)).toEqual(readMigrationFiles({ migrationsFolder: MIGRATIONS }).map((m) => m.hash));
      const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
      expect(applied).toHaveLength(journal.entries.length);
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
      for (const table of tablesCreatedByMigrations()) expect(tables, `table ${table}`).toContain(table);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
    // The window was created only once the schema was complete.
    expect(boot.report.windows[0]?.migrationsAppliedAtOpen).toBe(readMigrationFiles({ migrationsFolder: MIGRATIONS }).length);
    // A fresh file has nothing to protect: no backup is taken.
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);
  });

  it('registers a handler for every contract channel, once, and nothing else', () => {
    const channels = boot.report.ipcChannels;
    expect(new Set(channels).size).toBe(channels.length);
    expect([...channels].sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('answers IPC only from the main frame of its own window', () => {
    const probes = Object.fromEntries(boot.report.ipcProbes.map((p) => [p.who, p.result]));
    expect(probes['own window, own page']).toMatchObject({ ok: true });
    for (const who of ['subframe', 'frame already gone', 'foreign page', 'own window, foreign page', 'own window, look-alike origin']) {
      expect(probes[who], who).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('opens one window with the hardened web preferences and the built preload', () => {
    expect(boot.report.windows).toHaveLength(1);
    const prefs = boot.report.windows[0]?.options.webPreferences ?? {};
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // For the receipt's PDF frame (window.ts says why).
      plugins: true,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    const preload = String(prefs.preload);
    expect(preload.startsWith(join(REPO_ROOT, 'out/preload') + '/')).toBe(true);
    expect(existsSync(preload)).toBe(true);
    expect(boot.report.sandboxEnabled).toBe(true);
  });

  it('loads the renderer from app://anteroom, a privileged scheme that cannot bypass the CSP', () => {
    expect(boot.report.loadedUrls).toEqual([INDEX]);
    expect(boot.report.protocolHandlers).toEqual(['app']);
    const scheme = boot.report.privilegedSchemes.find((s) => s.scheme === 'app');
    expect(scheme?.privileges).toMatchObject({ standard: true, secure: true });
    expect(scheme?.privileges.bypassCSP ?? false).toBe(false);
  });

  it('denies every permission request and check', () => {
    const permissions = boot.report.permissions;
    expect(permissions?.requestHandler).toBe(true);
    for (const [name, granted] of Object.entries(permissions?.request ?? {})) expect(granted, name).toBe(false);
    expect(permissions?.check).toBe(false);
    expect(permissions?.device).toBe(false);
  });

  it('blocks navigation, webviews and new windows; only allow-listed https links go to the OS browser', () => {
    for (const nav of boot.report.navigation) {
      expect(nav.listeners, nav.event).toBeGreaterThan(0);
      expect(nav.prevented, nav.event).toBe(true);
    }
    expect(boot.report.webviewAttach).toMatchObject({ prevented: true });
    expect(boot.report.windowOpen.length).toBeGreaterThan(0);
    for (const w of boot.report.windowOpen) expect(w.result, w.url).toEqual({ action: 'deny' });
    expect(boot.report.openedExternally).toEqual(['https://checkout.stripe.com/c/pay/cs_test_1']);
  });

  it('serves index.html with a strict CSP and refuses anything outside the renderer folder', () => {
    const [index, root, ...rest] = boot.report.appResponses;
    for (const page of [index, root]) {
      expect(page?.status).toBe(200);
      expect(page?.bodyStart).toContain('<!doctype html>');
      const csp = page?.headers['content-security-policy'] ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    }
    expect(rest.map((r) => r.url)).toEqual(TRAVERSALS);
    for (const r of rest) {
      expect(r.status, r.url).toBe(404);
      expect(r.bodyStart, r.url).not.toContain('root:');
    }
  });

  it('boots again on the same data file without migrating or backing up anything', async () => {
    const again = await bootApp({ dataDir });
    expect(again.report.failure, again.stderr).toBeNull();
    expect(again.code).toBe(0);
    expect(again.report.probed).toBe(true);
    expect(again.report.loadedUrls).toEqual([INDEX]);
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);
  });
});
