// The desk's list tables: a card, labelled column headers and an unlabelled-looking (but named) actions column.
import type { ReactNode } from 'react';

interface DataTableProps {
  /** Names the table for screen readers, e.g. "Doctors". */
  label: string;
  columns: string[];
  /** Read out for the last, button-only column (e.g. "Actions", "Remove"); omitted: no such column. */
  actionsLabel?: string;
  className?: string;
  /** The <tr> rows. */
  children: ReactNode;
}

export function DataTable({ label, columns, actionsLabel, className, children }: DataTableProps) {
  return (
    <div className="table-card">
      <table className={className ? `data-table ${className}` : 'data-table'} aria-label={label}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
            {actionsLabel && (
              <th scope="col">
                <span className="visually-hidden">{actionsLabel}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
