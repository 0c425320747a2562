// Where the app looks for data and migrations: the overrides that tests use must never reach an installed app.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumDirFor, resolveDataDir, resolveMigrationsFolder } from './paths';

const devApp = { isPackaged: false, getPath: () => '/home/desk/.config/Anteroom', getAppPath: () => '/src/anteroom' };
const installedApp = { ...devApp, isPackaged: true };

describe('resolveDataDir', () => {
  it('uses the OS per-user folder unless ANTEROOM_DATA_DIR names another', () => {
    expect(resolveDataDir(devApp, {})).toBe('/home/desk/.config/Anteroom');
    expect(resolveDataDir(devApp, { ANTEROOM_DATA_DIR: '  ' })).toBe('/home/desk/.config/Anteroom');
    expect(resolveDataDir(installedApp, { ANTEROOM_DATA_DIR: '/mnt/usb/anteroom' })).toBe('/mnt/usb/anteroom');
  });
});

describe('chromiumDirFor', () => {
  it('keeps Electron in its own folder unless the data folder was moved, then follows it', () => {
    expect(chromiumDirFor({})).toBeNull();
    expect(chromiumDirFor({ ANTEROOM_DATA_DIR: '/mnt/usb/anteroom' })).toBe(join('/mnt/usb/anteroom', 'chromium'));
  });
});

describe('resolveMigrationsFolder', () => {
  it('reads drizzle/ from the source tree in development, honouring ANTEROOM_MIGRATIONS_DIR', () => {
    expect(resolveMigrationsFolder(devApp, {})).toBe(join('/src/anteroom', 'drizzle'));
    expect(resolveMigrationsFolder(devApp, { ANTEROOM_MIGRATIONS_DIR: '/tmp/broken' })).toBe('/tmp/broken');
  });

  it('reads the shipped resources in an installed app and ignores the override', () => {
    // Electron sets process.resourcesPath; plain Node (this test) does not.
    const proc = process as { resourcesPath?: string };
    const saved = proc.resourcesPath;
    proc.resourcesPath = '/opt/Anteroom/resources';
    try {
      expect(resolveMigrationsFolder(installedApp, { ANTEROOM_MIGRATIONS_DIR: '/tmp/foreign-sql' })).toBe(join('/opt/Anteroom/resources', 'drizzle'));
    } finally {
      proc.resourcesPath = saved;
    }
  });
});
