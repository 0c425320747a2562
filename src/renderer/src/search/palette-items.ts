// What the palette lists for a query: ranked patients first, then the commands whose names match,
// and which entry a bare Enter acts on.
import type { PatientSearchHit } from '../../../shared/search';
import type { PaletteCommand } from './palette-commands';

export type PaletteItem = { kind: 'patient'; hit: PatientSearchHit } | { kind: 'command'; command: PaletteCommand };

/**
 * One entry object per hit and per command, kept while the hit or command lives: a keystroke re-renders the
 * palette with the typed text before its answer arrives, and unchanged entries let the rows skip that render.
 */
const entries = new WeakMap<PatientSearchHit | PaletteCommand, PaletteItem>();

function entryOf(key: PatientSearchHit | PaletteCommand, make: () => PaletteItem): PaletteItem {
  let item = entries.get(key);
  if (!item) entries.set(key, (item = make()));
  return item;
}

export function paletteItems(hits: PatientSearchHit[], commands: PaletteCommand[]): PaletteItem[] {
  return [
    ...hits.map((hit) => entryOf(hit, () => ({ kind: 'patient', hit }))),
    ...commands.map((command) => entryOf(command, () => ({ kind: 'command', command }))),
  ];
}

/**
 * Enter without arrowing: the top patient; with no patient, the first command that is safe to run by
 * accident (never "New patient" — search must not drop anyone into a form); with nothing typed, nothing.
 */
export function defaultIndex(items: PaletteItem[], query: string): number {
  if (!query.trim()) return -1;
  return items.findIndex((i) => i.kind === 'patient' || !i.command.explicitOnly);
}

export const itemId = (item: PaletteItem) => (item.kind === 'patient' ? `palette-patient-${item.hit.id}` : `palette-command-${item.command.id}`);
