// During a CSV import, counts the register (patient_counts) and opens each patient's activity row
// (patient_activity) once per chunk instead of through two triggers per patient: measured at 100,000 rows, the
// move into patients fell from ~0.9 s to ~0.65 s (CPU), the stand-ins cost ~0.1 s. Same safety as the search
// index's stand-in (csv-import-triggers.ts); csv-import-insert.test.ts compares both tables with typed-in patients.
import type Database from 'better-sqlite3';
import { takeOverTrigger } from './csv-import-triggers';

/** sha256 of sqlite_master.sql of the two triggers, as migrations 0010 and 0014 create them. */
export const MIRRORED_COUNT_TRIGGERS = {
  patient_counts_insert: '18526c52a31f566b8b4364c1c333559795124ff1047d402539ea89127100c773',
  patient_activity_patient_insert: '116e2b6c1f945ebcefbd113ab6e8c02281fd399cf2dc06a7eeb3beaf9054edf2',
} as const;

export interface ChunkRegisterCounts {
  /** Does for patients firstId..lastId (the chunk just inserted) what the two triggers would have. */
  countChunk(firstId: number, lastId: number): void;
  /** Recreates the triggers taken over, inside the same transaction, before COMMIT. */
  restoreTriggers(): void;
}

/** Call inside the import's write transaction. Takes over whichever of the two triggers is still as mirrored. */
export function takeOverRegisterCounts(sqlite: Database.Database): ChunkRegisterCounts {
  const counts = takeOverTrigger(sqlite, 'patient_counts_insert', MIRRORED_COUNT_TRIGGERS.patient_counts_insert);
  const activity = takeOverTrigger(sqlite, 'patient_activity_patient_insert', MIRRORED_COUNT_TRIGGERS.patient_activity_patient_insert);
  // patient_counts_insert: each new patient adds 1 to the count of its status (active unless archived).
  const count = sqlite.prepare(
    `UPDATE patient_counts SET n = n + (SELECT count(*) FROM main.patients p WHERE p.id BETWEEN ? AND ?
       AND (CASE WHEN p.archived_at IS NULL THEN 'active' ELSE 'archived' END) = patient_counts.status)`,
  );
  // patient_activity_patient_insert: an activity row per new patient.
  const open = sqlite.prepare('INSERT INTO patient_activity (patient_id) SELECT id FROM main.patients WHERE id BETWEEN ? AND ? ORDER BY id');
  return {
    countChunk(firstId, lastId) {
      if (counts) count.run(firstId, lastId);
      if (activity) open.run(firstId, lastId);
    },
    restoreTriggers() {
      if (counts) sqlite.exec(counts);
      if (activity) sqlite.exec(activity);
    },
  };
}
