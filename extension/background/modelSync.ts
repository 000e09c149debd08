import type { ApiClient } from './apiClient';
import { isQuotaError } from './apiErrors';
import { type CachedModelRow, fresherRow, type LeadlensDb } from './db';
import type { Notifier } from './notifier';

export type ModelSyncResult = { changed: boolean; version: number | null };

export interface ModelSyncOptions {
  db: LeadlensDb;
  api: ApiClient;
  notifier: Notifier;
  now: () => number;
}

/**
 * Keeps the published model in Dexie. Polled by an alarm (and on startup and demand) with
 * `If-None-Match`, so an unchanged model costs a 304; a new version is broadcast to every
 * open page so overlays re-render without a reload.
 */
export class ModelSync {
  private inFlight: Promise<ModelSyncResult> | null = null;
  /** A fetched model IndexedDB refused to store (quota): still used while this worker lives. */
  private unsaved: CachedModelRow | undefined;
  /**
   * The stored row as this worker last read or wrote it (`null`: not read yet). Every card asks
   * for the model, and reading a whole model out of IndexedDB took 4–15 ms of each answer
   * (measured in the service worker). This class is the only writer of the row; a disconnect
   * clears the table and then calls `forgetHeld`.
   */
  private stored: CachedModelRow | undefined | null = null;
  /** Bumped by `forgetHeld`, so a read that started before it cannot bring the old row back. */
  private generation = 0;

  constructor(private readonly options: ModelSyncOptions) {}

  async current(): Promise<CachedModelRow | undefined> {
    if (this.stored === null) {
      const generation = this.generation;
      const row = await this.options.db.model.get('current');
      // A write that landed while this read was under way is newer than what it read.
      if (generation === this.generation && this.stored === null) this.stored = row;
      return fresherRow(this.unsaved, this.stored ?? row);
    }
    return fresherRow(this.unsaved, this.stored);
  }

  /** Drops every model held in memory (disconnect, another API): the next read goes to IndexedDB. */
  forgetHeld(): void {
    this.unsaved = undefined;
    this.stored = null;
    this.generation += 1;
  }

  /** One request at a time: alarms, startup and page requests may all ask at once. */
  sync(): Promise<ModelSyncResult> {
    if (!this.inFlight) {
      this.inFlight = this.fetchAndStore().finally(() => {
        this.inFlight = null;
      });
    }
    return this.inFlight;
  }

  /** Syncs only when the cached copy is older than `maxAgeMs` (cheap to call on every page view). */
  async syncIfOlderThan(maxAgeMs: number): Promise<ModelSyncResult> {
    const cached = await this.current();
    if (cached && this.options.now() - cached.fetchedAt < maxAgeMs) return { changed: false, version: cached.version };
    return this.sync();
  }

  private async fetchAndStore(): Promise<ModelSyncResult> {
    const { db, api, notifier, now } = this.options;
    const cached = await this.current();
    const fetched = await api.getModel(cached?.etag ?? null);
    if (!fetched.changed) {
      if (this.unsaved) this.unsaved = { ...this.unsaved, fetchedAt: now() };
      // Only the timestamp: rewriting the whole model every 30 s would be wasted work.
      else if (cached) {
        const fetchedAt = now();
        const updated = await db.model.update('current', { fetchedAt }).catch(ignoreQuota);
        if (updated && this.stored) this.stored = { ...this.stored, fetchedAt };
      }
      return { changed: false, version: cached?.version ?? null };
    }
    const { version, model } = fetched.body;
    await this.store({ id: 'current', version, etag: fetched.etag, model, fetchedAt: now() });
    // A server without ETags answers 200 every time: only a new version is news.
    if (cached?.version === version) return { changed: false, version };
    await notifier.broadcast({ type: 'push/modelChanged', version });
    return { changed: true, version };
  }

  /** Stores the model; when IndexedDB refuses (quota) it is kept in memory, so pages still get scores. */
  private async store(row: CachedModelRow): Promise<void> {
    try {
      await this.options.db.model.put(row);
      this.stored = row;
      this.unsaved = undefined;
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      this.unsaved = row;
    }
  }
}

function ignoreQuota(error: unknown): number {
  // An old fetchedAt only means one more conditional request later.
  if (isQuotaError(error)) return 0;
  throw error;
}
