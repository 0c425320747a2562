// Staff roles and what each may do. Main enforces these per channel; the UI only mirrors them.
export const ROLES = ['admin', 'receptionist', 'doctor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  receptionist: 'Receptionist',
  doctor: 'Doctor',
};

const GRANTS = {
  'patients.read': ['admin', 'receptionist', 'doctor'],
  'patients.write': ['admin', 'receptionist'],
  'patients.export': ['admin'],
  'patients.merge': ['admin'],
  'schedule.read': ['admin', 'receptionist', 'doctor'],
  'schedule.write': ['admin', 'receptionist'],
  'schedule.manage': ['admin'],
  'schedule.override': ['admin'],
  // Check-in steps (arrived, in consultation, completed): doctors move their own patients along too.
  'schedule.status': ['admin', 'receptionist', 'doctor'],
  'payments.read': ['admin', 'receptionist'],
  'payments.write': ['admin', 'receptionist'],
  'payments.refund': ['admin'],
  'payments.settings': ['admin'],
  'clinic.manage': ['admin'],
  'staff.manage': ['admin'],
  'audit.read': ['admin'],
  // Earnings by day and provider: the owner's view of the money.
  'reports.read': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

/**
 * `public`: callable before anyone signs in (setup, sign-in).
 * `signedIn`: any signed-in, unlocked staff member.
 */
export type Permission = keyof typeof GRANTS | 'public' | 'signedIn';

export function roleAllows(role: Role, permission: Permission): boolean {
  if (permission === 'public' || permission === 'signedIn') return true;
  return (GRANTS[permission] as readonly Role[]).includes(role);
}
