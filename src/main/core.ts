// Opens the clinic's data and wires the services: used by the Electron app, the tests and the E2E harness alike.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from './db/client';
import { migrateDatabase, type MigrationReport } from './db/migrate';
import { createDispatcher, type Dispatch } from './ipc/dispatch';
import { attachPayments, detachPayments } from './payments/register';
import { writeEntriesLeftWaiting } from './patients/csv-import-audit';
import { listenForPinboard } from './pinboard/listener';
import { SessionStore } from './session/sessions';

export interface CoreOptions {
  dataDir: string;
  migrationsFolder: string;
  now?: () => Date;
}

export interface Core {
  db: Db;
  dispatch: Dispatch;
  sessions: SessionStore;
  migration: MigrationReport;
  dbFile: string;
  close: () => void;
}

export const DB_FILE_NAME = 'anteroom.db';

/** Opens and migrates the database; throws MigrationError (data untouched) if the schema cannot be brought up to date. */
export function openCore(opts: CoreOptions): Core {
  mkdirSync(opts.dataDir, { recursive: true });
  const dbFile = join(opts.dataDir, DB_FILE_NAME);
  const db = openDatabase(dbFile);
  let migration: MigrationReport;
  try {
    migration = migrateDatabase(db.$client, { migrationsFolder: opts.migrationsFolder, backupDir: join(opts.dataDir, 'backups') });
  } catch (e) {
    db.$client.close();
    throw e;
  }
  // Audit entries that waited for a CSV import the app did not live to finish (patients/csv-import-audit.ts).
  writeEntriesLeftWaiting(db);
  const sessions = new SessionStore();
  const now = opts.now ?? (() => new Date());
  const dispatch = createDispatcher({ db, sessions, now });
  // Payment links follow appointment changes; the job runner is started by the app (index.ts), not here.
  attachPayments(db, now);
  // Pins come off when their appointment is placed or can no longer move.
  listenForPinboard();
  const close = () => {
    detachPayments(db);
    db.$client.close();
  };
  return { db, dispatch, sessions, migration, dbFile, close };
}
