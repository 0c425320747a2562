// The earnings by doctor and by day as plain tables: received, Stripe fees, refunds, net.
import type { Sums } from './earnings-data';
import { formatMoney } from './money';

export function EarningsTable({ caption, first, rows, total, currency }: { caption: string; first: string; rows: (Sums & { label: string })[]; total: Sums; currency: string }) {
  const m = (n: number) => formatMoney(n, currency);
  return (
    <div className="table-card">
      <table className="data-table earn-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col" className="num">Payments</th>
            <th scope="col" className="num">Received</th>
            <th scope="col" className="num">Stripe fees</th>
            <th scope="col" className="num">Refunds</th>
            <th scope="col" className="num">Net</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td className="num">{r.count}</td>
              <td className="num">{m(r.gross)}</td>
              <td className="num">{r.stripeFees ? `−${m(r.stripeFees)}` : m(0)}</td>
              <td className="num">{r.refunds ? `−${m(r.refunds)}` : m(0)}</td>
              <td className="num strong">{m(r.net)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="num">{total.count}</td>
            <td className="num">{m(total.gross)}</td>
            <td className="num">{total.stripeFees ? `−${m(total.stripeFees)}` : m(0)}</td>
            <td className="num">{total.refunds ? `−${m(total.refunds)}` : m(0)}</td>
            <td className="num strong">{m(total.net)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
