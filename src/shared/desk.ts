// Settings of this desk (this computer's Anteroom), e.g. the privacy screen for a desk facing the waiting room.
import { z } from 'zod';

export interface DeskSettings {
  /** Patient details hidden on the desk's overview screens: initials, masked phones, no dates of birth. */
  privacyScreen: boolean;
}

export const deskSettingsSaveInput = z
  .object({
    privacyScreen: z.boolean({ error: 'Privacy screen must be on or off.' }),
  })
  .strict();
