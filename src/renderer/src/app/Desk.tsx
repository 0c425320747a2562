// The signed-in desk: top bar, the current screen, and the lock overlay above it all when idle.
import { useEffect, useState } from 'react';
import { LockScreen } from '../session/LockScreen';
import { useIdleLock } from '../session/useIdleLock';
import { useShortcut } from '../ui/shortcuts';
import { focusPatientSearch } from '../patients/search-focus';
import { CommandPalette } from '../search/CommandPalette';
import { LeaveFormDialog } from './LeaveFormDialog';
import { screenOf } from './screens';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useApp } from './store';
import { TopBar } from './TopBar';

export function Desk() {
  const route = useApp((s) => s.route);
  const locked = useApp((s) => s.locked);
  const navigate = useApp((s) => s.navigate);
  const screen = screenOf(route);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [showPalette, setShowPalette] = useState(false);
  useIdleLock();
  useShortcut({ key: '?' }, () => setShowShortcuts(true));

  useEffect(() => {
    document.title = `${screen.title} · Anteroom`;
  }, [screen.title]);

  // After moving to another screen, put the cursor somewhere sensible: screens that focus a field
  // (search, first form field) have done so already; otherwise the screen's heading takes focus, so
  // keyboard and screen-reader users start at the top of the new screen rather than on <body>.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const main = document.getElementById('main');
      if (!main || main.contains(document.activeElement)) return;
      const heading = main.querySelector('h1');
      if (!heading) return;
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [route]);

  // / goes to the patients screen's search; Ctrl/Cmd+K opens the quick-find palette over any screen
  // (on the patients screen its own search box, the same ranked search, takes the cursor instead).
  const findPatient = () => (route.name === 'patients' ? focusPatientSearch() : navigate({ name: 'patients' }));
  useShortcut({ key: 'k', mod: true, inFields: true }, () => (route.name === 'patients' ? focusPatientSearch() : setShowPalette(true)));
  useShortcut({ key: '/' }, findPatient);

  return (
    <>
      {/* inert, not unmounted: the screen and any half-typed form stay exactly as they were. */}
      <div className="desk" inert={locked}>
        <TopBar onShowShortcuts={() => setShowShortcuts(true)} />
        <main className="desk-main" id="main">
          {screen.render(route)}
        </main>
        <LeaveFormDialog />
        {showShortcuts && <ShortcutsDialog onClose={() => setShowShortcuts(false)} />}
        {showPalette && <CommandPalette onClose={() => setShowPalette(false)} onShowShortcuts={() => setShowShortcuts(true)} />}
      </div>
      {locked && <LockScreen />}
    </>
  );
}
