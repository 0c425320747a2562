// The desk user's pinboard as the day book sees it: the cards (kept in main, so they survive a restart),
// the card chosen for click-to-place, and where a card being dragged from the tray would land.
import { create } from 'zustand';
import type { PinnedAppointment } from '../../../shared/pinboard';
import { api, messageOf, unwrap } from '../api/client';
import { toast, useToasts } from '../ui/toasts';
import { useCalendar } from './store';

/** A card dragged over the grid: the column and snapped minute it would land on. */
export interface PinDrop {
  id: number;
  columnKey: string;
  startMinute: number;
}

interface PinboardState {
  cards: PinnedAppointment[];
  loaded: boolean;
  error: string | null;
  /** The card chosen in the tray: a click on free time places it there. */
  armedId: number | null;
  drop: PinDrop | null;
  load(): Promise<void>;
  arm(id: number | null): void;
  setDrop(drop: PinDrop | null): void;
  /** Main's answer after a placement; the card goes at once, the re-read follows. */
  forget(id: number): void;
}

export const usePinboard = create<PinboardState>()((set, get) => ({
  cards: [],
  loaded: false,
  error: null,
  armedId: null,
  drop: null,
  load: async () => {
    try {
      const cards = await unwrap(api.pinboard.list({}));
      const armedId = get().armedId;
      set({ cards, loaded: true, error: null, armedId: cards.some((c) => c.appointmentId === armedId) ? armedId : null });
    } catch (e) {
      set({ error: messageOf(e), loaded: true });
    }
  },
  arm: (armedId) => set({ armedId }),
  setDrop: (drop) => set({ drop }),
  forget: (id) => set({ cards: get().cards.filter((c) => c.appointmentId !== id), armedId: get().armedId === id ? null : get().armedId }),
}));

/** Lifts an appointment onto the pinboard. It stays booked at its old time (drawn as a ghost) until placed. */
export async function pinAppointment(appointmentId: number, quiet = false): Promise<boolean> {
  try {
    const card = await unwrap(api.pinboard.pin({ appointmentId }));
    const s = usePinboard.getState();
    if (!s.cards.some((c) => c.appointmentId === appointmentId)) usePinboard.setState({ cards: [...s.cards, card] });
    usePinboard.getState().arm(appointmentId);
    if (!quiet) {
      useToasts.getState().show({
        message: 'Pinned to move. Open the new day and drop the card on a free time; it keeps its old slot until then.',
        tone: 'success',
        action: { label: 'Unpin', run: () => void unpinAppointment(appointmentId, true) },
      });
    }
    useCalendar.getState().changed();
    return true;
  } catch (e) {
    toast(messageOf(e), 'error');
    return false;
  }
}

/** Puts the card back: the appointment simply stays where it always was. */
export async function unpinAppointment(appointmentId: number, quiet = false): Promise<void> {
  usePinboard.getState().forget(appointmentId);
  try {
    await unwrap(api.pinboard.unpin({ appointmentId }));
    if (!quiet) {
      useToasts.getState().show({
        message: 'Unpinned: the appointment stays at its old time.',
        tone: 'info',
        action: { label: 'Pin again', run: () => void pinAppointment(appointmentId, true) },
      });
    }
  } catch (e) {
    toast(messageOf(e), 'error');
  }
  useCalendar.getState().changed();
}
