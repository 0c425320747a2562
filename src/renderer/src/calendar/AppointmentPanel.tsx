// The side panel for one appointment: everything about it and the desk's actions — Arrive, Start,
// Complete, No-show in one click; Reschedule, Cancel with a reason, Book again, Open patient; and the payment section.
import { useRef, useState } from 'react';
import { roleAllows } from '../../../shared/roles';
import { formatMoney } from '../../../shared/payments-format';
import { MODE_LABELS } from '../../../shared/scheduling';
import { STATUS_LABELS, type AppointmentDetail, type AppointmentStatus } from '../../../shared/scheduling-appointments';
import { useApp, useSession } from '../app/store';
import { Kbd } from '../ui/Kbd';
import { setStatus } from './actions';
import { waitingTone } from './block-text';
import { BookAgainButton } from './BookAgainButton';
import { CancelDialog } from './CancelDialog';
import { EditDetailsDialog } from './EditDetailsDialog';
import { useFocusBackOnClose, useFocusKeptIn } from './focus-keeping';
import { dayTitle, dayOf, timeLabel } from './clinic-time';
import { AppointmentPaymentSlot } from './extension-points';
import { HistoryList } from './HistoryList';
import { PatientAlert } from './PatientAlert';
import { PinToMoveButton } from './PinToMoveButton';
import { RescheduleDialog } from './RescheduleDialog';
import { useCalendar } from './store';
import { useAppointment } from './useAppointment';
import { useNow } from './useCalendarRange';
import { CurtainBar, HiddenDetails, useCurtain } from '../privacy/PrivacyCurtain';

const STEPS: { status: Exclude<AppointmentStatus, 'booked' | 'cancelled'>; label: string; key?: string }[] = [
  { status: 'arrived', label: 'Arrive', key: 'A' },
  { status: 'in_consultation', label: 'Start' },
  { status: 'completed', label: 'Complete' },
  { status: 'no_show', label: 'No-show' },
  { status: 'confirmed', label: 'Confirm' },
];

