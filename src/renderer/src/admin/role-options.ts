// The roles as choices in a drop-down.
import { ROLES, ROLE_LABELS } from '../../../shared/roles';

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
