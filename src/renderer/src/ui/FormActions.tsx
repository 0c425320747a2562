// The end of a form in a dialog: the form-wide error (what no single field explains), then Cancel and the submit button.
interface FormActionsProps {
  /** Shown above the buttons and announced, e.g. "Something went wrong and nothing was saved." */
  error?: string | null;
  submitLabel: string;
  /** Disables the submit button while the form is being saved, so one click cannot save twice. */
  busy: boolean;
  onCancel(): void;
  /** Refunds and other actions that give something up use the danger colour (the words say what happens). */
  danger?: boolean;
}

export function FormActions({ error, submitLabel, busy, onCancel, danger = false }: FormActionsProps) {
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className={danger ? 'button button-danger' : 'button button-primary'} disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
