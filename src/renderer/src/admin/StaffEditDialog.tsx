// Change a staff member's name or role.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { staffCreateInput, type StaffMember } from '../../../shared/staff';
import { api, unwrap } from '../api/client';
import { showServerErrors } from '../api/form-errors';
import { Dialog } from '../ui/Dialog';
import { FormActions } from '../ui/FormActions';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { ROLE_OPTIONS } from './role-options';

const editForm = staffCreateInput.pick({ displayName: true, role: true });

export function StaffEditDialog({ member, onSaved, onClose }: { member: StaffMember; onSaved(m: StaffMember): void; onClose(): void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof editForm>, unknown, z.output<typeof editForm>>({
    resolver: zodResolver(editForm),
    defaultValues: { displayName: member.displayName, role: member.role },
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (input) => {
    try {
      onSaved(await unwrap(api.staff.update({ id: member.id, ...input })));
    } catch (e) {
      setFormError(showServerErrors(e, form.setError, ['displayName', 'role']));
    }
  });
  return (
    <Dialog title={`Edit ${member.displayName}`} onClose={onClose} dirty={form.formState.isDirty}>
      <form onSubmit={submit} noValidate className="dialog-form">
        <TextField label="Full name" required autoFocus error={errors.displayName?.message} {...form.register('displayName')} />
        <SelectField label="Role" options={ROLE_OPTIONS} error={errors.role?.message} {...form.register('role')} />
        <FormActions error={formError} submitLabel="Save changes" busy={form.formState.isSubmitting} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
