import type { OutboxItemView, OutboxState } from '../lib/messages';
import type { ApiClient } from './apiClient';
import { isApiError, isQuotaError, StorageFullError } from './apiErrors';
import type { AuthState } from './authState';
import type { LeadlensDb, OutboxAction, OutboxRow } from './db';
import type { Notifier } from './notifier';

export const OUTBOX_BASE_DELAY_MS = 2_000;
export const OUTBOX_MAX_DELAY_MS = 15 * 60_000;
/** Longer than a request can take (timeout 8 s), so only a dead worker's lease ever lapses. */
export const OUTBOX_LEASE_MS = 30_000;

export interface OutboxOptions {
  db: LeadlensDb;
  api: ApiClient;
  authState: AuthState;
  notifier: Notifier;
  now: () => number;
  /** Asks to be woken at `at` (an alarm survives the service worker being stopped). */
  scheduleWake: (at: number) => void;
  /** Told after the API confirmed an action, so cached lookups of that lead are refreshed. */
  onDelivered?: (action: OutboxAction) => void;
  random?: () => number;
  newId?: () => string;
  baseDelayMs?: number;
  maxDelayMs?: number;
  leaseMs?: number;
}

/**
 * Writes the user made (connect attempts, accept, return) are stored here first and then sent
 * in order, retried with backoff until the API confirms them. Each keeps the id it got at
 * enqueue as its `Idempotency-Key`, so a retry after a lost response or a restarted service
 * worker is the same request and the API applies it once.
 */
export class Outbox {
  private draining: Promise<void> | null = null;
  private notConfigured = false;
  /** Why the last pass stopped on a local storage error (quota); shown until a pass gets through. */
  private storageError: string | null = null;

  constructor(private readonly options: OutboxOptions) {}

  async enqueue(action: OutboxAction): Promise<OutboxItemView> {
    const { db, now } = this.options;
    const newId = this.options.newId ?? (() => crypto.randomUUID());
    // Stamped with the click time: an attempt logged offline must count for the SLA when it was made.
    const stamped = {
      ...action,
      body: { ...action.body, at: action.body.at ?? new Date(now()).toISOString() },
    } as OutboxAction;
    let row: OutboxRow;
    try {
      row = await db.transaction('rw', db.outbox, async () => {
        const last = await db.outbox.orderBy('seq').last();
        const created: OutboxRow = {
          id: newId(),
          seq: (last?.seq ?? 0) + 1,
          action: stamped,
          state: 'pending',
          attempts: 0,
          createdAt: now(),
          nextAttemptAt: now(),
          leaseUntil: 0,
          lastError: null,
        };
        await db.outbox.add(created);
        return created;
      });
    } catch (error) {
      // Not stored means not queued: the click must fail visibly, never look recorded and vanish.
      if (isQuotaError(error)) throw new StorageFullError();
      throw error;
    }
    await this.announce();
    return toView(row);
  }

  /**
   * Sends what is due, in order; concurrent calls share one pass. Never rejects (callers fire and
   * forget it): a local storage failure stops the pass, is shown in the state, and the pass is
   * retried later; the items stay in the database, so nothing is lost.
   */
  drain(): Promise<void> {
    if (!this.draining) {
      this.draining = this.deliverDue()
        .then(
          () => {
            this.storageError = null;
          },
          (error: unknown) => this.onPassFailed(error),
        )
        .finally(() => {
          this.draining = null;
        });
    }
    return this.draining;
  }

  private async onPassFailed(error: unknown): Promise<void> {
    this.storageError = isQuotaError(error)
      ? new StorageFullError('The browser has no room left for Leadlens data; queued actions are kept and retried.')
          .message
      : `Leadlens could not update its queue (${error instanceof Error ? error.message : String(error)}); it will retry.`;
    // A claimed item may still hold its lease: try again once it lapses.
    this.options.scheduleWake(this.options.now() + (this.options.leaseMs ?? OUTBOX_LEASE_MS));
    await this.announce().catch(() => undefined);
  }

  async state(): Promise<OutboxState> {
    const rows = await this.options.db.outbox.orderBy('seq').toArray();
    const items = rows.map(toView);
    const withErrors = rows.filter((r) => r.lastError !== null);
    return {
      pending: rows.filter((r) => r.state === 'pending').length,
      failed: rows.filter((r) => r.state === 'failed').length,
      paused: this.notConfigured || (await this.options.authState.status()) === 'unauthorized',
      lastError: this.storageError ?? withErrors.at(-1)?.lastError ?? null,
      items,
    };
  }

