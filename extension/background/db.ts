import { Dexie, type Table } from 'dexie';
import type { AlignmentModel, AttemptInput, Lead, LeadEvent, ScoreResult, TransitionInput } from '../../shared';

/** The published model as last fetched; one row under the id `current`. */
export interface CachedModelRow {
  id: 'current';
  version: number;
  etag: string | null;
  model: AlignmentModel;
  fetchedAt: number;
}

/**
 * One API lookup answer, keyed by how it was asked (`email:…` or `linkedin:…`), so the
 * same person seen on a CRM page and on LinkedIn is two rows pointing at one lead id.
 * `found: false` remembers a 404 so an unknown person is not looked up on every page view.
 */
export interface CachedLookupRow {
  lookupKey: string;
  found: boolean;
  leadId: string | null;
  lead: Lead | null;
  score: ScoreResult | null;
  /** Present when the API sent the lead's events, so the score can be recomputed locally. */
  events: LeadEvent[] | null;
  modelVersion: number | null;
  fetchedAt: number;
}

export type OutboxAction =
  | { kind: 'attempt'; leadId: string; body: AttemptInput }
  | { kind: 'transition'; leadId: string; body: TransitionInput };

export type OutboxItemState = 'pending' | 'failed';

/** A write the user made, kept until the API confirmed it (or refused it for good). */
export interface OutboxRow {
  /** Also the `Idempotency-Key`: created once at enqueue, so every retry is the same request. */
  id: string;
  /** Delivery order: actions on a lead must reach the API in the order they were taken. */
  seq: number;
  action: OutboxAction;
  state: OutboxItemState;
  attempts: number;
  createdAt: number;
  nextAttemptAt: number;
  /** Set while one service-worker instance is sending it; a restarted worker waits until it lapses. */
  leaseUntil: number;
  lastError: string | null;
}

/** Small durable flags that must survive a service-worker restart. */
export interface MetaRow {
  key: string;
  value: unknown;
}

export class LeadlensDb extends Dexie {
  model!: Table<CachedModelRow, string>;
  leads!: Table<CachedLookupRow, string>;
  outbox!: Table<OutboxRow, string>;
  meta!: Table<MetaRow, string>;

  constructor(name = 'leadlens') {
    super(name);
    this.version(1).stores({
      model: 'id',
      leads: 'lookupKey, leadId, fetchedAt',
      outbox: 'id, seq, state, [state+seq]',
      meta: 'key',
    });
  }
}

/**
 * Of a row held in memory (IndexedDB refused to store it: quota) and the stored one, the newer:
 * what the cache would hold had the write gone through.
 */
export function fresherRow<T extends { fetchedAt: number }>(held: T | undefined, stored: T | undefined): T | undefined {
  return held && (!stored || held.fetchedAt >= stored.fetchedAt) ? held : stored;
}
