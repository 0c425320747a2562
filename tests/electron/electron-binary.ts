// Finds the Electron executable WITHOUT require('electron'): that require downloads the binary when it is
// missing, which hangs or fails on machines whose download is blocked. Same lookup as electron/index.js.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function installedElectronBinary(): string | null {
  const pkgDir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const executable = override ? join(override, relative || 'electron') : join(pkgDir, 'dist', relative);
  return existsSync(executable) ? executable : null;
}
