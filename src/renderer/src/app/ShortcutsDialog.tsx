// The keyboard shortcuts at a glance, opened with ? from anywhere on the desk.
import { Dialog } from '../ui/Dialog';
import { DAY_BOOK_SHORTCUTS } from '../calendar/shortcut-list';
import { PAYMENT_SHORTCUTS } from '../payments/shortcut-list';
import { PRIVACY_SHORTCUTS } from '../privacy/shortcut-list';
import { Kbd, MOD_LABEL } from '../ui/Kbd';

const SHORTCUTS: [string[], string][] = [
  [[`${MOD_LABEL} K`, '/'], 'Find a patient'],
  [['↑', '↓'], 'Move through the patient list'],
  [['Enter'], 'Open the selected patient'],
  [['N'], 'New patient'],
  [['E'], "Edit the patient you're viewing"],
  [[`${MOD_LABEL} S`], 'Save the form'],
  [['Esc'], 'Cancel the form or close a dialog'],
  ...DAY_BOOK_SHORTCUTS,
  ...PAYMENT_SHORTCUTS,
  ...PRIVACY_SHORTCUTS,
  [['?'], 'Show this list'],
];

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" description="Single-key shortcuts work when the cursor is not in a text field." onClose={onClose}>
      <dl className="shortcut-list">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what} className="shortcut-row">
            <dt>
              {keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && <span className="muted"> or </span>}
                  <Kbd>{k}</Kbd>
                </span>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}
