// The commands the palette offers beside patients: the desk's sections and a few actions, each with its key.
import { roleAllows, type Role } from '../../../shared/roles';
import type { Route } from '../app/routes';
import { NAV_ROUTES, screenOf } from '../app/screens';
import { PRIVACY_KEYS } from '../privacy/shortcut-list';
import { MOD_LABEL } from '../ui/Kbd';

export interface PaletteCommand {
  id: string;
  label: string;
  /** Extra words it answers to ("add" finds New patient). */
  aliases?: string[];
  keys?: string[];
  /** Never chosen by a bare Enter: the user must arrow onto it (search never drops you into a form). */
  explicitOnly?: boolean;
  run: PaletteAction;
}

export type PaletteAction = { kind: 'go'; route: Route } | { kind: 'shortcuts' } | { kind: 'export' } | { kind: 'privacy' };

export function paletteCommands(role: Role): PaletteCommand[] {
  const sections = NAV_ROUTES.flatMap((route): PaletteCommand[] => {
    const nav = screenOf(route).nav;
    if (!nav || !roleAllows(role, nav.permission)) return [];
    return [{ id: `go-${route.name}`, label: `Go to ${nav.label}`, run: { kind: 'go', route } }];
  });
  const actions: PaletteCommand[] = [];
  if (roleAllows(role, 'patients.write')) {
    actions.push({ id: 'new-patient', label: 'New patient', aliases: ['add', 'register'], keys: ['N'], explicitOnly: true, run: { kind: 'go', route: { name: 'patient-new' } } });
    actions.push({ id: 'import', label: 'Import patients from a CSV file', aliases: ['upload'], run: { kind: 'go', route: { name: 'patient-import' } } });
  }
  if (roleAllows(role, 'patients.export')) actions.push({ id: 'export', label: 'Export patients to CSV', aliases: ['download'], run: { kind: 'export' } });
  actions.push({ id: 'privacy', label: 'Privacy screen on or off', aliases: ['hide', 'names', 'initials', 'waiting room'], keys: [PRIVACY_KEYS], run: { kind: 'privacy' } });
  actions.push({ id: 'shortcuts', label: 'Keyboard shortcuts', aliases: ['help', 'keys'], keys: ['?'], run: { kind: 'shortcuts' } });
  actions.push({ id: 'find', label: 'Find a patient', aliases: ['search'], keys: [`${MOD_LABEL} K`, '/'], explicitOnly: true, run: { kind: 'go', route: { name: 'patients' } } });
  return [...sections, ...actions];
}

const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Each command's words, split once: the palette matches them on every keystroke. */
const wordsOf = new WeakMap<PaletteCommand, string[]>();

/** Every typed word starts a word of the command's name (or an alias); an empty query lists them all. */
export function matchCommands(commands: PaletteCommand[], query: string): PaletteCommand[] {
  const typed = words(query);
  if (typed.length === 0) return commands;
  return commands.filter((c) => {
    let own = wordsOf.get(c);
    if (!own) wordsOf.set(c, (own = words([c.label, ...(c.aliases ?? [])].join(' '))));
    return typed.every((t) => own.some((w) => w.startsWith(t)));
  });
}
