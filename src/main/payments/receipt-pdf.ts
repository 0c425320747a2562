// Draws a numbered one-page receipt with pdf-lib; the receipt number is also the PDF's title.
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { PAYMENT_KIND_LABELS } from '../../shared/payments';
import { formatMoney } from '../../shared/payments-format';
import type { ReceiptData } from './receipt-data';

/** Standard PDF fonts cover Latin-1 only: other characters print as "?" rather than failing the receipt. */
function printable(font: PDFFont, text: string): string {
  let out = '';
  for (const ch of text) {
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      out += '?';
    }
  }
  return out;
}

const when = (instant: string | number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'long', timeStyle: 'short' }).format(new Date(instant));

export async function renderReceiptPdf(r: ReceiptData): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Receipt ${r.receiptNumber}`);
  doc.setSubject(`Receipt ${r.receiptNumber} from ${r.clinic.name}`);
  doc.setCreator('Anteroom');
  doc.setProducer('Anteroom');
  const page = doc.addPage([595.28, 841.89]); // A4
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let y = 790;
  const line = (text: string, opts: { size?: number; strong?: boolean; gap?: number } = {}) => {
    const f = opts.strong ? bold : font;
    draw(page, f, printable(f, text), 50, y, opts.size ?? 11);
    y -= opts.gap ?? (opts.size ?? 11) + 7;
  };
  const row = (label: string, value: string) => {
    draw(page, font, printable(font, label), 50, y, 11);
    draw(page, bold, printable(bold, value), 260, y, 11);
    y -= 18;
  };
  const money = (minor: number) => formatMoney(minor, r.payment.currency, { code: true });

  line(r.clinic.name, { size: 18, strong: true, gap: 22 });
  for (const part of [r.clinic.address, r.clinic.phone, r.clinic.email]) if (part) line(part, { size: 10 });
  y -= 16;
  line(`Receipt ${r.receiptNumber}`, { size: 15, strong: true, gap: 26 });

  row('Patient', r.patient.name);
  row('Medical record number', r.patient.mrn);
  row('Appointment', `#${r.appointment.id}, ${when(r.appointment.startsAt, r.clinic.timeZone)}`);
  row('Doctor', r.appointment.providerName);
  y -= 10;
  row('Consultation fee', money(r.appointment.fee));
  row('Paid', `${money(r.payment.amount)} on ${when(r.payment.paidAt, r.clinic.timeZone)}`);
  row('Method', PAYMENT_KIND_LABELS[r.payment.kind]);
  const refunded = r.refunds.reduce((sum, x) => sum + x.amount, 0);
  if (refunded > 0) row('Refunded', money(refunded));
  row('Balance received', money(r.payment.amount - refunded));
  if (r.payment.stripeReference) row('Stripe reference', r.payment.stripeReference);
  y -= 24;
  line(`Times are shown in ${r.clinic.timeZone}. Thank you.`, { size: 9 });

  // Plain, uncompressed objects keep the file simple for any viewer and printer.
  return doc.save({ useObjectStreams: false });
}

function draw(page: PDFPage, font: PDFFont, text: string, x: number, y: number, size: number): void {
  page.drawText(text, { x, y, size, font, color: rgb(0.1, 0.1, 0.12) });
}
