// The durable work queue: network work (Stripe links, refunds) waits here, so it survives closing the app.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const jobs = sqliteTable(
  'jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    /** One job per piece of work, e.g. "payment-link:42": enqueueing again revives the same row. */
    key: text('key').notNull().unique(),
    /** JSON of ids only — never names, reasons or other patient data. */
    payload: text('payload').notNull(),
    /** queued: waiting for its time; parked: needs a person (e.g. a bad Stripe key); done. */
    status: text('status', { enum: ['queued', 'parked', 'done'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** Bumped on every enqueue: a run that started before a re-enqueue must not mark the newer work done. */
    revision: integer('revision').notNull().default(1),
    /** Epoch milliseconds. */
    nextAttemptAt: integer('next_attempt_at').notNull(),
    /** A stable code (e.g. stripe_offline), never a raw message. */
    lastError: text('last_error'),
    lastAttemptAt: text('last_attempt_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('jobs_due').on(t.status, t.nextAttemptAt)],
);
