// Loads the clinic's Stripe settings (never the key itself — main keeps it) and lets the screen replace them after a save.
import { useEffect, useState } from 'react';
import type { PaymentSettings } from '../../../shared/payments';
import { api, messageOf, unwrap } from '../api/client';

export function usePaymentSettings() {
  const [settings, setSettings] = useState<PaymentSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    unwrap(api.payments.settingsGet())
      .then((s) => current && setSettings(s))
      .catch((e: unknown) => current && setError(messageOf(e)));
    return () => {
      current = false;
    };
  }, []);
  return { settings, error, setSettings };
}
