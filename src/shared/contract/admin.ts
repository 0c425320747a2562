// Channels for the clinic profile, staff accounts and the audit log (administrators).
import type { AuditEntry } from '../audit';
import { auditListInput } from '../audit';
import { empty } from '../auth';
import type { BackupsOverview, BackupTaken } from '../backups';
import { clinicUpdateInput, type ClinicProfile } from '../clinic';
import type { StaffMember } from '../staff';
import { staffCreateInput, staffResetPasswordInput, staffUpdateInput } from '../staff';
import { channel } from './define';

export const adminChannels = {
  'clinic.get': channel<ClinicProfile>()({ input: empty, permission: 'signedIn' }),
  'clinic.update': channel<ClinicProfile>()({ input: clinicUpdateInput, permission: 'clinic.manage' }),
  'staff.list': channel<StaffMember[]>()({ input: empty, permission: 'staff.manage' }),
  'staff.create': channel<StaffMember>()({ input: staffCreateInput, permission: 'staff.manage' }),
  'staff.update': channel<StaffMember>()({ input: staffUpdateInput, permission: 'staff.manage' }),
  'staff.resetPassword': channel<null>()({ input: staffResetPasswordInput, permission: 'staff.manage' }),
  'backups.list': channel<BackupsOverview>()({ input: empty, permission: 'clinic.manage' }),
  'backups.takeNow': channel<BackupTaken>()({ input: empty, permission: 'clinic.manage' }),
  'audit.list': channel<{ rows: AuditEntry[]; total: number }>()({ input: auditListInput, permission: 'audit.read' }),
};
