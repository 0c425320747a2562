// A large QR code of the payment link for the patient to scan with their phone at the desk.
import { useEffect, useState } from 'react';
import type { Payment } from '../../../shared/payments';
import { api, messageOf, unwrap } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { copyLink } from './clipboard';
import { formatMoney } from './money';

export function QrDialog({ link, onClose }: { link: Payment; onClose(): void }) {
  const [qr, setQr] = useState<{ url: string; dataUrl: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    unwrap(api.payments.linkQr({ paymentId: link.id }))
      .then((q) => current && setQr(q))
      .catch((e: unknown) => current && setError(messageOf(e)));
    return () => {
      current = false;
    };
  }, [link.id]);
  const copy = () => qr && void copyLink(qr.url);
  return (
    <Dialog title="Scan to pay" description={`${formatMoney(link.amount, link.currency)} by card on Stripe’s secure page.`} onClose={onClose} size="medium">
      <div className="pay-qr">
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {!qr && !error && <div className="pay-qr-placeholder" aria-busy="true" />}
        {/* An <img> of the SVG (img-src data: in the CSP): the markup never becomes part of the page. */}
        {qr && <img className="pay-qr-image" src={qr.dataUrl} alt="QR code of the payment link" />}
        <p className="muted">Point the phone’s camera at the code. The link works once; it closes after payment.</p>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={copy} disabled={!qr}>
          Copy link
        </button>
        <button type="button" className="button button-primary" onClick={onClose} autoFocus>
          Done
        </button>
      </div>
    </Dialog>
  );
}
