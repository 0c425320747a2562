// A local stand-in for the Stripe API on 127.0.0.1: a real HTTP server speaking the endpoints Anteroom uses,
// recording every request and scriptable to fail (timeouts, 5xx, 401, 403, 429), to mark a link paid, to answer a
// refund as pending and settle it later, and to stand for another Stripe account (GET /v1/account): as on Stripe,
// a key sees only its own account's links, payments and refunds.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parseForm, type Form } from './stripe-form';

export { parseForm, type Form };

export interface RecordedRequest {
  method: string;
  path: string;
  query: Form;
  body: Form;
  headers: Record<string, string>;
  idempotencyKey: string | null;
  authorization: string | null;
}

/** What the server does with a matching request. `delayMs` answers late but has already done the work (like a slow network). */
export type Behaviour =
  | { kind: 'ok'; delayMs?: number }
  | { kind: 'fail'; status: 401 | 403 | 404 | 429 | 500 | 503; delayMs?: number }
  | { kind: 'hang' };

interface Rule {
  method?: string;
  path?: RegExp;
  /** Only requests made with this secret key. */
  key?: string;
  behaviour: Behaviour;
  /** How many requests it applies to; Infinity for "until cleared". */
  times: number;
}

interface Link {
  id: string;
  object: 'payment_link';
  active: boolean;
  url: string;
  metadata: Form;
  amount: number;
  currency: string;
  productName: string;
  restrictions: { completed_sessions: { count: number; limit: number } } | null;
  /** The account whose key made it: another account's key gets 404 for it, as on Stripe. */
  account: string;
}

interface Intent {
  id: string;
  amount: number;
  currency: string;
  chargeId: string;
  created: number;
  fee: number;
  refunded: number;
  /** The link's account: another account's key gets 404 for the payment and its refunds. */
  account: string;
}

/** What Stripe says of a refund: pending until the bank confirms it for many payment methods. */
export type RefundStatus = 'succeeded' | 'pending' | 'requires_action' | 'failed' | 'canceled';

export interface FakeRefund {
  id: string;
  object: 'refund';
  payment_intent: string;
  amount: number;
  currency: string;
  status: RefundStatus;
  failure_reason: string | null;
  metadata: Form;
}

const ERROR_TYPES: Record<number, string> = {
  401: 'authentication_error',
  403: 'permission_error',
  404: 'invalid_request_error',
  429: 'rate_limit_error',
  500: 'api_error',
  503: 'api_error',
};

export class FakeStripe {
  readonly requests: RecordedRequest[] = [];
  readonly links = new Map<string, Link>();
  readonly intents = new Map<string, Intent>();
  readonly refunds: FakeRefund[] = [];
  /** How a new refund is answered: 'succeeded' (cards, usually) or 'pending' / 'requires_action' (many other methods). */
  refundStatus: 'succeeded' | 'pending' | 'requires_action' = 'succeeded';
  /** The account every key reaches (GET /v1/account), unless `accounts` names the key's own. */
  accountId = 'acct_1FAKEclinic0001';
  /** Secret key → account id, for a clinic that moves to another Stripe account. */
  readonly accounts = new Map<string, string>();
  private readonly sessions: { id: string; link: string; intent: string; amount: number; currency: string; created: number }[] = [];
  /** Refund id → the account it was made on (kept apart so refunds answer in Stripe's own shape). */
  private readonly refundAccounts = new Map<string, string>();
  private readonly idempotent = new Map<string, { params: string; status: number; body: unknown }>();
  private readonly sockets = new Set<Socket>();
  private rules: Rule[] = [];
  private seq = 0;
  private server: Server | null = null;
  port = 0;

