// The day book's state: which day and view, what is selected, which panel is open, and a version that
// every change bumps so each list re-reads what it shows.
import { create } from 'zustand';

export type CalendarView = 'day' | 'week';

export interface BookingPrefill {
  patient?: { id: number; name: string };
  providerId?: number;
  typeId?: number | null;
  /** UTC ISO instant. */
  startsAt?: string;
  /** Ask main for the first free slot as soon as the panel opens (the patient page's "Book"). */
  findFirst?: boolean;
}

/** Where the booking being filled in would land, drawn as a dashed block in the day book. */
export interface BookingDraft {
  providerId: number;
  startsAt: string;
  minutes: number;
}

/** The patient and type chosen in the open booking panel: clicking another free slot keeps them. */
export interface BookingChoice {
  patient?: { id: number; name: string };
  typeId?: number | null;
}

export type Panel = { kind: 'appointment'; id: number } | { kind: 'booking'; prefill: BookingPrefill } | null;

interface CalendarState {
  /** The day shown (clinic time zone); null until the day book learns today's date. */
  date: string | null;
  /** Today's date as the day book last knew it: a desk left open overnight moves on with it (noteToday). */
  today: string | null;
  view: CalendarView;
  weekProviderId: number | null;
  selectedId: number | null;
  panel: Panel;
  finderOpen: boolean;
  draft: BookingDraft | null;
  bookingChoice: BookingChoice | null;
  version: number;
  setDate(date: string): void;
  /** The clinic's date now; if the day shown was the old today, the new today is shown (midnight passed). */
  noteToday(today: string): void;
  setView(view: CalendarView, providerId?: number): void;
  select(id: number | null): void;
  openAppointment(id: number): void;
  openBooking(prefill: BookingPrefill): void;
  closePanel(): void;
  setFinderOpen(open: boolean): void;
  setDraft(draft: BookingDraft | null): void;
  setBookingChoice(choice: BookingChoice | null): void;
  /** Something changed in main: every calendar list re-reads. */
  changed(): void;
}

export const useCalendar = create<CalendarState>()((set, get) => ({
  date: null,
  today: null,
  view: 'day',
  weekProviderId: null,
  selectedId: null,
  panel: null,
  finderOpen: false,
  draft: null,
  bookingChoice: null,
  version: 0,
  setDate: (date) => set({ date }),
  noteToday: (today) => {
    const { date, today: before } = get();
    if (today !== before) set({ today, date: date !== null && date === before ? today : date });
  },
  setView: (view, providerId) => set({ view, weekProviderId: providerId ?? get().weekProviderId }),
  select: (selectedId) => set({ selectedId }),
  openAppointment: (id) => set({ panel: { kind: 'appointment', id }, selectedId: id }),
  openBooking: (prefill) => set({ panel: { kind: 'booking', prefill }, finderOpen: false }),
  closePanel: () => set({ panel: null }),
  setFinderOpen: (finderOpen) => set({ finderOpen }),
  setDraft: (draft) => set({ draft }),
  setBookingChoice: (bookingChoice) => set({ bookingChoice }),
  changed: () => set({ version: get().version + 1 }),
}));
