// Ctrl/Cmd+K from anywhere: find a patient in a keystroke (ranked, matched part marked) or run a command.
// Enter opens the top (or arrowed-to) patient; it never drops you into a new-patient form.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { messageOf } from '../api/client';
import { useApp, useSession } from '../app/store';
import { todayIn } from '../format/dates';
import { togglePrivacy } from '../privacy/store';
import { Kbd } from '../ui/Kbd';
import { toast } from '../ui/toasts';
import { downloadPatientsCsv } from './export-csv';
import { matchCommands, paletteCommands, type PaletteAction } from './palette-commands';
import { defaultIndex, itemId, paletteItems, type PaletteItem } from './palette-items';
import { PaletteRow } from './PaletteRow';
import { useQuickSearch } from './useQuickSearch';

const LIMIT = 12;

export function CommandPalette({ onClose, onShowShortcuts }: { onClose(): void; onShowShortcuts(): void }) {
  const session = useSession();
  const navigate = useApp((s) => s.navigate);
  const ref = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  /** null: follow the default (top patient) as results change; a number once the user arrows. */
  const [chosen, setChosen] = useState<number | null>(null);
  const enterPending = useRef(false);
  const search = useQuickSearch(query, { limit: LIMIT, includeArchived: false });
  const commands = useMemo(() => paletteCommands(session.user.role), [session.user.role]);
  const fresh = search.answered === query;
  // Until the answer for the latest keystroke arrives, the previous hits stay: the list never flashes empty.
  const items = useMemo(() => paletteItems(search.hits, matchCommands(commands, query)), [search.hits, commands, query]);
  const selected = chosen ?? defaultIndex(items, query);
  const today = useMemo(() => todayIn(session.clinic.timeZone), [session.clinic.timeZone]);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    const cancel = (e: Event) => {
      e.preventDefault();
      closeRef.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      dialog.close();
      // Opening a patient moves focus to the new screen; only give it back when nothing else took it.
      if (document.activeElement === document.body) opener?.focus();
    };
  }, []);

  const run = (action: PaletteAction) => {
    onClose();
    if (action.kind === 'go') navigate(action.route);
    else if (action.kind === 'shortcuts') onShowShortcuts();
    else if (action.kind === 'privacy') togglePrivacy();
    else
      downloadPatientsCsv()
        .then((r) => toast(`Exported ${r.rows.toLocaleString()} patients to ${r.fileName}.`))
        .catch((e: unknown) => toast(messageOf(e), 'error'));
  };

  const choose = (item: PaletteItem | undefined) => {
    if (!item) return;
    if (item.kind === 'patient') run({ kind: 'go', route: { name: 'patient', id: item.hit.id } });
    else run(item.command.run);
  };

  // Enter typed before the answer for the latest keystroke arrived: act when it does, on its top hit.
  useEffect(() => {
    if (!enterPending.current || !fresh) return;
    enterPending.current = false;
    choose(items[selected]);
  });

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (items.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setChosen(Math.min(items.length - 1, Math.max(0, (selected < 0 ? -1 : selected) + step)));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (chosen === null && !fresh && query.trim()) enterPending.current = true;
      else choose(items[selected]);
    }
  };

  // The rows get the same two callbacks on every render (so unchanged rows skip it); they act on the latest state.
  const latest = useRef({ choose, items, selected });
  latest.current = { choose, items, selected };
  const pick = useCallback((item: PaletteItem) => latest.current.choose(item), []);
  const hover = useCallback((item: PaletteItem) => {
    const index = latest.current.items.indexOf(item);
    if (index !== latest.current.selected) setChosen(index);
  }, []);

  const patientItems = items.filter((i) => i.kind === 'patient');
  const commandItems = items.filter((i) => i.kind === 'command');
  const activeItem = items[selected];
  const row = (item: PaletteItem, key: string) => (
    <PaletteRow
      key={key}
      item={item}
      selected={items.indexOf(item) === selected}
      today={today}
      timeZone={session.clinic.timeZone}
      onPick={pick}
      onHover={hover}
    />
  );

  return (
    <dialog ref={ref} className="palette" aria-label="Find a patient or a command">
      {/* A form of its own, though nothing is submitted: Chrome's autofill (in the browser tests' Chromium, not in
          Electron) looks at a field after every change, and for a field outside any form it gathers every such
          field on the page — a task of a millisecond or more queued ahead of each search answer. Enter is handled
          (and prevented) in onKeyDown. */}
      <form className="palette-search" onSubmit={(e) => e.preventDefault()}>
        <span className="search-icon" aria-hidden="true" />
        <input
          className="palette-input"
          role="combobox"
          aria-label="Find a patient or a command"
          aria-expanded={items.length > 0}
          aria-controls="palette-list"
          aria-autocomplete="list"
          aria-activedescendant={activeItem ? itemId(activeItem) : undefined}
          placeholder="Name, phone, record no., date of birth or email — or a command"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={query}
          onChange={(e) => {
            // Ask main at once; React renders the typed text meanwhile.
            search.ask(e.target.value);
            setQuery(e.target.value);
            setChosen(null);
          }}
          onKeyDown={onKeyDown}
        />
        <Kbd>Esc</Kbd>
      </form>
      <div id="palette-list" className="palette-list" role="listbox" aria-label="Results" data-query={search.answered ?? ''}>
        {patientItems.length > 0 && (
          <div role="group" aria-label="Patients" className="palette-group">
            <div className="palette-group-title" aria-hidden="true">
              Patients
            </div>
            {/* Keyed by place, not by patient: each answer rewrites the rows already on screen (their text and
                marks) instead of removing up to twelve rows and building twelve new ones. */}
            {patientItems.map((item, place) => row(item, `place-${place}`))}
          </div>
        )}
        {commandItems.length > 0 && (
          <div role="group" aria-label="Commands" className="palette-group">
            <div className="palette-group-title" aria-hidden="true">
              Commands
            </div>
            {commandItems.map((item) => row(item, itemId(item)))}
          </div>
        )}
      </div>
      <PaletteStatus query={query} fresh={fresh} count={patientItems.length} error={search.error} />
      <footer className="palette-footer" aria-hidden="true">
        <span>
          <Kbd>↑</Kbd> <Kbd>↓</Kbd> move
        </span>
        <span>
          <Kbd>Enter</Kbd> open
        </span>
        <span>
          <Kbd>Esc</Kbd> close
        </span>
      </footer>
    </dialog>
  );
}

/** Says what happened in words (and to screen readers): no match, or a failed search. */
function PaletteStatus({ query, fresh, count, error }: { query: string; fresh: boolean; count: number; error: string | null }) {
  const text = query.trim();
  let message = '';
  if (error) message = error;
  else if (text && fresh && count === 0) message = `No patients match “${text}”. Check the spelling, or try part of the surname, the record number or the last digits of the phone.`;
  return (
    <p className={`palette-status${message ? '' : ' is-empty'}${error ? ' form-error' : ''}`} role="status">
      {message}
    </p>
  );
}