  get apiBase(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Stops listening and drops open connections (a "network down" for anyone still waiting). */
  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  /** The next `times` matching requests get this behaviour (default: every matching request until cleared). */
  script(behaviour: Behaviour, match: { method?: string; path?: RegExp; key?: string; times?: number } = {}): void {
    this.rules.push({ method: match.method, path: match.path, key: match.key, behaviour, times: match.times ?? Infinity });
  }

  /** Stripe keeps an idempotency key for 24 hours: after that, the same key makes a new object. */
  forgetIdempotencyKeys(): void {
    this.idempotent.clear();
  }

  clearScripts(): void {
    this.rules = [];
  }

  /** A test's setup (saving the key asks GET /v1/account) out of the way of what the test then counts. */
  forgetRequests(): void {
    this.requests.length = 0;
  }

  requestsTo(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  /** The patient pays the link: a completed, paid Checkout Session with a charge and Stripe's fee. */
  markPaid(linkId: string, opts: { fee?: number; at?: Date } = {}): { sessionId: string; paymentIntentId: string } {
    const link = this.links.get(linkId);
    if (!link) throw new Error(`no link ${linkId}`);
    const created = Math.floor((opts.at ?? new Date()).getTime() / 1000);
    const intent: Intent = {
      id: this.id('pi'),
      amount: link.amount,
      currency: link.currency,
      chargeId: this.id('ch'),
      created,
      fee: opts.fee ?? Math.round(link.amount * 0.015) + 20,
      refunded: 0,
      account: link.account,
    };
    this.intents.set(intent.id, intent);
    const session = { id: this.id('cs'), link: linkId, intent: intent.id, amount: link.amount, currency: link.currency, created };
    this.sessions.push(session);
    if (link.restrictions) link.restrictions.completed_sessions.count += 1;
    return { sessionId: session.id, paymentIntentId: intent.id };
  }

  /** The bank's answer to a pending refund: succeeded, or failed / canceled (the money stays with the clinic). */
  settleRefund(refundId: string, outcome: 'succeeded' | 'failed' | 'canceled'): void {
    const refund = this.refunds.find((r) => r.id === refundId);
    if (!refund) throw new Error(`no refund ${refundId}`);
    refund.status = outcome;
    if (outcome === 'succeeded') return;
    refund.failure_reason = outcome === 'failed' ? 'expired_or_canceled_card' : null;
    const pi = this.intents.get(refund.payment_intent);
    if (pi) pi.refunded -= refund.amount;
  }

  private id(prefix: string): string {
    return `${prefix}_test${String(++this.seq).padStart(6, '0')}`;
  }

  private takeRule(rec: RecordedRequest): Behaviour {
    const { method, path } = rec;
    const key = (rec.authorization ?? '').replace(/^Bearer /, '');
    const rule = this.rules.find((r) => r.times > 0 && (!r.method || r.method === method) && (!r.path || r.path.test(path)) && (!r.key || r.key === key));
    if (!rule) return { kind: 'ok' };
    rule.times -= 1;
    return rule.behaviour;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));
    const rec: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: parseForm(url.search.slice(1)),
      body: parseForm(Buffer.concat(chunks).toString('utf8')),
      headers,
      idempotencyKey: headers['idempotency-key'] ?? null,
      authorization: headers.authorization ?? null,
    };
    this.requests.push(rec);
    const behaviour = this.takeRule(rec);
    if (behaviour.kind === 'hang') return; // never answers; the client times out
    let status: number;
    let body: unknown;
    if (behaviour.kind === 'fail') {
      status = behaviour.status;
      body = { error: { type: ERROR_TYPES[status], message: `Scripted ${status}`, code: status === 429 ? 'rate_limit' : undefined } };
    } else {
      [status, body] = this.answer(rec);
    }
    if (behaviour.delayMs) await new Promise((r) => setTimeout(r, behaviour.delayMs));
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${this.seq}` });
    res.end(JSON.stringify(body));
  }

  /** Replays the first answer for a repeated Idempotency-Key, as Stripe does. */
  private answer(rec: RecordedRequest): [number, unknown] {
    if (rec.method !== 'POST' || !rec.idempotencyKey) return this.route(rec);
    const params = JSON.stringify(rec.body);
    const seen = this.idempotent.get(rec.idempotencyKey);
    if (seen) {
      if (seen.params !== params) return [400, { error: { type: 'idempotency_error', message: 'Keys for idempotent requests can only be used with the same parameters.' } }];
      return [seen.status, seen.body];
    }
    const [status, body] = this.route(rec);
    if (status < 500) this.idempotent.set(rec.idempotencyKey, { params, status, body });
    return [status, body];
  }

  private route(rec: RecordedRequest): [number, unknown] {
    const { method, path } = rec;
    let m: RegExpExecArray | null;
    if (method === 'POST' && path === '/v1/payment_links') return [200, this.createLink(rec.body, this.accountOf(rec))];
    if ((m = /^\/v1\/payment_links\/([\w]+)$/.exec(path)) && method === 'POST') {
      const link = this.links.get(m[1]!);
      if (!link || link.account !== this.accountOf(rec)) return notFound('payment_link');
      if (rec.body.active !== undefined) link.active = rec.body.active === 'true';
      return [200, link];
    }
    if (method === 'GET' && path === '/v1/payment_links') return [200, list([...this.links.values()].slice(0, Number(rec.query.limit ?? 10)))];
    if (method === 'GET' && path === '/v1/checkout/sessions') {
      const linkId = rec.query.payment_link;
      if (typeof linkId === 'string' && this.links.get(linkId)?.account !== this.accountOf(rec)) return notFound('payment_link');
      const rows = this.sessions.filter((s) => s.link === linkId);
      return [200, list(rows.map((s) => ({ id: s.id, object: 'checkout.session', status: 'complete', payment_status: 'paid', payment_link: s.link, payment_intent: s.intent, amount_total: s.amount, currency: s.currency, created: s.created, metadata: this.links.get(s.link)?.metadata ?? {} })))];
    }
    if ((m = /^\/v1\/payment_intents\/([\w]+)$/.exec(path)) && method === 'GET') {
      const pi = this.intents.get(m[1]!);
      if (!pi || pi.account !== this.accountOf(rec)) return notFound('payment_intent');
      const expand = ([] as unknown[]).concat(rec.query.expand ?? []);
      const bt = { id: `txn_${pi.chargeId}`, object: 'balance_transaction', amount: pi.amount, fee: pi.fee, net: pi.amount - pi.fee, currency: pi.currency };
      const charge = { id: pi.chargeId, object: 'charge', created: pi.created, amount: pi.amount, balance_transaction: expand.includes('latest_charge.balance_transaction') ? bt : bt.id };
      return [200, { id: pi.id, object: 'payment_intent', amount: pi.amount, currency: pi.currency, status: 'succeeded', latest_charge: expand.length ? charge : charge.id }];
    }
    if (method === 'POST' && path === '/v1/refunds') {
      const pi = this.intents.get(String(rec.body.payment_intent));
      if (!pi || pi.account !== this.accountOf(rec)) return notFound('payment_intent');
      const amount = rec.body.amount ? Number(rec.body.amount) : pi.amount - pi.refunded;
      if (amount > pi.amount - pi.refunded) return [400, { error: { type: 'invalid_request_error', code: 'amount_too_large', message: 'Refund amount is greater than unrefunded amount.' } }];
      pi.refunded += amount;
      const metadata = (rec.body.metadata as Form | undefined) ?? {};
      const refund: FakeRefund = { id: this.id('re'), object: 'refund', amount, payment_intent: pi.id, status: this.refundStatus, failure_reason: null, currency: pi.currency, metadata };
      this.refunds.push(refund);
      this.refundAccounts.set(refund.id, pi.account);
      return [200, { ...refund }];
    }
    if ((m = /^\/v1\/refunds\/([\w]+)$/.exec(path)) && method === 'GET') {
      const refundId = m[1];
      const refund = this.refunds.find((r) => r.id === refundId);
      return refund && this.refundAccounts.get(refund.id) === this.accountOf(rec) ? [200, { ...refund }] : notFound('refund');
    }
    if (method === 'GET' && path === '/v1/refunds') {
      const account = this.accountOf(rec);
      const pi = typeof rec.query.payment_intent === 'string' ? this.intents.get(rec.query.payment_intent) : undefined;
      if (pi && pi.account !== account) return notFound('payment_intent');
      const rows = this.refunds.filter((r) => this.refundAccounts.get(r.id) === account && (rec.query.payment_intent === undefined || r.payment_intent === rec.query.payment_intent));
      return [200, list(rows.slice(0, Number(rec.query.limit ?? 10)))];
    }
    if (method === 'POST' && path === '/v1/prices') {
      return [200, { id: this.id('price'), object: 'price', unit_amount: Number(rec.body.unit_amount), currency: rec.body.currency }];
    }
    if (method === 'GET' && path === '/v1/account') return [200, { id: this.accountOf(rec), object: 'account', country: 'GB', default_currency: 'gbp' }];
    if (method === 'GET' && path === '/v1/balance') return [200, { object: 'balance', available: [], pending: [], livemode: false }];
    return notFound('route');
  }

  private accountOf(rec: RecordedRequest): string {
    return this.accounts.get((rec.authorization ?? '').replace(/^Bearer /, '')) ?? this.accountId;
  }

  private createLink(body: Form, account: string): Link {
    const items = body.line_items as Form[] | undefined;
    const priceData = (items?.[0]?.price_data ?? {}) as Form;
    const limit = ((body.restrictions as Form | undefined)?.completed_sessions as Form | undefined)?.limit;
    const id = this.id('plink');
    const link: Link = {
      id,
      object: 'payment_link',
      active: true,
      url: `https://buy.stripe.test/${id}`,
      metadata: (body.metadata as Form | undefined) ?? {},
      amount: Number(priceData.unit_amount ?? 0),
      currency: String(priceData.currency ?? ''),
      productName: String((priceData.product_data as Form | undefined)?.name ?? ''),
      restrictions: limit ? { completed_sessions: { count: 0, limit: Number(limit) } } : null,
      account,
    };
    this.links.set(id, link);
    return link;
  }
}

const list = (data: unknown[]) => ({ object: 'list', data, has_more: false, url: '/v1/list' });
const notFound = (what: string): [number, unknown] => [404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${what}` } }];

export async function startFakeStripe(): Promise<FakeStripe> {
  return new FakeStripe().start();
}
