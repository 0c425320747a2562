// Clinic settings → Backups: the daily copies of the clinic's data on this computer, and "Back up now".
import { useEffect, useState } from 'react';
import type { BackupsOverview } from '../../../shared/backups';
import { api, messageOf, unwrap } from '../api/client';
import { useSession } from '../app/store';
import { formatDate, todayIn } from '../format/dates';
import { toast } from '../ui/toasts';

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB`;

export function BackupsSection() {
  const { clinic } = useSession();
  const [overview, setOverview] = useState<BackupsOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    unwrap(api.backups.list({}))
      .then((o) => current && setOverview(o))
      .catch((e: unknown) => current && setError(messageOf(e)));
    return () => {
      current = false;
    };
  }, []);

  const backUpNow = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await unwrap(api.backups.takeNow({}));
      setOverview(result);
      toast(result.taken ? 'Today’s copy of the clinic’s data is saved.' : 'Today’s copy was already there; nothing more to do.');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const today = todayIn(clinic.timeZone);
  return (
    <section className="form-section backups" aria-labelledby="backups-title">
      <h2 id="backups-title" className="form-section-title">
        Backups
      </h2>
      <div>
        <p className="muted">
          Anteroom copies the clinic’s data every day and keeps the last {overview?.keep ?? 7} days on this computer. To be safe from a broken disk,
          fire or theft, also copy this folder to a USB drive or another computer from time to time:
        </p>
        {overview && <code className="backups-folder">{overview.folder}</code>}
        {overview && overview.copies.length === 0 && <p>No daily copy yet — the first is taken a minute after Anteroom starts, or now with Back up now.</p>}
        {overview && overview.copies.length > 0 && (
          <ul className="backups-list" aria-label="Daily copies">
            {overview.copies.map((c) => (
              <li key={c.day}>
                <span>{c.day === today ? `Today, ${formatDate(c.day)}` : formatDate(c.day)}</span>
                <span className="muted">{megabytes(c.bytes)}</span>
              </li>
            ))}
          </ul>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="button" className="button" onClick={() => void backUpNow()} disabled={busy || !overview} aria-busy={busy}>
          {busy ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
    </section>
  );
}
