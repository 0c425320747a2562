// Geometry of the day book: which hours to draw, and side-by-side lanes for blocks that overlap
// (a cancelled block and its replacement, or an emergency double-booking).
import type { CalendarAppointment } from '../../../shared/scheduling-appointments';
import type { MinuteSpan } from './working-hours';

export const DEFAULT_DAY: MinuteSpan = [8 * 60, 18 * 60];
export const SNAP_MINUTES = 5;

/** Whole hours covering the usual day, every open span and every block shown. */
export function visibleHours(spans: MinuteSpan[]): MinuteSpan {
  let [start, end] = DEFAULT_DAY;
  for (const [s, e] of spans) {
    start = Math.min(start, s);
    end = Math.max(end, e);
  }
  return [Math.max(0, Math.floor(start / 60) * 60), Math.min(24 * 60, Math.ceil(end / 60) * 60)];
}

export interface PlacedBlock {
  appointment: CalendarAppointment;
  startMinute: number;
  endMinute: number;
  lane: number;
  lanes: number;
}

/** Greedy lanes inside each cluster of overlapping blocks; active appointments take the first lane. */
export function placeBlocks(items: { appointment: CalendarAppointment; startMinute: number; endMinute: number }[]): PlacedBlock[] {
  const dimmed = (a: CalendarAppointment) => a.status === 'cancelled' || a.status === 'no_show';
  const sorted = [...items].sort((a, b) => a.startMinute - b.startMinute || Number(dimmed(a.appointment)) - Number(dimmed(b.appointment)));
  const out: PlacedBlock[] = [];
  let cluster: PlacedBlock[] = [];
  let clusterEnd = -1;
  const laneEnds: number[] = [];
  const close = () => {
    const lanes = Math.max(1, ...cluster.map((b) => b.lane + 1));
    for (const b of cluster) out.push({ ...b, lanes });
    cluster = [];
    laneEnds.length = 0;
  };
  for (const item of sorted) {
    if (item.startMinute >= clusterEnd) close();
    let lane = laneEnds.findIndex((end) => end <= item.startMinute);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = item.endMinute;
    cluster.push({ ...item, lane, lanes: 1 });
    clusterEnd = Math.max(clusterEnd, item.endMinute);
  }
  close();
  return out;
}

export const snap = (minute: number) => Math.round(minute / SNAP_MINUTES) * SNAP_MINUTES;

/** The parts of [from, to) outside the open spans: drawn shaded as closed hours. */
export function closedSpans(open: MinuteSpan[], from: number, to: number): MinuteSpan[] {
  const out: MinuteSpan[] = [];
  let cursor = from;
  for (const [s, e] of open) {
    if (s > cursor) out.push([cursor, Math.min(s, to)]);
    cursor = Math.max(cursor, e);
  }
  if (cursor < to) out.push([cursor, to]);
  return out.filter(([s, e]) => e > s);
}
