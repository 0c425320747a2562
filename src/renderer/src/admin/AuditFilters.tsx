// Filters for the audit log: what happened, to which kind of record, by whom.
import { AUDIT_ACTIONS, AUDIT_ENTITIES, type AuditAction, type AuditEntity } from '../../../shared/audit';
import type { StaffMember } from '../../../shared/staff';
import { SelectField } from '../ui/SelectField';
import { actionLabel, entityLabel } from './audit-labels';

export interface AuditFilter {
  action?: AuditAction;
  entity?: AuditEntity;
  userId?: number;
}

const ANY = { value: '', label: 'Any' };
const ACTION_OPTIONS = [ANY, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))];
const ENTITY_OPTIONS = [ANY, ...AUDIT_ENTITIES.map((e) => ({ value: e, label: entityLabel(e) }))];
const isAction = (v: string): v is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(v);
const isEntity = (v: string): v is AuditEntity => (AUDIT_ENTITIES as readonly string[]).includes(v);

export function AuditFilters({ filter, staff, onChange }: { filter: AuditFilter; staff: StaffMember[]; onChange(f: AuditFilter): void }) {
  const userOptions = [ANY, ...staff.map((s) => ({ value: String(s.id), label: s.displayName }))];
  return (
    <div className="toolbar filters">
      <SelectField
        label="Action"
        options={ACTION_OPTIONS}
        value={filter.action ?? ''}
        onChange={(e) => onChange({ ...filter, action: isAction(e.target.value) ? e.target.value : undefined })}
      />
      <SelectField
        label="Record type"
        options={ENTITY_OPTIONS}
        value={filter.entity ?? ''}
        onChange={(e) => onChange({ ...filter, entity: isEntity(e.target.value) ? e.target.value : undefined })}
      />
      <SelectField
        label="User"
        options={userOptions}
        value={filter.userId ? String(filter.userId) : ''}
        onChange={(e) => onChange({ ...filter, userId: e.target.value ? Number(e.target.value) : undefined })}
      />
    </div>
  );
}
