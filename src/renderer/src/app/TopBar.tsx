// The bar across the top: clinic name, the sections this user may open, who is signed in, Sign out.
import { ROLE_LABELS, roleAllows } from '../../../shared/roles';
import { PrivacyToggle } from '../privacy/PrivacyToggle';
import { signOut } from '../session/sign-out';
import { NAV_ROUTES, screenOf } from './screens';
import { useApp, useSession } from './store';

export function TopBar({ onShowShortcuts }: { onShowShortcuts(): void }) {
  const session = useSession();
  const route = useApp((s) => s.route);
  const navigate = useApp((s) => s.navigate);
  const current = screenOf(route).section;
  const entries = NAV_ROUTES.flatMap((target) => {
    const nav = screenOf(target).nav;
    return nav && roleAllows(session.user.role, nav.permission) ? [{ target, label: nav.label }] : [];
  });
  return (
    <header className="topbar">
      <div className="topbar-brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="topbar-clinic">{session.clinic.name}</span>
      </div>
      <nav className="topbar-nav" aria-label="Main">
        {entries.map(({ target, label }) => (
          <button
            key={target.name}
            type="button"
            className="nav-link"
            aria-current={current === target.name ? 'page' : undefined}
            onClick={() => navigate(target)}
          >
            {label}
          </button>
        ))}
      </nav>
      <div className="topbar-user">
        <PrivacyToggle />
        <span className="topbar-user-name">
          {session.user.displayName}
          <span className="topbar-user-role">{ROLE_LABELS[session.user.role]}</span>
        </span>
        <button type="button" className="icon-button" onClick={onShowShortcuts} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
          ?
        </button>
        <button type="button" className="button button-quiet" onClick={signOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
