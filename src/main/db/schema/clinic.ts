// The clinic profile (one row) and key/value settings.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const clinic = sqliteTable('clinic', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  address: text('address'),
  phone: text('phone'),
  email: text('email'),
  country: text('country').notNull(),
  timeZone: text('time_zone').notNull(),
  currency: text('currency').notNull(),
  lockAfterMinutes: integer('lock_after_minutes').notNull().default(5),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Named counters that never go backwards (record numbers, receipt numbers). */
export const sequences = sqliteTable('sequences', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});
