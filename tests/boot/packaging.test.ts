// The installer settings, read and schema-checked by electron-builder's own loader: a broken
// electron-builder.yml fails `npm test` here instead of on release day (packaging itself needs Electron's download).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './boot-run';

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(REPO_ROOT, null, null);
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const png = readFileSync(file);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

const targetsOf = (platform: { target?: unknown } | null | undefined) => ([] as unknown[]).concat(platform?.target ?? []).map(String);

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and builds AppImage + deb, NSIS and dmg', () => {
    expect(config.appId).toBe('health.anteroom.desk');
    expect(config.productName).toBe('Anteroom');
    expect(targetsOf(config.linux)).toEqual(['AppImage', 'deb']);
    expect(targetsOf(config.win)).toEqual(['nsis']);
    expect(targetsOf(config.mac)).toEqual(['dmg']);
    expect(config.mac?.category).toBe('public.app-category.medical');
  });

  it('ships drizzle/ where an installed app looks for its migrations (resources/drizzle)', () => {
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'drizzle', to: 'drizzle' }));
    expect(existsSync(join(REPO_ROOT, 'drizzle/meta/_journal.json'))).toBe(true);
  });

  it('packs the built app only, keeps better-sqlite3 loadable and never deletes data on uninstall', () => {
    // The loader may normalise patterns into { filter: [...] } sets.
    const files = ([] as unknown[])
      .concat(config.files ?? [])
      .flatMap((f) => (typeof f === 'object' && f !== null && 'filter' in f ? ([] as unknown[]).concat(f.filter) : [f]))
      .map(String);
    expect(files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']));
    expect(files.some((f) => f.startsWith('src') || f === '**/*')).toBe(false);
    expect(([] as unknown[]).concat(config.asarUnpack ?? []).map(String)).toContain('node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(false);
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
  });

  it('burns the Electron fuses that would let another program run code as the app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('has its icons: 512px PNG, a Linux size set, ICO and ICNS', () => {
    expect(pngSize(join(REPO_ROOT, 'build/icon.png'))).toEqual([512, 512]);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(pngSize(join(REPO_ROOT, `build/icons/${size}x${size}.png`))).toEqual([size, size]);
    expect(readFileSync(join(REPO_ROOT, 'build/icon.ico')).readUInt16LE(2)).toBe(1);
    expect(readFileSync(join(REPO_ROOT, 'build/icon.icns')).subarray(0, 4).toString('ascii')).toBe('icns');
  });
});
