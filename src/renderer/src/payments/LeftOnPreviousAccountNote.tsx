// After the clinic moved to another Stripe account: the old account's unpaid links are still open there, and only
// someone signed in to that account (or its key saved again) can switch them off — Anteroom says so instead of pretending it did.
import type { LeftOnPreviousAccount } from '../../../shared/payments';
import { useSession } from '../app/store';
import { formatPaidAt } from './time';

export function LeftOnPreviousAccountNote({ left }: { left: LeftOnPreviousAccount }) {
  const { timeZone } = useSession().clinic;
  const links = left.links === 1 ? '1 payment link' : `${left.links} payment links`;
  return (
    <div className="banner banner-warning" role="note">
      <span>
        <strong>
          {links} still open on the previous Stripe account <span className="mono">{left.accountId}</span>.
        </strong>{' '}
        When the key was changed ({formatPaidAt(left.at, timeZone)}), Anteroom made those appointments’ links again on this account, but it
        cannot reach the old ones with this key: a patient who still has one could pay into the old account without Anteroom seeing it. Sign in
        to that account’s Stripe Dashboard → Payment links and deactivate them. (If that account’s key is ever saved here again, Anteroom
        switches them off itself and records any payment made through them.)
      </span>
    </div>
  );
}
