// Staff accounts: who can sign in, with which role; create, edit, deactivate and reset passwords.
import { useState } from 'react';
import type { StaffMember } from '../../../shared/staff';
import { api, unwrap } from '../api/client';
import { useSession } from '../app/store';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { toast } from '../ui/toasts';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { StaffCreateDialog } from './StaffCreateDialog';
import { StaffEditDialog } from './StaffEditDialog';
import { StaffRow } from './StaffRow';
import { useStaff } from './useStaff';

type Open = { kind: 'create' } | { kind: 'edit' | 'reset' | 'deactivate'; member: StaffMember } | null;

export function StaffScreen() {
  const session = useSession();
  const { staff, error, replace } = useStaff();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);

  const setActive = async (member: StaffMember, active: boolean) => {
    replace(await unwrap(api.staff.update({ id: member.id, active })));
    close();
    toast(active ? `${member.displayName} can sign in again.` : `${member.displayName} is deactivated and signed out.`);
  };

  return (
    <div className="screen">
      <header className="screen-header">
        <div>
          <h1 className="screen-title">Staff</h1>
          <p className="screen-subtitle">Everyone who can sign in to Anteroom. Deactivated accounts keep their history but cannot sign in.</p>
        </div>
        <button type="button" className="button button-primary" onClick={() => setOpen({ kind: 'create' })}>
          New staff member
        </button>
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="table-card">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Username</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {staff?.map((member) => (
              <StaffRow
                key={member.id}
                member={member}
                isSelf={member.id === session.user.id}
                timeZone={session.clinic.timeZone}
                onEdit={() => setOpen({ kind: 'edit', member })}
                onReset={() => setOpen({ kind: 'reset', member })}
                onToggleActive={() => (member.active ? setOpen({ kind: 'deactivate', member }) : void setActive(member, true))}
              />
            ))}
          </tbody>
        </table>
      </div>
      {open?.kind === 'create' && (
        <StaffCreateDialog
          onClose={close}
          onCreated={(m) => {
            replace(m);
            close();
            toast(`${m.displayName} can now sign in as ${m.username}.`);
          }}
        />
      )}
      {open?.kind === 'edit' && (
        <StaffEditDialog
          member={open.member}
          onClose={close}
          onSaved={(m) => {
            replace(m);
            close();
            toast('Changes saved.');
          }}
        />
      )}
      {open?.kind === 'reset' && (
        <ResetPasswordDialog
          member={open.member}
          onClose={close}
          onDone={() => {
            close();
            toast(`New password set for ${open.member.displayName}.`);
          }}
        />
      )}
      {open?.kind === 'deactivate' && (
        <ConfirmDialog
          title={`Deactivate ${open.member.displayName}?`}
          message="They will be signed out at once and cannot sign in until reactivated. Their history stays in the audit log."
          confirmLabel="Deactivate"
          danger
          onConfirm={() => setActive(open.member, false)}
          onClose={close}
        />
      )}
    </div>
  );
}
