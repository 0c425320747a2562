// Hot-path SQL for code that runs inside every booking: cached prepared statements on the connection when the
// handle is the Db itself (as scheduling passes it), plain drizzle SQL otherwise. Same text, same parameters.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { statement } from '../scheduling/statements';

export type SqlTx = Pick<Db, 'run' | 'get' | 'all'>;

const cached = (tx: SqlTx): Db | null => ('$client' in tx ? (tx as Db) : null);

function toSql(text: string, params: unknown[]): SQL {
  const parts = text.split('?');
  const chunks: SQL[] = [sql.raw(parts[0] ?? '')];
  params.forEach((p, i) => chunks.push(sql`${p}`, sql.raw(parts[i + 1] ?? '')));
  return sql.join(chunks);
}

export function sqlOne<T>(tx: SqlTx, text: string, ...params: unknown[]): T | undefined {
  const db = cached(tx);
  return db ? (statement(db, text).get(...params) as T | undefined) : tx.get<T | undefined>(toSql(text, params));
}

export function sqlAll<T>(tx: SqlTx, text: string, ...params: unknown[]): T[] {
  const db = cached(tx);
  return db ? (statement(db, text).all(...params) as T[]) : tx.all<T>(toSql(text, params));
}

export function sqlRun(tx: SqlTx, text: string, ...params: unknown[]): void {
  const db = cached(tx);
  if (db) statement(db, text).run(...params);
  else tx.run(toSql(text, params));
}
