// Where the clinic's data, the migrations and the built renderer live, in development and when installed.
import { join } from 'node:path';

interface AppLike {
  isPackaged: boolean;
  getPath(name: 'userData'): string;
  getAppPath(): string;
}

/** ANTEROOM_DATA_DIR overrides the OS per-user folder (tests, portable installs). */
export function resolveDataDir(app: AppLike, env: NodeJS.ProcessEnv = process.env): string {
  return env.ANTEROOM_DATA_DIR?.trim() || app.getPath('userData');
}

/**
 * With ANTEROOM_DATA_DIR set, Electron's own files (caches, local storage, the single-instance lock) move to
 * <data>/chromium too: a portable install leaves nothing behind, and one copy of Anteroom per data folder.
 */
export function chromiumDirFor(env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = env.ANTEROOM_DATA_DIR?.trim();
  return dir ? join(dir, 'chromium') : null;
}

/**
 * Packaged: electron-builder copies drizzle/ next to app.asar as an extra resource.
 * ANTEROOM_MIGRATIONS_DIR points a development build at another folder (the boot test's broken
 * migration); an installed app ignores it so nobody can feed a clinic's data file foreign SQL.
 */
export function resolveMigrationsFolder(app: AppLike, env: NodeJS.ProcessEnv = process.env): string {
  if (app.isPackaged) return join(process.resourcesPath, 'drizzle');
  return env.ANTEROOM_MIGRATIONS_DIR?.trim() || join(app.getAppPath(), 'drizzle');
}

export function resolveRendererDir(): string {
  return join(__dirname, '../renderer');
}

export function resolvePreloadPath(): string {
  return join(__dirname, '../preload/index.cjs');
}
