import type { LeadlensDb } from './db';

const AUTH_KEY = 'auth';

export type AuthStatus = 'ok' | 'unauthorized';

/**
 * Remembers that the API refused the token, across service-worker restarts, so the
 * outbox stays paused and the UI says "reconnect" until a new token is saved.
 *
 * Every answer to a page asks for the status, so it is held in memory once read: this class is
 * the only writer of its row, and a read of it was one more IndexedDB round trip in each card's
 * answer (`npm run bench:overlay`).
 */
export class AuthState {
  /** undefined: not read yet. */
  private held: AuthStatus | undefined;
  /** Bumped by every write, so a read that started before one cannot hold what it read. */
  private generation = 0;

  constructor(private readonly db: LeadlensDb) {}

  async status(): Promise<AuthStatus> {
    if (this.held !== undefined) return this.held;
    const generation = this.generation;
    const row = await this.db.meta.get(AUTH_KEY);
    const status: AuthStatus = row?.value === 'unauthorized' ? 'unauthorized' : 'ok';
    if (generation === this.generation) this.held = status;
    return status;
  }

  async markUnauthorized(): Promise<void> {
    this.generation += 1;
    this.held = undefined;
    await this.db.meta.put({ key: AUTH_KEY, value: 'unauthorized' });
    this.held = 'unauthorized';
  }

  async clear(): Promise<void> {
    this.generation += 1;
    this.held = undefined;
    await this.db.meta.delete(AUTH_KEY);
    this.held = 'ok';
  }
}
