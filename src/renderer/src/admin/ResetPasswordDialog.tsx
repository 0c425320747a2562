// An administrator sets a new password for someone who forgot theirs; they are signed out everywhere.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { password } from '../../../shared/fields';
import type { StaffMember } from '../../../shared/staff';
import { api, unwrap } from '../api/client';
import { showServerErrors } from '../api/form-errors';
import { Dialog } from '../ui/Dialog';
import { FormActions } from '../ui/FormActions';
import { TextField } from '../ui/TextField';

const resetForm = z
  .object({ password: password('New password'), confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'The two passwords do not match.' });

export function ResetPasswordDialog({ member, onDone, onClose }: { member: StaffMember; onDone(): void; onClose(): void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(resetForm), defaultValues: { password: '', confirmPassword: '' } });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async ({ password: newPassword }) => {
    try {
      await unwrap(api.staff.resetPassword({ id: member.id, password: newPassword }));
      onDone();
    } catch (e) {
      setFormError(showServerErrors(e, form.setError, ['password']));
    }
  });
  return (
    <Dialog title={`Reset password for ${member.displayName}`} description="They will be signed out and must use the new password next time." onClose={onClose} dirty={form.formState.isDirty}>
      <form onSubmit={submit} noValidate className="dialog-form">
        <TextField label="New password" type="password" required autoFocus autoComplete="new-password" error={errors.password?.message} {...form.register('password')} />
        <TextField label="Confirm new password" type="password" required autoComplete="new-password" error={errors.confirmPassword?.message} {...form.register('confirmPassword')} />
        <FormActions error={formError} submitLabel="Set new password" busy={form.formState.isSubmitting} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
