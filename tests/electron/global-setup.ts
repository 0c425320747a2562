// Says up front, in the test output, whether the Electron smoke test can run on this machine and why not.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { installedElectronBinary } from './electron-binary';

export default function globalSetup(): void {
  const binary = installedElectronBinary();
  if (!binary) {
    console.log('electron smoke test: SKIPPED — Electron binary not installed here (its download is blocked on this machine); the boot test covers main with a stand-in');
    return;
  }
  if (!existsSync(resolve(__dirname, '../../out/main/index.js'))) throw new Error('out/main is missing: run `npm run build` first (npm test does).');
  console.log(`electron smoke test: launching ${binary}`);
}
