// A displayed field of a search hit with the part that matched wrapped in <mark>, from main's highlight ranges.
import type { ReactNode } from 'react';
import type { PatientSearchHit, SearchHighlight } from '../../../shared/search';

type HighlightField = SearchHighlight['field'];

/** The ranges main sent for one field, sorted and non-overlapping, so the text can be cut once left to right. */
function rangesOf(hit: PatientSearchHit, field: HighlightField, length: number): [number, number][] {
  const ranges = hit.highlights
    .filter((h) => h.field === field)
    .map((h): [number, number] => [Math.max(0, h.start), Math.min(length, h.end)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push(r);
  }
  return merged;
}

export function Highlighted({ hit, field, text }: { hit: PatientSearchHit; field: HighlightField; text: string }) {
  const ranges = rangesOf(hit, field, text.length);
  if (ranges.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

/** A date of birth matched as a whole: the displayed (localised) date is marked entirely. */
export function HighlightedWhole({ on, text }: { on: boolean; text: string }) {
  return on ? <mark>{text}</mark> : <>{text}</>;
}
