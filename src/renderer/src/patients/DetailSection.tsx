// A titled group of label/value pairs on the patient's page; blanks say "Not recorded" rather than vanish.
import type { ReactNode } from 'react';

export function DetailSection({ title, rows, children }: { title: string; rows?: [string, ReactNode][]; children?: ReactNode }) {
  return (
    <section className="detail-section" aria-label={title}>
      <h2 className="detail-section-title">{title}</h2>
      {rows && (
        <dl className="detail-list">
          {rows.map(([label, value]) => (
            <div key={label} className="detail-row">
              <dt>{label}</dt>
              <dd>{value === null || value === '' ? <span className="muted">Not recorded</span> : value}</dd>
            </div>
          ))}
        </dl>
      )}
      {children}
    </section>
  );
}
