// Takes the next number of a named counter; call inside the transaction that uses it.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

type Tx = Pick<Db, 'get'>;

export function nextInSequence(tx: Tx, name: string): number {
  const row = tx.get<{ value: number }>(
    sql`INSERT INTO sequences (name, value) VALUES (${name}, 1)
        ON CONFLICT(name) DO UPDATE SET value = value + 1
        RETURNING value`,
  );
  return row.value;
}
