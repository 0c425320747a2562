// Reads and writes this desk's settings, kept as key/value rows in the settings table.
// Per desk, not per user: the data file lives in this computer's own Anteroom folder, so a row here belongs
// to the screen. Privacy follows the screen that faces the waiting room, whoever signs in at it.
import { eq } from 'drizzle-orm';
import type { DeskSettings } from '../../shared/desk';
import type { Db } from '../db/client';
import { settings } from '../db/schema';

const KEY = { privacyScreen: 'desk.privacyScreen' } as const;

export function deskSettings(db: Db): DeskSettings {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY.privacyScreen)).get();
  return { privacyScreen: row?.value === 'on' };
}

export function saveDeskSettings(db: Db, input: DeskSettings, now: Date): DeskSettings {
  const value = input.privacyScreen ? 'on' : 'off';
  const at = now.toISOString();
  db.insert(settings)
    .values({ key: KEY.privacyScreen, value, updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } })
    .run();
  return deskSettings(db);
}
