import type { LeadlensDb } from './db';

const AUTH_KEY = 'auth';

export type AuthStatus = 'ok' | 'unauthorized';

/**
 * Remembers that the API refused the token, across service-worker restarts, so the
 * outbox stays paused and the UI says "reconnect" until a new token is saved.
 */
export class AuthState {
  constructor(private readonly db: LeadlensDb) {}

  async status(): Promise<AuthStatus> {
    const row = await this.db.meta.get(AUTH_KEY);
    return row?.value === 'unauthorized' ? 'unauthorized' : 'ok';
  }

  async markUnauthorized(): Promise<void> {
    await this.db.meta.put({ key: AUTH_KEY, value: 'unauthorized' });
  }

  async clear(): Promise<void> {
    await this.db.meta.delete(AUTH_KEY);
  }
}
