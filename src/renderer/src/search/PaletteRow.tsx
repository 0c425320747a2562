// One entry of the palette: a patient (enough to tell namesakes apart) or a command with its shortcut.
import { memo, type MouseEvent } from 'react';
import { usePrivacy } from '../privacy/usePrivacy';
import { Kbd } from '../ui/Kbd';
import { HitFacts, HitListName, lastVisitText } from './hit-parts';
import { Highlighted } from './Highlighted';
import { itemId, type PaletteItem } from './palette-items';

interface PaletteRowProps {
  item: PaletteItem;
  selected: boolean;
  today: string;
  timeZone: string;
  /** Stable across renders (the row is memoised): they receive the row's item. */
  onPick(item: PaletteItem): void;
  onHover(item: PaletteItem): void;
}

/** Memoised: typing re-renders the palette before each answer arrives; rows whose item is unchanged skip it. */
export const PaletteRow = memo(function PaletteRow({ item, selected, today, timeZone, onPick, onHover }: PaletteRowProps) {
  const privacy = usePrivacy();
  const common = {
    id: itemId(item),
    role: 'option',
    'aria-selected': selected,
    className: `palette-row${selected ? ' is-selected' : ''}`,
    // mousedown, not click: the input keeps focus, so typing can carry on after a mis-click.
    onMouseDown: (e: MouseEvent) => {
      e.preventDefault();
      onPick(item);
    },
    onMouseMove: () => onHover(item),
  } as const;
  if (item.kind === 'command') {
    const c = item.command;
    return (
      <div {...common}>
        <span className="palette-command-label">{c.label}</span>
        {c.keys && (
          <span className="palette-keys">
            {c.keys.map((k) => (
              <Kbd key={k}>{k}</Kbd>
            ))}
          </span>
        )}
      </div>
    );
  }
  const hit = item.hit;
  return (
    <div {...common}>
      <span className="palette-hit-main">
        <HitListName hit={hit} />
        {hit.archivedAt && <span className="tag">Archived</span>}
        {hit.matchedField === 'email' && hit.email && !privacy.on && (
          <span className="palette-hit-email">
            <Highlighted hit={hit} field="email" text={hit.email} />
          </span>
        )}
      </span>
      <HitFacts hit={hit} today={today} privacy={privacy}>
        <span className="muted">{hit.lastVisitAt ? `Last visit ${lastVisitText(hit, timeZone)}` : 'No visits yet'}</span>
      </HitFacts>
    </div>
  );
});
