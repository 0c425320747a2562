// Brings patient_activity's last visits (migration 0014) up to "now" before the list sorts by them. A stored
// "latest visit before as_of" cannot age by itself: a booking that was ahead becomes a visit once it begins.
import type Database from 'better-sqlite3';
import { statement } from '../search/statements';

const KEPT = "status NOT IN ('cancelled', 'no_show')";

/**
 * Makes every last_visit_ms exact for `now`. Only patients with an appointment that began between the stored
 * instant and now can differ; when there is none (most calls), nothing is written. Call inside the list's
 * transaction so the sort reads what this wrote.
 */
export function bringLastVisitsTo(sqlite: Database.Database, now: Date): void {
  const nowMs = now.getTime();
  const asOf = statement(sqlite, 'SELECT as_of_ms FROM patient_activity_clock WHERE id = 1').pluck().get() as number | undefined;
  if (asOf === undefined || asOf === nowMs) return;
  // The clock may also move back (a test's clock, a corrected system time): the span is the same either way.
  const [from, to] = asOf < nowMs ? [asOf, nowMs] : [nowMs, asOf];
  const between = `SELECT patient_id FROM appointments WHERE starts_at >= ? AND starts_at < ? AND ${KEPT}`;
  if (statement(sqlite, `SELECT EXISTS (${between})`).pluck().get(from, to) === 0) return;
  statement(sqlite, 'UPDATE patient_activity_clock SET as_of_ms = ? WHERE id = 1').run(nowMs);
  statement(
    sqlite,
    `UPDATE patient_activity SET last_visit_ms = (SELECT max(a.starts_at) FROM appointments a
       WHERE a.patient_id = patient_activity.patient_id AND a.starts_at < ? AND a.${KEPT})
     WHERE patient_id IN (${between})`,
  ).run(nowMs, from, to);
}
