// New staff account: name, username, role and a first password the person will use to sign in.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { staffCreateInput, type StaffMember } from '../../../shared/staff';
import { api, unwrap } from '../api/client';
import { showServerErrors } from '../api/form-errors';
import { Dialog } from '../ui/Dialog';
import { FormActions } from '../ui/FormActions';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { ROLE_OPTIONS } from './role-options';

export function StaffCreateDialog({ onCreated, onClose }: { onCreated(member: StaffMember): void; onClose(): void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(staffCreateInput),
    defaultValues: { displayName: '', username: '', role: 'receptionist' as const, password: '' },
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (input) => {
    try {
      onCreated(await unwrap(api.staff.create(input)));
    } catch (e) {
      setFormError(showServerErrors(e, form.setError, ['displayName', 'username', 'role', 'password']));
    }
  });
  return (
    <Dialog title="New staff member" onClose={onClose} size="medium" dirty={form.formState.isDirty}>
      <form onSubmit={submit} noValidate className="dialog-form">
        <div className="form-grid">
          <TextField label="Full name" required autoFocus error={errors.displayName?.message} {...form.register('displayName')} />
          <TextField label="Username" required autoComplete="off" error={errors.username?.message} {...form.register('username')} />
          <SelectField label="Role" options={ROLE_OPTIONS} error={errors.role?.message} {...form.register('role')} />
          <TextField
            label="First password"
            type="password"
            required
            autoComplete="new-password"
            hint="At least 10 characters. Tell it to them in person."
            error={errors.password?.message}
            {...form.register('password')}
          />
        </div>
        <FormActions error={formError} submitLabel="Create account" busy={form.formState.isSubmitting} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
