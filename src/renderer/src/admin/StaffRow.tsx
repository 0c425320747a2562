// One staff account in the list, with the actions an administrator can take on it.
import { ROLE_LABELS } from '../../../shared/roles';
import type { StaffMember } from '../../../shared/staff';
import { formatInstant } from '../format/dates';

interface StaffRowProps {
  member: StaffMember;
  isSelf: boolean;
  timeZone: string;
  onEdit(): void;
  onReset(): void;
  onToggleActive(): void;
}

export function StaffRow({ member, isSelf, timeZone, onEdit, onReset, onToggleActive }: StaffRowProps) {
  return (
    <tr className={member.active ? undefined : 'is-inactive'}>
      <th scope="row">
        {member.displayName}
        {isSelf && <span className="tag tag-quiet">You</span>}
      </th>
      <td className="mono">{member.username}</td>
      <td>{ROLE_LABELS[member.role]}</td>
      <td>
        <span className={`status-dot ${member.active ? 'status-on' : 'status-off'}`} aria-hidden="true" />
        {member.active ? 'Active' : 'Deactivated'}
      </td>
      <td>{member.lastSignInAt ? formatInstant(member.lastSignInAt, timeZone) : <span className="muted">Never</span>}</td>
      <td className="row-actions">
        <button type="button" className="button button-small" onClick={onEdit} aria-label={`Edit ${member.displayName}`}>
          Edit
        </button>
        <button type="button" className="button button-small" onClick={onReset} aria-label={`Reset password for ${member.displayName}`}>
          Reset password
        </button>
        {!isSelf && (
          <button
            type="button"
            className="button button-small"
            onClick={onToggleActive}
            aria-label={`${member.active ? 'Deactivate' : 'Reactivate'} ${member.displayName}`}
          >
            {member.active ? 'Deactivate' : 'Reactivate'}
          </button>
        )}
      </td>
    </tr>
  );
}
