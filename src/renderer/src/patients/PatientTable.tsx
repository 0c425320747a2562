// The virtualized patient list: only visible rows are in the DOM, pages load as they scroll into view,
// so it stays smooth with 100,000 patients.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { PatientSort, PatientSummary } from '../../../shared/patients';
import { todayIn } from '../format/dates';
import { listKeyAction } from './list-keys';
import type { Direction } from './list-store';
import { PatientRow } from './PatientRow';
import { SortHeader } from './SortHeader';
import type { PatientPages } from './usePatientPages';

const ROW_HEIGHT = 40;

interface PatientTableProps {
  pages: PatientPages;
  total: number;
  selected: number;
  sort: PatientSort;
  direction: Direction;
  country: string;
  timeZone: string;
  onSort(sort: PatientSort): void;
  onSelect(index: number): void;
  onOpen(patient: PatientSummary): void;
}

export function PatientTable({ pages, total, selected, sort, direction, country, timeZone, onSort, onSelect, onOpen }: PatientTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensureRange } = pages;
  const today = todayIn(timeZone);

  useEffect(() => {
    if (total > 0) ensureRange(first, last);
  }, [first, last, total, ensureRange]);

  useEffect(() => {
    if (selected < total) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, total, virtualizer]);

  const onKeyDown = (e: KeyboardEvent) => {
    const action = listKeyAction(e, selected, total, false);
    if (action === null) return;
    e.preventDefault();
    if (action !== 'open') return onSelect(action);
    const patient = pages.rowAt(selected);
    if (patient) onOpen(patient);
  };

  return (
    <div
      id="patient-grid"
      className="patient-table"
      role="grid"
      aria-label="Patients"
      aria-rowcount={total + 1}
      aria-activedescendant={total > 0 ? `patient-row-${selected}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <SortHeader sort={sort} direction={direction} onSort={onSort} />
      <div ref={scrollRef} className="patient-table-body" role="rowgroup">
        <div className="patient-table-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => (
            <PatientRow
              key={item.key}
              index={item.index}
              patient={pages.rowAt(item.index)}
              selected={item.index === selected}
              top={item.start}
              height={item.size}
              today={today}
              country={country}
              timeZone={timeZone}
              onOpen={onOpen}
              onSelect={onSelect}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
