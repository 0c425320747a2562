// Payment settings (administrators): the Stripe key (stored encrypted by main, shown back only as ••••1234),
// test/live badge, Test connection, and the advanced API address tests use to point Anteroom at a local server.
import { useState, type FormEvent } from 'react';
import { stripeApiBase, stripeModeOf, type ConnectionCheck } from '../../../shared/payments';
import { ApiError, api, messageOf, unwrap } from '../api/client';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { TextField } from '../ui/TextField';
import { toast } from '../ui/toasts';
import { ConnectionResult } from './ConnectionResult';
import { LeftOnPreviousAccountNote } from './LeftOnPreviousAccountNote';
import { ModeBadge } from './ModeBadge';
import { usePaymentSettings } from './usePaymentSettings';

type Errors = { secretKey?: string; apiBase?: string; form?: string };

export function PaymentSettingsScreen() {
  const { settings, error, setSettings } = usePaymentSettings();
  const [secretKey, setSecretKey] = useState('');
  const [apiBase, setApiBase] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [check, setCheck] = useState<ConnectionCheck | 'testing' | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);

  if (error) return <p className="screen form-error" role="alert">{error}</p>;
  if (!settings) return <div className="screen-loading" aria-busy="true" />;
  const canStore = settings.secureStorage.available;
  const base = apiBase ?? settings.apiBase;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const next: Errors = {};
    const key = secretKey.trim();
    if (key && stripeModeOf(key) === null) next.secretKey = 'Paste a Stripe secret or restricted key: it starts with sk_test_, sk_live_, rk_test_ or rk_live_.';
    if (!key && !settings.configured && canStore) next.secretKey = 'Paste the clinic’s Stripe key to turn on payment links.';
    const baseOk = stripeApiBase.safeParse(base);
    if (!baseOk.success) next.apiBase = baseOk.error.issues[0]?.message;
    setErrors(next);
    if (Object.keys(next).length) return;
    setSaving(true);
    try {
      const saved = await unwrap(api.payments.settingsSave({ secretKey: key || undefined, apiBase: base }));
      setSettings(saved);
      setSecretKey('');
      setApiBase(null);
      setCheck(null);
      // Another account confirmed for the new key; a move back to an earlier account may leave nothing behind.
      const moved =
        (saved.leftOnPreviousAccount !== null && saved.leftOnPreviousAccount.at !== settings.leftOnPreviousAccount?.at) ||
        (settings.accountId !== null && saved.accountId !== null && saved.accountId !== settings.accountId);
      toast(
        moved
          ? 'Stripe key saved. It belongs to another Stripe account, so the unpaid payment links are being made again there.'
          : key && saved.accountNotice
            ? 'Stripe key saved, but Stripe would not say which account it belongs to: the payment links were left as they are.'
            : key
            ? 'Stripe key saved. It is stored encrypted on this computer.'
            : 'Payment settings saved.',
      );
      // A new key or address is only useful if Stripe takes it: say so straight away.
      if (saved.configured) void testConnection();
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields : {};
      setErrors({ secretKey: fields.secretKey, apiBase: fields.apiBase, form: fields.secretKey || fields.apiBase ? undefined : messageOf(err) });
    } finally {
      setSaving(false);
    }
  };

  async function testConnection() {
    setCheck('testing');
    try {
      setCheck(await unwrap(api.payments.testConnection()));
    } catch (err) {
      setCheck({ ok: false, mode: null, problem: { code: 'stripe_rejected', message: messageOf(err) } });
    }
  }

  const removeKey = async () => {
    setSettings(await unwrap(api.payments.settingsSave({ removeKey: true })));
    setConfirmRemove(false);
    setCheck(null);
    toast('Stripe key removed. New appointments wait for a key before getting a payment link.');
  };

  return (
    <form className="screen settings-form pay-settings" onSubmit={save} noValidate aria-labelledby="pay-settings-title">
      <header className="screen-header">
        <div>
          <h1 id="pay-settings-title" className="screen-title">
            Payment settings
          </h1>
          <p className="screen-subtitle">
            Each appointment with a fee gets a Stripe payment link in {settings.currency ?? 'the clinic’s currency'}. Patients pay by card on
            Stripe’s page; Anteroom never sees the card.
          </p>
        </div>
      </header>

      <section className="form-section pay-key-status" aria-label="Stripe key">
        <h2 className="form-section-title">Stripe key</h2>
        {settings.configured ? (
          <p className="pay-key-line">
            <span className="mono" aria-label={`Key ending in ${settings.keyLast4 ?? ''}`}>
              ••••{settings.keyLast4}
            </span>
            <ModeBadge mode={settings.mode} />
            {settings.mode === 'test' && <span className="muted">Test mode: no real money moves.</span>}
            {settings.accountId && (
              <span className="muted mono">
                {settings.accountNotice ? 'Last confirmed account' : 'Account'} {settings.accountId}
              </span>
            )}
          </p>
        ) : (
          <p className="muted">No key saved yet. Appointments wait for one before they get a payment link.</p>
        )}
        {settings.leftOnPreviousAccount && <LeftOnPreviousAccountNote left={settings.leftOnPreviousAccount} />}
        {settings.accountNotice && (
          <div className="banner banner-warning" role="note">
            <span>
              <strong>Stripe account not confirmed.</strong> {settings.accountNotice}
            </span>
          </div>
        )}
        {!canStore && (
          <div className="banner banner-warning" role="alert">
            <span>
              <strong>This computer cannot keep the key safe.</strong> {settings.secureStorage.reason} Set up the system keyring (or use another
              computer), then come back.
            </span>
          </div>
        )}
        <div className="form-grid form-grid-1">
          <TextField
            label={settings.configured ? 'Replace key' : 'Secret or restricted key'}
            type="password"
            autoComplete="off"
            spellCheck={false}
            autoFocus={canStore}
            disabled={!canStore}
            placeholder="sk_live_… or rk_live_…"
            value={secretKey}
            onChange={(e) => setSecretKey(e.target.value)}
            error={errors.secretKey}
            hint="From the Stripe Dashboard → Developers → API keys. A restricted key needs Payment Links, Checkout Sessions, Payment Intents and Refunds."
          />
        </div>
        <details className="pay-advanced" open={errors.apiBase ? true : undefined}>
          <summary>Advanced</summary>
          <TextField
            label="Stripe API address"
            value={base}
            onChange={(e) => setApiBase(e.target.value)}
            error={errors.apiBase}
            hint="Leave as https://api.stripe.com unless your support person asks you to change it."
          />
        </details>
      </section>

      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <ConnectionResult check={check} />
      <div className="form-actions">
        {settings.configured && (
          <button type="button" className="button button-quiet" onClick={() => setConfirmRemove(true)}>
            Remove key
          </button>
        )}
        <button type="button" className="button" onClick={() => void testConnection()} disabled={!settings.configured || check === 'testing'}>
          Test connection
        </button>
        <button type="submit" className="button button-primary" disabled={saving}>
          Save
        </button>
      </div>
      {confirmRemove && (
        <ConfirmDialog
          title="Remove the Stripe key?"
          message="New appointments will not get payment links until a key is saved again. Links already made keep working."
          confirmLabel="Remove key"
          danger
          onConfirm={removeKey}
          onClose={() => setConfirmRemove(false)}
        />
      )}
    </form>
  );
}