  /** Sends a refused item again (after the user fixed the cause), or all failed ones. */
  async retry(id?: string): Promise<void> {
    const { db, now } = this.options;
    const rows = id ? [await db.outbox.get(id)] : await db.outbox.where('state').equals('failed').toArray();
    await Promise.all(
      rows
        .filter((r): r is OutboxRow => r?.state === 'failed')
        .map((r) => db.outbox.update(r.id, { state: 'pending', attempts: 0, nextAttemptAt: now(), lastError: null })),
    );
    await this.announce();
    void this.drain();
  }

  /** Drops a refused item the user has read about; pending items are never dropped this way. */
  async dismiss(id: string): Promise<void> {
    const { db } = this.options;
    await db.transaction('rw', db.outbox, async () => {
      const row = await db.outbox.get(id);
      if (row?.state === 'failed') await db.outbox.delete(id);
    });
    await this.announce();
  }

  private async deliverDue(): Promise<void> {
    const { db, api, authState, now } = this.options;
    this.notConfigured = false;
    let changed = false;
    try {
      while ((await authState.status()) !== 'unauthorized') {
        const head = await db.outbox
          .where('[state+seq]')
          .between(['pending', -Infinity], ['pending', Infinity])
          .first();
        if (!head) return;
        const at = now();
        const wakeAt = Math.max(head.nextAttemptAt, head.leaseUntil);
        if (wakeAt > at) {
          // Not due yet, or another (probably dead) worker holds it: later items wait, so order holds.
          this.options.scheduleWake(wakeAt);
          return;
        }
        if (!(await this.claim(head.id, at))) return;
        changed = true;
        try {
          await send(api, head);
          await db.outbox.delete(head.id);
          this.options.onDelivered?.(head.action);
        } catch (error) {
          if (isApiError(error, 'unauthorized') || isApiError(error, 'not_configured')) {
            // Nothing wrong with the item: keep it as it is until the user reconnects.
            this.notConfigured = isApiError(error, 'not_configured');
            await db.outbox.update(head.id, { leaseUntil: 0, lastError: error.message });
            return;
          }
          if (isApiError(error, 'retryable')) {
            const attempts = head.attempts + 1;
            const nextAttemptAt = now() + this.backoff(attempts, error.retryAfterMs);
            await db.outbox.update(head.id, { attempts, nextAttemptAt, leaseUntil: 0, lastError: error.message });
            this.options.scheduleWake(nextAttemptAt);
            return;
          }
          // The API refused it (validation, invalid move, unknown lead): retrying cannot help; tell the user.
          await db.outbox.update(head.id, {
            state: 'failed',
            attempts: head.attempts + 1,
            leaseUntil: 0,
            lastError: error instanceof Error ? error.message : String(error),
          });
        }
      }
    } finally {
      if (changed || this.notConfigured) await this.announce();
    }
  }

  /** Marks the item as being sent by this worker; false when it is gone or someone else has it. */
  private claim(id: string, at: number): Promise<boolean> {
    const { db } = this.options;
    const leaseMs = this.options.leaseMs ?? OUTBOX_LEASE_MS;
    return db.transaction('rw', db.outbox, async () => {
      const row = await db.outbox.get(id);
      if (row?.state !== 'pending' || row.leaseUntil > at) return false;
      await db.outbox.update(id, { leaseUntil: at + leaseMs });
      return true;
    });
  }

  /** Exponential backoff with "equal jitter" (half fixed, half random), never sooner than Retry-After. */
  private backoff(attempts: number, retryAfterMs: number | null): number {
    const base = this.options.baseDelayMs ?? OUTBOX_BASE_DELAY_MS;
    const max = this.options.maxDelayMs ?? OUTBOX_MAX_DELAY_MS;
    const random = this.options.random ?? Math.random;
    const exponential = Math.min(max, base * 2 ** (attempts - 1));
    const jittered = exponential / 2 + (random() * exponential) / 2;
    return Math.max(jittered, retryAfterMs ?? 0);
  }

  private async announce(): Promise<void> {
    await this.options.notifier.broadcast({ type: 'push/outboxChanged', state: await this.state() });
  }
}

function send(api: ApiClient, row: OutboxRow): Promise<void> {
  const { action } = row;
  return action.kind === 'attempt'
    ? api.logAttempt(action.leadId, action.body, row.id)
    : api.transition(action.leadId, action.body, row.id);
}

export function toView(row: OutboxRow): OutboxItemView {
  const { action } = row;
  const kind: OutboxItemView['kind'] =
    action.kind === 'attempt'
      ? 'attempt'
      : action.body.status === 'returned_not_ready'
        ? 'return'
        : action.body.to === 'sal'
          ? 'accept'
          : 'transition';
  return {
    id: row.id,
    kind,
    leadId: action.leadId,
    state: row.state,
    attempts: row.attempts,
    createdAt: row.createdAt,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
  };
}
