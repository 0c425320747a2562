// Boot test: a second copy started on the same data folder quits at once, without opening the data file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { bootApp, ensureBuilt, tempDir } from './boot-run';

beforeAll(() => ensureBuilt());

it('a second copy quits without touching the data file or opening a window', async () => {
  const dataDir = join(tempDir('second'), 'data');
  const { report, code } = await bootApp({ dataDir, env: { ANTEROOM_BOOT_SECOND_COPY: '1' } });
  expect(report.failure).toBeNull();
  expect(report.quitCalled).toBe(true);
  expect(code).toBe(0);
  expect(report.windows).toEqual([]);
  expect(report.ipcChannels).toEqual([]);
  expect(existsSync(join(dataDir, 'anteroom.db'))).toBe(false);
});
