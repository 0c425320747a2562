// Test support for payments: a clinic over a real migrated SQLite file, the fake Stripe server on 127.0.0.1,
// an AES-GCM secret store, and appointments written the way scheduling writes them (event inside the transaction).
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { FakeStripe } from '../../../tests/fakes/stripe-server';
import type { Core } from '../core';
import { appointments, providers } from '../db/schema';
import { appointmentChanged } from '../scheduling/events';
import { aesGcmStore } from '../secrets/aes-gcm-store';
import { createTestClinic, openTestCore, SAMPLE_PATIENT, type TestClinic } from '../testing/test-core';
import { paymentsOf, type PaymentsRuntime } from './runtime';

export const TEST_KEY = 'sk_test_FAKEfake0001';
/** The fake Stripe's own account (tests/fakes/stripe-server.ts), and a second account with its key, for account moves. */
export const FIRST_ACCOUNT = 'acct_1FAKEclinic0001';
export const SECOND_ACCOUNT = 'acct_1FAKEsecond0002';
export const SECOND_KEY = 'sk_test_FAKEsecond0002';
/** Short enough for tests; the fake answers at once unless scripted to hang or dawdle. */
export const TEST_TIMEOUT_MS = 400;

export interface PaymentsWorld {
  clinic: TestClinic;
  stripe: FakeStripe;
  /** The runtime of the currently open core (changes after reopen()). */
  rt(): PaymentsRuntime;
  /** The currently open core. The clinic's desks keep talking to the first one: after reopen() use the runtime. */
  core(): Core;
  patientId: number;
  providerId: number;
  book(fee: number, opts?: { patientId?: number; startsAt?: number; asBooking?: boolean }): number;
  setFee(appointmentId: number, fee: number): void;
  cancel(appointmentId: number): void;
  /** Closes the core (as quitting the app does) and opens the same data folder again. */
  reopen(): void;
  advance(ms: number): void;
  close(): Promise<void>;
}

export async function openPaymentsWorld(opts: { configure?: boolean } = {}): Promise<PaymentsWorld> {
  const clinic = await createTestClinic();
  const stripe = await new FakeStripe().start();
  const secretKey = randomBytes(32);
  let core: Core = clinic.core;
  const prepare = (c: Core) => {
    const rt = paymentsOf(c.db);
    rt.secrets = aesGcmStore(secretKey);
    rt.stripeTimeoutMs = TEST_TIMEOUT_MS;
  };
  prepare(core);
  const patient = await clinic.admin.must('patients.create', SAMPLE_PATIENT);
  const at = clinic.clock.now.getTime();
  const provider = core.db.insert(providers).values({ name: 'Dr Amara Okafor', consultationFee: 5000, color: '#2a7ab0', createdAt: at, updatedAt: at }).returning().get();
  if (opts.configure !== false) await clinic.admin.must('payments.settingsSave', { secretKey: TEST_KEY, apiBase: stripe.apiBase });
  stripe.forgetRequests();

  let slot = 0;
  const write = (fn: () => number | void) => core.db.$client.transaction(fn)();
  return {
    clinic,
    stripe,
    rt: () => paymentsOf(core.db),
    core: () => core,
    patientId: patient.id,
    providerId: provider.id,
    book(fee, o = {}) {
      const startsAt = o.startsAt ?? Date.parse('2026-11-23T09:00:00Z') + slot++ * 30 * 60_000;
      return write(() => {
        const row = core.db
          .insert(appointments)
          .values({
            patientId: o.patientId ?? patient.id,
            providerId: provider.id,
            mode: 'in_person',
            startsAt,
            endsAt: startsAt + 20 * 60_000,
            reason: 'Persistent cough and asthma review',
            fee,
            currency: 'GBP',
            createdAt: at,
            updatedAt: at,
          })
          .returning()
          .get();
        // asBooking: announced as bookAppointment does (a new row: its link is planned after the commit).
        appointmentChanged(core.db, o.asBooking ? { type: 'booked', appointmentId: row.id, isNew: true } : { type: 'booked', appointmentId: row.id });
        return row.id;
      }) as number;
    },
    setFee(appointmentId, fee) {
      write(() => {
        core.db.update(appointments).set({ fee }).where(eq(appointments.id, appointmentId)).run();
        appointmentChanged(core.db, { type: 'updated', appointmentId, feeChanged: true, timeChanged: false });
      });
    },
    cancel(appointmentId) {
      write(() => {
        core.db.update(appointments).set({ status: 'cancelled', cancelReason: 'Feeling better' }).where(eq(appointments.id, appointmentId)).run();
        appointmentChanged(core.db, { type: 'cancelled', appointmentId });
      });
    },
    reopen() {
      core.close();
      core = openTestCore(clinic.dataDir, clinic.clock);
      prepare(core);
    },
    advance(ms) {
      clinic.clock.now = new Date(clinic.clock.now.getTime() + ms);
    },
    async close() {
      await paymentsOf(core.db).runner.stop();
      if (core !== clinic.core) core.close();
      clinic.close();
      await stripe.stop();
    },
  };
}

/** Everything the test patient is, to prove none of it reached Stripe. */
export const PATIENT_DETAILS = ['María', 'Maria', 'García', 'Garcia', 'maria@example.com', '7911', 'Mill Lane', 'Penicillin', 'Asthma', 'cough', 'P-000001'];
