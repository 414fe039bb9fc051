import { Knex } from 'knex';

type Listener = () => void;

const LISTENERS = Symbol.for('openitsm.itsm.committedWriteListeners');

type WatchedClient = Knex.Client & { [LISTENERS]?: Set<Listener> };

/** A statement that only reads (the rest may write, so they count). */
const READ_ONLY = /^\s*\(?\s*(select|show|pragma|explain)\b/i;
/** What a transaction sends itself; its end is seen on the transaction. */
const TRANSACTION_CONTROL =
  /^\s*(begin|start transaction|commit|rollback|savepoint|release savepoint)\b/i;

/**
 * Calls `listener` after every write through this knex client is visible to
 * other connections: after a write outside a transaction has answered, and
 * after a transaction has ended (committed or rolled back; a rollback calls
 * it needlessly, never wrongly). Reads, inside a transaction or not, do not.
 * Returns a function that stops the calls.
 *
 * Every store of the plugin writes through the one client, so a cache of
 * what they read can be dropped on the replica that wrote, at once.
 *
 * knex says when a statement answered ('query-response') but not when a
 * transaction committed, so this wraps the client's `transaction` (once per
 * client) to hear when each top-level transaction settles.
 */
export function onCommittedWrites(db: Knex, listener: Listener): () => void {
  const client = db.client as WatchedClient;
  const listeners = client[LISTENERS] ?? watch(db, client);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Hooks the client once; returns the listeners it tells. */
function watch(db: Knex, client: WatchedClient): Set<Listener> {
  const listeners = new Set<Listener>();
  client[LISTENERS] = listeners;
  const notify = () => listeners.forEach(each => each());
  db.on('query-response', (_response: unknown, query: QueryData) => {
    // Inside a transaction, nothing is visible before it ends
    if (query.__knexTxId) return;
    if (READ_ONLY.test(query.sql) || TRANSACTION_CONTROL.test(query.sql)) {
      return;
    }
    notify();
  });
  const transaction = client.transaction;
  client.transaction = function watchedTransaction(
    this: Knex.Client,
    ...args: Parameters<Knex.Client['transaction']>
  ) {
    const trx = transaction.apply(this, args);
    // Settled once committed or rolled back (a Transaction is a thenable)
    (trx as unknown as PromiseLike<unknown>).then(notify, notify);
    return trx;
  } as Knex.Client['transaction'];
  return listeners;
}

interface QueryData {
  sql: string;
  __knexTxId?: string;
}
