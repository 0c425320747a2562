// Bundles the browser preload once per run; the renderer itself comes from `npm run build` (out/renderer).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

export const PRELOAD_BUNDLE = resolve(__dirname, '../../../out/e2e/preload.js');

export default async function globalSetup(): Promise<void> {
  if (!existsSync(resolve(__dirname, '../../../out/renderer/index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build` before the E2E tests (npm test does).');
  }
  await build({
    entryPoints: [resolve(__dirname, 'browser-preload.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    outfile: PRELOAD_BUNDLE,
    logLevel: 'warning',
  });
}
