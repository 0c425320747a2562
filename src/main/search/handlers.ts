// IPC handlers of search, duplicates, merge and CSV import/export. Read-only and job handlers are async, so
// the dispatcher runs them outside a write transaction: a keystroke or a progress poll never takes the lock.
import type { patientSearchChannels } from '../../shared/contract/search';
import { getClinic } from '../clinic/service';
import { userOf } from '../ipc/context';
import { notFound } from '../ipc/errors';
import type { Handler } from '../ipc/handler-types';
import { exportPatientsCsv } from '../patients/csv-export';
import { localDateOf } from '../scheduling/time';
import { jobsOf, publicStatus, startImport, validateImport } from '../patients/csv-import';
import { findDuplicates } from '../patients/duplicates';
import { mergedInto, mergePatients } from '../patients/merge';
import { searchPatients } from './search-patients';

type SearchHandlers = { [K in keyof typeof patientSearchChannels]: Handler<K> };

export const patientSearchHandlers: SearchHandlers = {
  'patients.search': async (input, ctx) => searchPatients(ctx.db, input, ctx.now()),
  'patients.findDuplicates': async (input, ctx) => findDuplicates(ctx.db, input, getClinic(ctx.db).country),
  'patients.merge': (input, ctx) => {
    const result = mergePatients(ctx.db, input.keepId, input.mergeId, userOf(ctx).id, ctx.now());
    ctx.audit('merge', 'patient', result.keptId);
    ctx.audit('merge', 'patient', result.mergedId);
    return result;
  },
  'patients.mergedInto': async (input, ctx) => {
    const keptId = mergedInto(ctx.db, input.id);
    if (keptId === null) return null;
    const row = ctx.db.$client.prepare('SELECT mrn FROM patients WHERE id = ?').get(keptId) as { mrn: string } | undefined;
    return row ? { keptId, keptMrn: row.mrn } : null;
  },
  'patients.importPreview': async (input, ctx) => {
    const checked = await validateImport(ctx.db.$client, { ...input, country: getClinic(ctx.db).country });
    if (!checked) throw new Error('preview cannot be cancelled');
    return checked.report;
  },
  'patients.importStart': async (input, ctx) => publicStatus(startImport(ctx.db, { ...input, country: getClinic(ctx.db).country }, userOf(ctx).id, ctx.now)),
  'patients.importStatus': async (input, ctx) => {
    const job = jobsOf(ctx.db).get(input.jobId);
    if (!job) throw notFound('That import');
    return publicStatus(job);
  },
  'patients.importCancel': async (input, ctx) => {
    const job = jobsOf(ctx.db).get(input.jobId);
    if (!job) throw notFound('That import');
    job.cancelRequested = true;
    // At most one chunk away: answer with the final state, so "cancelled" means rolled back.
    await job.finished;
    return publicStatus(job);
  },
  'patients.exportCsv': (input, ctx) => {
    // The file is named by the clinic's own day (late evening in New York is already tomorrow in UTC).
    const out = exportPatientsCsv(ctx.db, input.includeArchived, localDateOf(getClinic(ctx.db).timeZone, ctx.now().getTime()));
    ctx.audit('export', 'patient', null);
    return out;
  },
};
