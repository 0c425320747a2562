// Administrators see the daily copies of the data file and can take today's at once (e.g. before a big change).
import { dirname, join } from 'node:path';
import type { BackupsOverview } from '../../shared/backups';
import { backUpDay, clinicDay, DAILY_KEEP, listDailyBackups } from '../db/backups';
import type { Db } from '../db/client';
import type { HandlersFor } from '../ipc/handler-types';
import { getClinic } from './service';

/** Beside the data file, like the copies taken before an update. */
export const backupFolderOf = (db: Db) => join(dirname(db.$client.name), 'backups');

function overview(db: Db): BackupsOverview {
  const folder = backupFolderOf(db);
  return { folder, copies: listDailyBackups(folder).map(({ day, bytes }) => ({ day, bytes })), keep: DAILY_KEEP };
}

export const backupHandlers: HandlersFor<'backups'> = {
  'backups.list': (_input, ctx) => overview(ctx.db),
  // Async: the copy is made in steps between which the desk's other calls are answered.
  'backups.takeNow': async (_input, ctx) => {
    const day = clinicDay(ctx.now(), getClinic(ctx.db).timeZone);
    const file = await backUpDay(ctx.db.$client, backupFolderOf(ctx.db), day);
    if (file) ctx.audit('backup', 'clinic', 1);
    return { ...overview(ctx.db), taken: file !== null };
  },
};
