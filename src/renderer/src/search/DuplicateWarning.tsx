// While a patient is typed in (new or edit), likely existing records appear above the form — same phone,
// same email, same name and date of birth, similar name — with "Open existing record", before anyone saves.
import { useEffect, useState } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import type { PatientFormValues } from '../../../shared/patients';
import { formatPhone } from '../../../shared/phone';
import { DUPLICATE_REASON_LABELS, type DuplicateCandidate } from '../../../shared/search';
import { api, unwrap } from '../api/client';
import { useApp, useSession } from '../app/store';
import { ageLabel, formatDate, todayIn } from '../format/dates';

const DEBOUNCE_MS = 250;
const WATCHED = ['firstName', 'lastName', 'dateOfBirth', 'phone', 'email'] as const;

/** Enough typed to be worth asking: a phone of 6+ digits, an email, or a name with a surname. */
function worthChecking(v: Record<(typeof WATCHED)[number], string>): boolean {
  return v.phone.replace(/\D/g, '').length >= 6 || v.email.includes('@') || (v.lastName.trim().length >= 2 && (v.firstName.trim().length >= 1 || v.dateOfBirth !== ''));
}

interface DuplicateWarningProps {
  control: Control<PatientFormValues>;
  excludeId?: number;
  /**
   * Instead of opening the existing record's page: hands the record to the task the form was opened from (a
   * booking takes that patient), so choosing it never throws the task away. The button then says "Use this patient".
   */
  onUseExisting?: (existing: DuplicateCandidate) => void;
}

export function DuplicateWarning({ control, excludeId, onUseExisting }: DuplicateWarningProps) {
  const session = useSession();
  const navigate = useApp((s) => s.navigate);
  const setUnsavedWork = useApp((s) => s.setUnsavedWork);
  const [firstName = '', lastName = '', dateOfBirth = '', phone = '', emailOrNull] = useWatch({ control, name: [...WATCHED] });
  const email = emailOrNull ?? '';
  const [matches, setMatches] = useState<DuplicateCandidate[]>([]);

  useEffect(() => {
    const typed = { firstName, lastName, dateOfBirth, phone, email };
    if (!worthChecking(typed)) return setMatches([]);
    let current = true;
    const timer = window.setTimeout(() => {
      unwrap(api.patients.findDuplicates({ ...typed, excludeId, limit: 3 }))
        .then((found) => current && setMatches(found))
        // A failed check must never stand in the way of registering the patient.
        .catch(() => current && setMatches([]));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [firstName, lastName, dateOfBirth, phone, email, excludeId]);

  // The user chose the record that already exists: what they typed here is meant to be dropped.
  const openExisting = (id: number) => {
    setUnsavedWork(false);
    navigate({ name: 'patient', id });
  };

  const today = todayIn(session.clinic.timeZone);
  return (
    <div aria-live="polite">
      {matches.length > 0 && (
        <section className="duplicate-warning" aria-label="Possible existing records">
          <h2 className="duplicate-warning-title">
            <span className="duplicate-warning-icon" aria-hidden="true">
              !
            </span>
            {matches.length === 1 ? 'This patient may already be registered' : `This patient may already be registered (${matches.length} possible records)`}
          </h2>
          <ul className="duplicate-list">
            {matches.map((m) => (
              <li key={m.id} className="duplicate-item">
                <div>
                  <strong>
                    {m.firstName} {m.lastName}
                  </strong>
                  {m.archivedAt && <span className="tag">Archived</span>}
                  <div className="duplicate-facts">
                    <span>
                      {formatDate(m.dateOfBirth)} · {ageLabel(m.dateOfBirth, today)}
                    </span>
                    <span className="mono">{formatPhone(m.phone, session.clinic.country)}</span>
                    {m.email && <span>{m.email}</span>}
                    <span className="mono">{m.mrn}</span>
                  </div>
                  <div className="duplicate-reasons">
                    {m.reasons.map((r) => (
                      <span key={r} className="tag tag-quiet">
                        {DUPLICATE_REASON_LABELS[r]}
                      </span>
                    ))}
                  </div>
                </div>
                <button type="button" className="button button-small" onClick={() => (onUseExisting ? onUseExisting(m) : openExisting(m.id))}>
                  {onUseExisting ? 'Use this patient' : 'Open existing record'}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
