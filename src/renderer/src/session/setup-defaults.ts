// Sensible first guesses for a new clinic's profile, taken from this computer's locale.
import type { ClinicProfileInput } from '../../../shared/clinic';

const CURRENCY_BY_COUNTRY: Record<string, string> = {
  GB: 'GBP', US: 'USD', CA: 'CAD', AU: 'AUD', NZ: 'NZD', IE: 'EUR', DE: 'EUR', FR: 'EUR', ES: 'EUR', IT: 'EUR',
  NL: 'EUR', BE: 'EUR', AT: 'EUR', PT: 'EUR', FI: 'EUR', CH: 'CHF', SE: 'SEK', NO: 'NOK', DK: 'DKK', PL: 'PLN',
  IN: 'INR', JP: 'JPY', SG: 'SGD', ZA: 'ZAR', MX: 'MXN', BR: 'BRL',
};

export function guessClinicDefaults(): ClinicProfileInput {
  const region = new Intl.Locale(navigator.language || 'en-GB').maximize().region ?? 'GB';
  return {
    name: '',
    address: '',
    phone: '',
    email: '',
    country: region,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/London',
    currency: CURRENCY_BY_COUNTRY[region] ?? '',
    lockAfterMinutes: 5,
  };
}