export function AppointmentPanel({ id }: { id: number }) {
  const session = useSession();
  const zone = session.clinic.timeZone;
  const navigate = useApp((s) => s.navigate);
  const { appointment: a, error } = useAppointment(id);
  const [dialog, setDialog] = useState<'cancel' | 'reschedule' | 'details' | null>(null);
  const [busy, setBusy] = useState(false);
  const now = useNow();
  const canWrite = roleAllows(session.user.role, 'schedule.write');
  const canStatus = roleAllows(session.user.role, 'schedule.status');
  const close = () => useCalendar.getState().closePanel();
  // Opened on purpose, so shown in full even with the privacy screen on, with Hide details on top.
  const curtain = useCurtain(id);
  const panelRef = useRef<HTMLElement>(null);
  useFocusBackOnClose();
  useFocusKeptIn(panelRef, a?.status);

  const step = async (status: (typeof STEPS)[number]['status']) => {
    setBusy(true);
    await setStatus(id, status);
    setBusy(false);
  };

  return (
    <aside className="side-panel" aria-label="Appointment" ref={panelRef}>
      <div className="side-panel-head">
        <h2 className="side-panel-title">{a ? curtain.name(a.patientName) : 'Appointment'}</h2>
        <button type="button" className="icon-button" aria-label="Close panel" title="Close (Esc)" onClick={close}>
          ×
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!a ? (
        <div className="screen-loading" aria-busy="true" />
      ) : curtain.hidden ? (
        <HiddenDetails curtain={curtain} />
      ) : (
        <div className="side-panel-body">
          <CurtainBar curtain={curtain} />
          <p className="panel-when">
            <span className={a.status === 'cancelled' ? 'struck' : undefined}>
              {dayTitle(dayOf(a.startsAt, zone))} · <span className="panel-when-time">{timeLabel(a.startsAt, zone)}–{timeLabel(a.endsAt, zone)}</span>
            </span>
          </p>
          <p className="panel-status">
            <StatusTag status={a.status} />
            {a.status === 'arrived' && a.arrivedAt && <Waiting since={a.arrivedAt} now={now} />}
          </p>
          <PatientAlert patientId={a.patientId} />
          {canStatus && a.nextStatuses.some((s) => STEPS.some((x) => x.status === s)) && (
            <div className="panel-actions" role="group" aria-label="Status">
              {STEPS.filter((s) => a.nextStatuses.includes(s.status)).map((s) => (
                <button key={s.status} type="button" className={s.status === 'arrived' || (s.status === 'in_consultation' && a.status === 'arrived') ? 'button button-primary' : 'button'} disabled={busy} onClick={() => void step(s.status)}>
                  {s.label}
                  {s.key && <Kbd>{s.key}</Kbd>}
                </button>
              ))}
            </div>
          )}
          <PanelFacts a={a} zone={zone} />
          <div className="panel-actions" role="group" aria-label="Appointment">
            {canWrite && <BookAgainButton appointment={a} />}
            {canWrite && a.status !== 'cancelled' && a.status !== 'completed' && a.status !== 'no_show' && (
              <>
                <button type="button" className="button" onClick={() => setDialog('reschedule')}>
                  Reschedule
                </button>
                <PinToMoveButton id={a.id} status={a.status} />
                <button type="button" className="button" onClick={() => setDialog('cancel')}>
                  Cancel appointment
                </button>
              </>
            )}
            {canWrite && a.status !== 'cancelled' && (
              <button type="button" className="button" onClick={() => setDialog('details')}>
                Edit details
              </button>
            )}
            <button type="button" className="button" onClick={() => navigate({ name: 'patient', id: a.patientId })}>
              Open patient
            </button>
          </div>
          <AppointmentPaymentSlot appointmentId={a.id} />
          <HistoryList history={a.history} zone={zone} />
        </div>
      )}
      {/* The dialogs' titles name the patient: once the curtain drops (privacy turned on mid-dialog), initials. */}
      {a && dialog === 'cancel' && <CancelDialog appointment={{ ...a, patientName: curtain.name(a.patientName) }} onClose={() => setDialog(null)} />}
      {a && dialog === 'reschedule' && <RescheduleDialog appointment={{ ...a, patientName: curtain.name(a.patientName) }} onClose={() => setDialog(null)} />}
      {a && dialog === 'details' && <EditDetailsDialog appointment={a} onClose={() => setDialog(null)} />}
    </aside>
  );
}

export function StatusTag({ status }: { status: AppointmentStatus }) {
  return <span className={`status-tag status-${status}`}>{STATUS_LABELS[status]}</span>;
}

function Waiting({ since, now }: { since: string; now: number }) {
  const minutes = Math.max(0, Math.floor((now - Date.parse(since)) / 60_000));
  return <span className={`waiting waiting-${waitingTone(minutes)}`}>Waiting {minutes} min</span>;
}

function PanelFacts({ a, zone }: { a: AppointmentDetail; zone: string }) {
  const rows: [string, string | null][] = [
    ['Doctor', a.providerName],
    ['Type', a.typeName],
    ['Visit', MODE_LABELS[a.mode]],
    ['Record no.', a.mrn],
    ['Fee', formatMoney(a.fee, a.currency)],
    ['Reason', a.reason],
    ['Notes', a.notes],
    ['Arrived', a.arrivedAt ? timeLabel(a.arrivedAt, zone) : null],
    ['Cancelled because', a.status === 'cancelled' ? a.cancelReason : null],
    ['Double-booked', a.overrideDoubleBooking ? 'Yes, on purpose (administrator override)' : null],
    ['Series', a.seriesId !== null ? `Repeating appointment${a.seriesIndex !== null ? `, number ${a.seriesIndex + 1}` : ''}` : null],
  ];
  return (
    <dl className="panel-facts">
      {rows
        .filter(([, v]) => v !== null && v !== '')
        .map(([label, value]) => (
          <div key={label} className="panel-fact">
            <dt>{label}</dt>
            <dd className="pre-line">{value}</dd>
          </div>
        ))}
    </dl>
  );
}
