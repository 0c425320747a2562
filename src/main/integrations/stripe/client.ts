// Builds the official Stripe SDK client against a configurable API base (real Stripe, or a local server in tests).
import Stripe from 'stripe';

export interface StripeEndpoint {
  protocol: 'http' | 'https';
  host: string;
  port: number;
}

export interface StripeConnection {
  secretKey: string;
  endpoint: StripeEndpoint;
  /** Per request; a desk must never wait long on the network. */
  timeoutMs: number;
}

/** "https://api.stripe.com" → { protocol, host, port }. The address is validated when it is saved. */
export function endpointOf(apiBase: string): StripeEndpoint {
  const u = new URL(apiBase);
  const protocol = u.protocol === 'http:' ? 'http' : 'https';
  return { protocol, host: u.hostname.replace(/^\[|\]$/g, ''), port: u.port ? Number(u.port) : protocol === 'http' ? 80 : 443 };
}

export function makeStripeClient(c: StripeConnection): Stripe {
  return new Stripe(c.secretKey, {
    host: c.endpoint.host,
    port: c.endpoint.port,
    protocol: c.endpoint.protocol,
    // Our own queue retries with backoff and the same idempotency key; SDK retries would hide outages from it.
    maxNetworkRetries: 0,
    timeout: c.timeoutMs,
    telemetry: false,
    appInfo: { name: 'Anteroom' },
  });
}
