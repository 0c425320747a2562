// Asks before leaving a form with unsaved changes (nav click, shortcut, sign out).
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useApp } from './store';

export function LeaveFormDialog() {
  const pending = useApp((s) => s.pendingLeave);
  const answer = useApp((s) => s.answerLeave);
  if (!pending) return null;
  return (
    <ConfirmDialog
      title="Leave without saving?"
      message="What you typed in this form has not been saved and will be lost."
      confirmLabel="Leave and discard"
      cancelLabel="Stay on the form"
      danger
      onConfirm={() => answer(true)}
      onClose={() => answer(false)}
    />
  );
}
