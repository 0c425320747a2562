// The audit entries that wait for a CSV import to end, kept on disk until they are in the audit log: a small file in
// the data folder, one JSON line per entry (a line id, the time, the user, the action, the record's id — never
// patient data), fsync'd before the read that made it answers. So an opening audited during an import survives the
// app dying mid-import: the file is written into the log when the import ends, or at the next start.
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fstatSync, fsyncSync, openSync, readFileSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, type AuditAction, type AuditEntity } from '../../shared/audit';
import { recordAudit } from '../audit/service';
import type { Db } from '../db/client';
import { settings } from '../db/schema';

export interface WaitingAuditEntry {
  at: Date;
  userId: number | null;
  action: AuditAction;
  entity: AuditEntity;
  entityId?: number | null;
}

export const WAITING_FILE_NAME = 'audit-waiting-for-import.jsonl';

/**
 * The id of the last line already in the audit log, saved in the same transaction as the entries: if the app dies
 * after that commit but before the file is removed, the next start finds the file again and writes nothing twice.
 */
const WRITTEN_THROUGH = 'audit.waitingForImport.writtenThrough';

const waitingLine = z.object({
  line: z.string().min(1),
  at: z.iso.datetime(),
  userId: z.number().int().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  entity: z.enum(AUDIT_ENTITIES),
  entityId: z.number().int().nullable(),
});
type WaitingLine = z.infer<typeof waitingLine>;

/** Beside the clinic's database file, in its data folder. */
export const waitingFileOf = (db: Db): string => join(dirname(db.$client.name), WAITING_FILE_NAME);

/** Appends the entry and waits until it is on the disk; the database is not touched (an import holds its lock). */
export function keepWaiting(db: Db, entry: WaitingAuditEntry): void {
  const file = waitingFileOf(db);
  const fresh = !existsSync(file);
  const line: WaitingLine = {
    line: randomUUID(),
    at: entry.at.toISOString(),
    userId: entry.userId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
  };
  const fd = openSync(file, 'a+');
  try {
    // A crash mid-write leaves a torn last line: start on a fresh line so this entry stays readable.
    writeSync(fd, `${endsMidLine(fd) ? '\n' : ''}${JSON.stringify(line)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (fresh) syncFolder(dirname(file));
}

/**
 * Writes the waiting entries into the audit log in ONE transaction (with the time each happened), then removes the
 * file. Nothing to do without a file. Throws if the database refuses (the file stays, for the next try).
 */
export function writeWaitingEntries(db: Db): number {
  const file = waitingFileOf(db);
  if (!existsSync(file)) return 0;
  const lines = readWaitingLines(file);
  const written = db.$client
    .transaction(() => {
      const through = db.select({ value: settings.value }).from(settings).where(eq(settings.key, WRITTEN_THROUGH)).get()?.value;
      // Lines up to the one last written are in the log already (a crash came between that commit and the removal).
      const todo = lines.slice(lines.findIndex((l) => l.line === through) + 1);
      for (const l of todo) recordAudit(db, { at: new Date(l.at), userId: l.userId, action: l.action, entity: l.entity, entityId: l.entityId });
      const last = todo.at(-1);
      if (last) {
        db.insert(settings)
          .values({ key: WRITTEN_THROUGH, value: last.line, updatedAt: last.at })
          .onConflictDoUpdate({ target: settings.key, set: { value: last.line, updatedAt: last.at } })
          .run();
      }
      return todo.length;
    })
    .immediate();
  unlinkSync(file);
  syncFolder(dirname(file));
  return written;
}

function readWaitingLines(file: string): WaitingLine[] {
  const lines: WaitingLine[] = [];
  let torn = 0;
  for (const text of readFileSync(file, 'utf8').split('\n')) {
    if (!text.trim()) continue;
    const parsed = safeJson(text);
    const line = parsed === undefined ? undefined : waitingLine.safeParse(parsed);
    if (line?.success) lines.push(line.data);
    else torn++;
  }
  // Only a write cut short by a crash leaves such a line; it never held anything but ids, so the count is all we say.
  if (torn) console.warn(`[anteroom] ${torn} unreadable line(s) skipped in ${WAITING_FILE_NAME}`);
  return lines;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function endsMidLine(fd: number): boolean {
  const size = fstatSync(fd).size;
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] !== 0x0a;
}

/** Makes a created or removed file's name durable too (POSIX); Windows cannot open a folder and needs no such step. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Not possible on this system: the file's own contents were synced, which is what matters most.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
