// The new-appointment panel: patient (type-ahead), doctor, type, day and time (or "first available"),
// reason, fee from the type and doctor, and an optional repeat. Someone new is registered from the patient box in a
// dialog over the panel, which keeps everything else chosen. Conflicts show main's message; an
// administrator may book anyway, which main records as an emergency override.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { minorDigits, parseMoney } from '../../../shared/payments-format';
import { roleAllows } from '../../../shared/roles';
import type { AppointmentType, Provider } from '../../../shared/scheduling';
import { api, ApiError, messageOf, unwrap } from '../api/client';
import { useApp, useSession } from '../app/store';
import { Kbd } from '../ui/Kbd';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { toast } from '../ui/toasts';
import { dayOf, dayTitle, isoAt, parseHhmm, timeLabel } from './clinic-time';
import { useFocusBackOnClose } from './focus-keeping';
import { NewPatientDialog } from './NewPatientDialog';
import { PatientPicker, type PickedPatient } from './PatientPicker';
import { NO_REPEAT, RepeatFields, repeatRule, type RepeatValue } from './RepeatFields';
import { useCalendar, type BookingPrefill } from './store';
import { offerUndo } from './undo';
import { nameOnThisDesk } from '../privacy/store';

interface BookingPanelProps {
  prefill: BookingPrefill;
  providers: Provider[];
  types: AppointmentType[];
}

