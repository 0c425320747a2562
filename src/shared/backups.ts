// The clinic's daily copies of its data file, as the administrator sees them in Clinic settings.

export interface BackupCopy {
  /** The clinic's calendar day the copy was taken, YYYY-MM-DD. */
  day: string;
  bytes: number;
}

export interface BackupsOverview {
  /** Where the copies are kept on this computer (to copy them elsewhere, e.g. a USB drive). */
  folder: string;
  /** Newest first. */
  copies: BackupCopy[];
  /** How many daily copies are kept before the oldest is removed. */
  keep: number;
}

export interface BackupTaken extends BackupsOverview {
  /** False when today's copy already existed (nothing new was written). */
  taken: boolean;
}
