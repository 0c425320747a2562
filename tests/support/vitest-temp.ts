// Vitest global setup: every temporary clinic a test run makes (test databases, boot-test data folders) goes
// under one folder of its own, removed when the run ends — sample patient records don't pile up in /tmp
// run after run, and a run never deletes another run's files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'anteroom-vitest-'));
  // Read by os.tmpdir() in the test workers, which are started after this runs and inherit the environment.
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
