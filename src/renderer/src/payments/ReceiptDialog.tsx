// Shows a payment's numbered receipt PDF in the app (a Blob URL in an iframe), with Save and Print.
import { useEffect, useRef, useState } from 'react';
import { api, messageOf, unwrap } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { toast } from '../ui/toasts';

function pdfBlobUrl(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

export function ReceiptDialog({ paymentId, onClose }: { paymentId: number; onClose(): void }) {
  const [pdf, setPdf] = useState<{ url: string; fileName: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);

  useEffect(() => {
    let url: string | null = null;
    let current = true;
    unwrap(api.payments.receiptPdf({ paymentId }))
      .then((r) => {
        if (!current) return;
        url = pdfBlobUrl(r.base64);
        setPdf({ url, fileName: r.fileName });
      })
      .catch((e: unknown) => current && setError(messageOf(e)));
    return () => {
      current = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [paymentId]);

  // The PDF viewer in the frame prints just the receipt, not the desk around it. (#navpanes=0 in its address
  // hides the thumbnail column: one page needs no overview.)
  const print = () => {
    try {
      frame.current?.contentWindow?.print();
    } catch {
      toast('Printing did not start here. Save the receipt and print the PDF instead.', 'error');
    }
  };

  return (
    <Dialog
      title={pdf ? `Receipt ${pdf.fileName.replace(/^receipt-/, '').replace(/\.pdf$/, '')}` : 'Receipt'}
      description="Save keeps a PDF copy for the patient or your records; Print sends it to the printer."
      onClose={onClose}
      size="medium"
    >
      <div className="pay-receipt">
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {!pdf && !error && <div className="pay-receipt-placeholder" aria-busy="true" />}
        {pdf && <iframe ref={frame} className="pay-receipt-frame" src={`${pdf.url}#navpanes=0&view=FitH`} title="Receipt PDF" />}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
        {pdf && (
          <a className="button" href={pdf.url} download={pdf.fileName}>
            Save
          </a>
        )}
        <button type="button" className="button button-primary" onClick={print} disabled={!pdf} autoFocus>
          Print
        </button>
      </div>
    </Dialog>
  );
}
