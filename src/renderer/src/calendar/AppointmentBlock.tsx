// One appointment in the day book: time, patient, type and state badges; click to open, drag to move.
import type { CSSProperties, PointerEvent as ReactPointerEvent } from 'react';
import type { CalendarAppointment } from '../../../shared/scheduling-appointments';
import { blockBadges, blockLabel } from './block-text';
import { timeLabel } from './clinic-time';
import { usePrivacy } from '../privacy/usePrivacy';

interface AppointmentBlockProps {
  appointment: CalendarAppointment;
  zone: string;
  now: number;
  color: string;
  style: CSSProperties;
  selected: boolean;
  /** The grid's one block reachable by Tab (the selected one, else the next patient expected). */
  tabStop: boolean;
  dragging: boolean;
  compact: boolean;
  providerName?: string;
  /** On the pinboard: drawn as a dashed ghost at the slot it still holds until placed. */
  pinned?: boolean;
  onPointerDown(e: ReactPointerEvent<HTMLDivElement>): void;
  onOpen(): void;
  /** Focus reached it (Tab, a click): the selection follows, so A and Enter act on the block with the focus ring. */
  onFocus?(): void;
}

export function AppointmentBlock({ appointment: a, zone, now, color, style, selected, tabStop, dragging, compact, providerName, pinned = false, onPointerDown, onOpen, onFocus }: AppointmentBlockProps) {
  const dim = a.status === 'cancelled' || a.status === 'no_show';
  // Privacy screen: initials on the block and in its spoken label; the type and time still show.
  const patientName = usePrivacy().name(a.patientName);
  const badges = blockBadges(a, now);
  // The full words on hover too, since a narrow column cuts the name short (the privacy screen's initials included).
  const label = `${blockLabel({ ...a, patientName }, zone, now, providerName)}${pinned ? ', pinned to move' : ''}`;
  const classes = ['appt-block', `appt-${a.status}`, dim && 'appt-dim', selected && 'appt-selected', dragging && 'appt-dragging', compact && 'appt-compact', pinned && 'appt-pinned'].filter(Boolean).join(' ');
  return (
    <div
      role="button"
      tabIndex={tabStop ? 0 : -1}
      className={classes}
      style={{ ...style, '--provider': color } as CSSProperties}
      aria-label={label}
      title={label}
      aria-pressed={selected}
      data-appointment-id={a.id}
      onPointerDown={onPointerDown}
      onFocus={onFocus}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen();
        }
      }}
    >
      <div className="appt-line">
        <span className="appt-time">{timeLabel(a.startsAt, zone)}</span>
        <span className="appt-patient">{patientName}</span>
        {compact && a.typeName && <span className="appt-type">· {a.typeName}</span>}
      </div>
      {!compact && a.typeName && <div className="appt-type">{a.typeName}</div>}
      {pinned && (
        <span className="appt-pinned-tag" aria-hidden="true">
          {compact ? 'Pinned' : 'Pinned to move'}
        </span>
      )}
      {badges.length > 0 && (
        <div className="appt-badges" aria-hidden="true">
          {badges.map((b) => (
            <span key={b.key} className={`appt-badge${b.tone ? ` badge-${b.tone}` : ''}`} title={b.text}>
              <span className="appt-badge-icon">{b.icon}</span>
              <span className="appt-badge-text">{b.text}</span>
              {b.short && <span className="appt-badge-short">{b.short}</span>}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
