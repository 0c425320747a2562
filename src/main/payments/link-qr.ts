// The payment link as an SVG QR code for the patient to scan at the desk.
import QRCode from 'qrcode';
import type { Db } from '../db/client';
import { invalidField, notFound } from '../ipc/errors';
import { paymentRow } from './records';

export async function linkQr(db: Db, paymentId: number): Promise<{ url: string; svg: string; dataUrl: string }> {
  const row = paymentRow(db, paymentId);
  if (!row || row.kind !== 'stripe_link') throw notFound('That payment link');
  if (row.status !== 'link_ready' || !row.stripeLinkUrl) throw invalidField('paymentId', 'This link is not ready to pay yet.');
  const svg = await QRCode.toString(row.stripeLinkUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  // The data URL drops straight into <img src> under the app's CSP (img-src data:).
  return { url: row.stripeLinkUrl, svg, dataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}