export function BookingPanel({ prefill, providers, types: defaultTypes }: BookingPanelProps) {
  const session = useSession();
  const zone = session.clinic.timeZone;
  const currency = session.clinic.currency;
  const digits = minorDigits(currency);
  const canOverride = roleAllows(session.user.role, 'schedule.override');
  const [patient, setPatient] = useState<PickedPatient | null>(prefill.patient ?? null);
  const [providerId, setProviderId] = useState(prefill.providerId ?? providers[0]?.id ?? 0);
  const [types, setTypes] = useState(defaultTypes);
  const [typeId, setTypeId] = useState<number | null>(prefill.typeId ?? defaultTypes[0]?.id ?? null);
  const [date, setDate] = useState(prefill.startsAt ? dayOf(prefill.startsAt, zone) : '');
  const [time, setTime] = useState(prefill.startsAt ? timeLabel(prefill.startsAt, zone) : '');
  const [reason, setReason] = useState('');
  const [fee, setFee] = useState<string | null>(null);
  const [repeat, setRepeat] = useState<RepeatValue>(NO_REPEAT);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  /** What was typed in the patient box when the desk chose to add them as a new patient; null while not adding. */
  const [adding, setAdding] = useState<string | null>(null);
  const bookButton = useRef<HTMLButtonElement>(null);
  useFocusBackOnClose();
  const focusBookNext = useRef(false);

  // The doctor's own durations and fees where set.
  useEffect(() => {
    let live = true;
    unwrap(api.appointmentTypes.list({ providerId }))
      .then((t) => live && setTypes(t))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [providerId]);

  const provider = providers.find((p) => p.id === providerId);
  const type = types.find((t) => t.id === typeId) ?? null;
  const defaultFee = type ? type.fee : (provider?.consultationFee ?? 0);
  const feeText = fee ?? (defaultFee / 10 ** digits).toFixed(digits);
  const minute = parseHhmm(time);
  const startsAt = date && minute !== null ? isoAt(date, minute, zone) : null;
  const booking = useMemo(() => (patient && startsAt && providerId ? { patientId: patient.id, providerId, typeId, startsAt } : null), [patient, startsAt, providerId, typeId]);

  // What the desk typed or chose here: closing the panel (Esc, ×, another screen) asks before dropping it.
  const typed = (patient?.id ?? null) !== (prefill.patient?.id ?? null) || reason.trim() !== '' || fee !== null || repeat !== NO_REPEAT;
  const setUnsavedWork = useApp((s) => s.setUnsavedWork);
  // A new patient half-typed in the dialog counts too (the dialog leaves the flag to this panel).
  useEffect(() => setUnsavedWork(typed || adding !== null), [typed, adding, setUnsavedWork]);
  useEffect(() => () => setUnsavedWork(false), [setUnsavedWork]);
  useEffect(() => useCalendar.getState().setBookingChoice({ patient: patient ?? undefined, typeId }), [patient, typeId]);
  useEffect(() => () => useCalendar.getState().setBookingChoice(null), []);
  // The patient is in (picked from the list or just registered) and the box they were typed in is gone: with the day
  // and time already chosen (a clicked slot, the finder) the next thing is to book, so Enter does it; otherwise the
  // doctor comes next. Either way the focus must not fall to the page.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (patient && focusBookNext.current) (startsAt ? bookButton.current : formRef.current?.querySelector('select'))?.focus();
    focusBookNext.current = false;
  }, [patient]);
  const picked = (p: PickedPatient | null) => {
    focusBookNext.current = p !== null;
    setPatient(p);
  };
  const added = (p: PickedPatient) => {
    focusBookNext.current = true;
    setPatient(p);
    setErrors(({ patientId: _, ...rest }) => rest);
    setAdding(null);
  };
  const close = () => useApp.getState().leaveForm(() => useCalendar.getState().closePanel());

  const minutes = type?.durationMinutes ?? 15;
  useEffect(() => {
    useCalendar.getState().setDraft(startsAt && providerId ? { providerId, startsAt, minutes } : null);
  }, [providerId, startsAt, minutes]);
  useEffect(() => () => useCalendar.getState().setDraft(null), []);

  const firstAvailable = async () => {
    try {
      const [slot] = await unwrap(api.slots.find({ providerId, typeId: typeId ?? undefined, durationMinutes: typeId === null ? 15 : undefined, from: new Date().toISOString(), limit: 1 }));
      if (!slot) return setFormError(`${provider?.name ?? 'This doctor'} has no free time in the next four weeks for this type.`);
      setDate(dayOf(slot.startsAt, zone));
      setTime(timeLabel(slot.startsAt, zone));
      // Show the day the slot is on, so the dashed preview is in view.
      useCalendar.getState().setDate(dayOf(slot.startsAt, zone));
      setFormError(null);
      setConflict(false);
    } catch (e) {
      setFormError(messageOf(e));
    }
  };
  useEffect(() => {
    if (prefill.findFirst) void firstAvailable();
    // Once, when the panel opens from the patient page.
  }, []);

  const save = async (override: boolean) => {
    const found: Record<string, string> = {};
    if (!patient) found.patientId = 'Choose the patient: type their name and pick them from the list.';
    if (!startsAt) found.startsAt = 'Enter the day and a time written HH:MM, or use First available.';
    // "60,00" is sixty (a decimal comma), never six thousand; words or a sign are refused, never read as free.
    const feeMinor = parseMoney(feeText, currency);
    if (feeMinor === null) found.fee = 'Enter the fee as a number, e.g. 60.00.';
    setErrors(found);
    if (!patient || !startsAt || feeMinor === null || Object.keys(found).length) return;
    setBusy(true);
    try {
      const saved = await unwrap(api.appointments.book({ patientId: patient.id, providerId, typeId, startsAt, reason: reason.trim() || null, fee: feeMinor, repeat: repeatRule(repeat), overrideDoubleBooking: override }));
      const count = saved.changed.length;
      // Toasts linger in the corner: with the privacy screen on they name the patient by initials — decided each
      // time the words are shown, since Undo replays them later ("Undone: booked …") when privacy may be on.
      const booked = patient.name;
      offerUndo(() => {
        const who = nameOnThisDesk(booked);
        return count > 1 ? `${count} appointments booked for ${who.replace(/\.$/, '')}.` : `Booked ${who} at ${timeLabel(saved.appointment.startsAt, zone)}.`;
      }, saved.undo);
      for (const w of saved.warnings) toast(w.message, 'info');
      const cal = useCalendar.getState();
      cal.setDate(dayOf(saved.appointment.startsAt, zone));
      cal.changed();
      cal.openAppointment(saved.appointment.id);
    } catch (e) {
      setBusy(false);
      setConflict(e instanceof ApiError && e.code === 'CONFLICT');
      if (e instanceof ApiError && Object.keys(e.fields).length) {
        setErrors(Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k.startsWith('repeat') ? 'repeat' : k, v])));
        setFormError(e.fields.startsAt || e.fields.repeat ? null : e.message);
      } else setFormError(messageOf(e));
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };

  return (
    <aside className="side-panel" aria-label="New appointment">
      <div className="side-panel-head">
        <h2 className="side-panel-title">New appointment</h2>
        <button type="button" className="icon-button" aria-label="Close panel" title="Close (Esc)" onClick={close}>
          ×
        </button>
      </div>
      <form
        ref={formRef}
        className="side-panel-body booking-form"
        onSubmit={submit}
        noValidate
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
          if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
            e.preventDefault();
            void save(false);
          }
        }}
      >
        <PatientPicker value={patient} onChange={picked} error={errors.patientId} autoFocus={!patient} onAddNew={setAdding} />
        <SelectField label="Doctor" value={providerId} onChange={(e) => { setProviderId(Number(e.target.value)); setFee(null); }} error={errors.providerId} options={providers.map((p) => ({ value: String(p.id), label: p.name }))} />
        <SelectField
          label="Type"
          value={typeId ?? ''}
          onChange={(e) => { setTypeId(e.target.value ? Number(e.target.value) : null); setFee(null); }}
          error={errors.typeId}
          options={[...types.map((t) => ({ value: String(t.id), label: `${t.name} · ${t.durationMinutes} min${t.mode === 'video' ? ' · video' : ''}` })), { value: '', label: 'Other (15 min)' }]}
        />
        <div className="form-grid booking-when">
          <TextField label="Day" type="date" value={date} onChange={(e) => setDate(e.target.value)} error={errors.startsAt ? ' ' : undefined} required />
          <TextField label="Time" type="time" step={300} value={time} onChange={(e) => setTime(e.target.value)} required />
        </div>
        {errors.startsAt && <p className="field-error booking-when-error" role="alert">{errors.startsAt}</p>}
        <button type="button" className="button button-small booking-first" onClick={() => void firstAvailable()}>
          First available
        </button>
        <TextField label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} placeholder="Optional, e.g. persistent cough" />
        <TextField label={`Fee (${currency})`} inputMode="decimal" value={feeText} onChange={(e) => setFee(e.target.value)} error={errors.fee} hint={fee === null ? `From ${type ? `${type.name}${type.overridden ? ` (${provider?.name ?? 'doctor'}’s fee)` : ''}` : 'the doctor’s consultation fee'}` : undefined} />
        <RepeatFields value={repeat} onChange={setRepeat} booking={booking} zone={zone} error={errors.repeat} />
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        <div className="form-actions booking-actions">
          {conflict && canOverride && (
            <button type="button" className="button button-danger" disabled={busy} onClick={() => void save(true)}>
              Book anyway (emergency)
            </button>
          )}
          <button ref={bookButton} type="submit" className="button button-primary" disabled={busy} autoFocus={prefill.patient !== undefined}>
            Book appointment <Kbd>Enter</Kbd>
          </button>
        </div>
      </form>
      {adding !== null && <NewPatientDialog typed={adding} booking={startsAt ? `${provider?.name ?? 'the doctor'}, ${dayTitle(date, 'short')} at ${time}` : null} onAdded={added} onCancel={() => setAdding(null)} />}
    </aside>
  );
}
