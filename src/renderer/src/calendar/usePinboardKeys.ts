// Keys for moving across days and changing length: X or Ctrl/Cmd+X pins the selected appointment, Esc returns the
// chosen card (or the selected ghost) to its slot, Alt+↓/Alt+↑ make the selected appointment 5 minutes longer/shorter.
import { useEffect, useRef } from 'react';
import type { CalendarAppointment } from '../../../shared/scheduling-appointments';
import { isBlocked, isTypingIn, useShortcut } from '../ui/shortcuts';
import { toast } from '../ui/toasts';
import { pinAppointment, unpinAppointment, usePinboard } from './pinboard-store';
import { useCalendar } from './store';

interface PinboardKeys {
  appointments: CalendarAppointment[];
  canWrite: boolean;
  onResize(a: CalendarAppointment, minutes: number): void;
}

const movable = (a: CalendarAppointment) => a.status === 'booked' || a.status === 'confirmed';

export function usePinboardKeys({ appointments, canWrite, onResize }: PinboardKeys): void {
  const selectedId = useCalendar((s) => s.selectedId);
  const panelOpen = useCalendar((s) => s.panel !== null);
  const armedId = usePinboard((s) => s.armedId);
  const cards = usePinboard((s) => s.cards);
  const selected = appointments.find((a) => a.id === selectedId) ?? null;
  const selectedPinned = selected !== null && cards.some((c) => c.appointmentId === selected.id);

  const pinSelected = () => {
    if (!selected) return toast('Select an appointment first (click it, or use ↑ ↓), then press X to pin it.', 'info');
    if (!movable(selected)) return toast('Only booked or confirmed appointments can be moved.', 'info');
    void pinAppointment(selected.id);
  };
  useShortcut({ key: 'x' }, pinSelected, canWrite);
  useShortcut({ key: 'x', mod: true }, pinSelected, canWrite);
  // Esc closes the side panel first (useDayBookKeys); with no panel it puts the pinned card back.
  const returning = armedId ?? (selectedPinned ? selectedId : null);
  useShortcut({ key: 'Escape' }, () => returning !== null && void unpinAppointment(returning), canWrite && !panelOpen && returning !== null);

  // Alt+arrows by hand: useShortcut leaves out Alt, which the day book's plain/Shift arrows also ignore.
  const onKey = useRef<(e: KeyboardEvent) => void>(() => {});
  onKey.current = (e) => {
    if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.defaultPrevented || isBlocked() || isTypingIn(e.target)) return;
    const by = e.key === 'ArrowDown' ? 5 : e.key === 'ArrowUp' ? -5 : 0;
    if (!by || !selected || !canWrite) return;
    e.preventDefault();
    if (!movable(selected)) return toast('Only booked or confirmed appointments can change length.', 'info');
    // A new length is a reschedule, which would settle the pin: place or unpin the card first.
    if (selectedPinned) return toast('This appointment is on the pinboard. Place it or unpin it first, then change its length.', 'info');
    const minutes = Math.round((Date.parse(selected.endsAt) - Date.parse(selected.startsAt)) / 60_000) + by;
    if (minutes < 5) return toast('An appointment is at least 5 minutes long.', 'info');
    onResize(selected, minutes);
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
