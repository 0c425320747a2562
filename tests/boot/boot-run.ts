// Runs the BUILT main bundle (out/main/index.js) under plain Node with the recording Electron stand-in.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../..');
export const MAIN_BUNDLE = join(REPO_ROOT, 'out/main/index.js');
const STAND_IN = join(__dirname, 'electron-stand-in.cjs');

/** npm test builds first; a lone `npx vitest run tests/boot` builds here so it never tests a stale or missing bundle. */
export function ensureBuilt(): void {
  if (existsSync(MAIN_BUNDLE) && existsSync(join(REPO_ROOT, 'out/preload/index.cjs')) && existsSync(join(REPO_ROOT, 'out/renderer/index.html'))) return;
  execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

interface AppResponse {
  url: string;
  status: number;
  headers: Record<string, string>;
  bodyStart: string;
}

/** What electron-stand-in.cjs recorded; see that file for how each field is filled. */
export interface BootReport {
  requires: number;
  unknownApis: string[];
  sandboxEnabled: boolean;
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  protocolHandlers: string[];
  singleInstanceLockRequested: boolean;
  /** app.setPath calls: name → folder. */
  paths: Record<string, string>;
  appEvents: string[];
  ipcChannels: string[];
  permissions: {
    requestHandler: boolean;
    checkHandler: boolean;
    request: Record<string, boolean | string>;
    check: boolean | string;
    device: boolean | string;
  } | null;
  windows: { options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>; migrationsAppliedAtOpen: number | string | null }[];
  loadedUrls: string[];
  windowOpen: { url: string; result: unknown }[];
  navigation: { event: string; listeners: number; prevented: boolean }[];
  webviewAttach: { listeners: number; prevented: boolean } | null;
  openedExternally: string[];
  appResponses: AppResponse[];
  ipcProbes: { who: string; result: { ok: boolean; error?: { code: string } } }[];
  errorBoxes: { title: string; content: string }[];
  /** 'default' = Electron's own menu was left in place; null = no menu. */
  applicationMenu: 'default' | null | { role?: string }[];
  probed: boolean;
  quitCalled: boolean;
  exitCode: number | null;
  finishedBy: string | null;
  failure: string | null;
}

export interface BootResult {
  report: BootReport;
  code: number | null;
  stderr: string;
}

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `anteroom-boot-${label}-`));
}

export async function bootApp(opts: { dataDir: string; env?: Record<string, string>; probeUrls?: string[] }): Promise<BootResult> {
  const reportFile = join(tempDir('report'), 'report.json');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ANTEROOM_DATA_DIR: opts.dataDir,
    ANTEROOM_BOOT_REPORT: reportFile,
    ANTEROOM_BOOT_PROBE_URLS: JSON.stringify(opts.probeUrls ?? []),
    ...opts.env,
  };
  const child = spawn(process.execPath, ['--require', STAND_IN, MAIN_BUNDLE], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (!existsSync(reportFile)) throw new Error(`the app wrote no boot report (exit ${code}):\n${stderr}`);
  return { report: JSON.parse(readFileSync(reportFile, 'utf8')) as BootReport, code, stderr };
}
