// The day book's columns: every active doctor on one day, or one doctor across a week.
import type { Provider } from '../../../shared/scheduling';
import { addDays, dayTitle, mondayOf } from './clinic-time';
import type { GridColumn } from './CalendarGrid';
import type { SchedulingRefs } from './useSchedulingRefs';
import { openSpans } from './working-hours';

function column(p: Provider, date: string, refs: SchedulingRefs, label: string, sublabel?: string): GridColumn {
  return { key: `${p.id}:${date}`, providerId: p.id, providerName: p.name, date, label, sublabel, color: p.color, open: openSpans(refs.hours.get(p.id) ?? [], date) };
}

export function dayColumns(refs: SchedulingRefs, date: string): GridColumn[] {
  return refs.providers.filter((p) => p.active).map((p) => column(p, date, refs, p.name, p.specialization ?? undefined));
}

export function weekColumns(refs: SchedulingRefs, date: string, providerId: number): GridColumn[] {
  const p = refs.providers.find((x) => x.id === providerId);
  if (!p) return [];
  const monday = mondayOf(date);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i)).map((d) => column(p, d, refs, dayTitle(d, 'short')));
}
