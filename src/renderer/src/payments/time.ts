// Short times for the payment screens: "21 Nov 2026, 10:42" in the clinic's time zone, and "in 3 minutes".
export function formatPaidAt(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

export function formatClock(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

/** When the background retry runs next, in words a receptionist reads at a glance. */
export function retryWords(iso: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (seconds <= 5) return 'any moment now';
  if (seconds < 60) return `in ${seconds} seconds`;
  const minutes = Math.round(seconds / 60);
  return minutes === 1 ? 'in about a minute' : `in about ${minutes} minutes`;
}

/** "Sat 21 Nov, 10:00": the visit a payment belongs to. */
export function formatAppointment(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}
