import pg from 'pg';

/**
 * Tells every instance to drop a cached session or every cached session of a user (a sign-out, a role change,
 * a deleted account), so the change applies everywhere at once. One instance (SQLite): nothing to tell.
 * Several on PostgreSQL: NOTIFY on a channel every instance LISTENs to, over its own connection.
 */
export interface SessionBus {
  publish(kind: 'user' | 'session', id: string): void;
  subscribe(onMessage: (kind: 'user' | 'session', id: string) => void): void;
  close(): Promise<void>;
}

export const CHANNEL = 'certprep_sessions';

export const localBus: SessionBus = { publish: () => {}, subscribe: () => {}, close: async () => {} };

/** A bus over PostgreSQL LISTEN/NOTIFY; `onError` hears a lost connection (the server then logs it). */
export async function postgresBus(url: string, onError: (e: unknown) => void = () => {}): Promise<SessionBus> {
  const listener = new pg.Client({ connectionString: url });
  const sender = new pg.Pool({ connectionString: url, max: 1 });
  await listener.connect();
  await listener.query(`LISTEN ${CHANNEL}`);
  const handlers: ((kind: 'user' | 'session', id: string) => void)[] = [];
  listener.on('notification', (msg) => {
    const [kind, id] = (msg.payload ?? '').split(':', 2) as ['user' | 'session', string];
    if ((kind === 'user' || kind === 'session') && id) for (const h of handlers) h(kind, id);
  });
  listener.on('error', onError);
  return {
    publish(kind, id) {
      sender.query('select pg_notify($1, $2)', [CHANNEL, `${kind}:${id}`]).catch(onError);
    },
    subscribe(onMessage) {
      handlers.push(onMessage);
    },
    async close() {
      await listener.end().catch(() => {});
      await sender.end().catch(() => {});
    },
  };
}
