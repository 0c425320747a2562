// A keyboard key hint, e.g. <Kbd>Ctrl K</Kbd>; hidden from screen readers, which get aria-keyshortcuts.
export function Kbd({ children }: { children: string }) {
  return (
    <kbd className="kbd" aria-hidden="true">
      {children}
    </kbd>
  );
}

export const MOD_LABEL = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';
