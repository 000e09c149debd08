import type { ProspectFacts } from '../../shared';
import type { InsightResponse, InsightStatus, LeadInsight } from '../lib/messages';
import type { ApiClient } from './apiClient';
import { ApiError, isApiError, isQuotaError } from './apiErrors';
import type { AuthState } from './authState';
import { type CachedLookupRow, type CachedModelRow, fresherRow, type LeadlensDb } from './db';
import { scoreLocally } from './localScore';
import { type LeadLookup, lookupFor } from './lookupKey';
import { mergeFacts } from './mergeFacts';
import type { ModelSync } from './modelSync';
import type { Notifier } from './notifier';

export const LOOKUP_TTL_MS = 10 * 60_000;
/**
 * Past the TTL a cached lead is still shown (marked stale, or offline) while the API cannot be
 * asked, but only up to this age: personal data about a prospect is not kept on a laptop
 * indefinitely. Older rows are deleted (on read and by `evictExpired`) and the person is scored
 * from page facts alone until the API answers again.
 */
export const LOOKUP_MAX_STALE_MS = 7 * 24 * 60 * 60_000;
/** Answers that could not be written to IndexedDB (quota) are held in memory, this many at most. */
const MAX_UNSAVED_ROWS = 200;
/**
 * Stored answers also held in memory, the most recently used this many: a page view then reads no
 * IndexedDB at all (a read of a lead with its events took a good part of a warm card's time in the
 * service worker, `npm run bench:overlay`). Rows carry up to a few hundred events each.
 */
export const MAX_HELD_ROWS = 100;
/** After a failed refresh, page views answer from cache for this long before asking the API again. */
export const FAILED_REFRESH_COOLDOWN_MS = 30_000;

export interface InsightServiceOptions {
  db: LeadlensDb;
  api: ApiClient;
  modelSync: ModelSync;
  authState: AuthState;
  notifier: Notifier;
  now: () => number;
  ttlMs?: number;
}

export interface GetInsightOptions {
  /** Refresh stale data from the API in the background (default). Pushes re-ask with false, so they never loop. */
  revalidate?: boolean;
  /** Wait for a fresh API answer instead of answering from cache. */
  force?: boolean;
  /** Language of the texts in locally computed scores. */
  locale?: string;
}

type RefreshFailure = { status: Exclude<InsightStatus, 'loading' | 'ready'>; message: string; at: number };

/**
 * Answers "what do we know about the person on this page" — from Dexie at once
 * (stale-while-revalidate), from the shared engine with page facts when the person was never
 * looked up, and from the API only when there is no model to score with.
 */
export class InsightService {
  private readonly ttlMs: number;
  private readonly refreshing = new Map<string, Promise<void>>();
  private readonly failures = new Map<string, RefreshFailure>();
  /** The reader's language, remembered for refreshes nobody on a page asked for (after an outbox delivery). */
  private lastLocale: string | undefined;
  /** API answers IndexedDB refused to store (quota): still served while this worker lives. */
  private readonly unsaved = new Map<string, CachedLookupRow>();
  /**
   * What the `leads` store holds for a key, as this worker last read or wrote it (`null`: no row),
   * most recently used last. This class is the only writer of the store; the two places that clear
   * it (disconnect, another API) call `forgetHeldRows` after clearing, and `forgetCachedLeads`
   * clears both.
   */
  private readonly held = new Map<string, CachedLookupRow | null>();
  /** Bumped by every write, so a read that started before one cannot hold what it read. */
  private generation = 0;

  constructor(private readonly options: InsightServiceOptions) {
    this.ttlMs = options.ttlMs ?? LOOKUP_TTL_MS;
  }

  async getInsight(facts: ProspectFacts, options: GetInsightOptions = {}): Promise<InsightResponse> {
    const { revalidate = true, force = false, locale = 'en' } = options;
    const lookup = lookupFor(facts);
    // Read together: a card waiting for its first paint pays one database round trip, not two.
    const [cachedModel, cachedRow] = await Promise.all([
      this.options.modelSync.current(),
      lookup ? this.readRow(lookup.key) : undefined,
    ]);
    let modelRow = cachedModel;

    if (!lookup) {
      if (!modelRow) modelRow = await this.syncModelQuietly();
      if (!modelRow) return this.failureResponse(null, 'No model has been loaded from the Leadlens API yet.');
      return this.respond(null, this.factsOnlyInsight(modelRow, facts, false, locale), modelRow);
    }

    const row = cachedRow;
    if (row && !force) {
      if (revalidate && this.needsRefresh(row, modelRow)) this.refreshInBackground(lookup, locale);
      const insight = this.insightFromRow(row, facts, modelRow, locale);
      if (insight) return this.respond(lookup.key, insight, modelRow);
    }
    if (modelRow && !force) {
      // Never looked up (or looked up with no model to score the answer): answer from page facts now.
      if (revalidate) this.refreshInBackground(lookup, locale);
      return this.respond(lookup.key, this.factsOnlyInsight(modelRow, facts, true, locale), modelRow);
    }

    // Nothing to score with (or the caller asked to wait): the answer has to come from the API.
    if (!modelRow) modelRow = await this.syncModelQuietly();
    await this.refresh(lookup, locale).catch(() => undefined);
    const fresh = await this.readRow(lookup.key);
    const insight = fresh ? this.insightFromRow(fresh, facts, modelRow, locale) : null;
    if (insight) return this.respond(lookup.key, insight, modelRow);
    if (modelRow) return this.respond(lookup.key, this.factsOnlyInsight(modelRow, facts, false, locale), modelRow);
    return this.failureResponse(
      lookup.key,
      this.failures.get(lookup.key)?.message ?? 'The Leadlens API has no model yet.',
    );
  }

  /** Forgets failed refreshes (after a new connection is saved) so pages ask the API again at once. */
  forgetFailures(): void {
    this.failures.clear();
  }

  /**
   * Drops every answer held in memory (disconnect, another API: they belong to the old
   * connection). Called after the `leads` store was cleared, so no read in between brings an old
   * row back.
   */
  forgetHeldRows(): void {
    this.unsaved.clear();
    this.held.clear();
    this.generation += 1;
  }

  /** Empties the lead cache, stored and in memory (the options page; a benchmark's cold start). The model stays. */
  async forgetCachedLeads(): Promise<void> {
    // Lookups under way would store their answers right after: let them land first, then clear.
    await Promise.allSettled([...this.refreshing.values()]);
    this.generation += 1;
    await this.options.db.leads.clear();
    this.forgetHeldRows();
  }

  /** Deletes cached lookups older than the maximum stale age; returns how many went. */
  async evictExpired(): Promise<number> {
    const cutoff = this.options.now() - LOOKUP_MAX_STALE_MS;
    for (const [key, row] of this.unsaved) if (row.fetchedAt < cutoff) this.unsaved.delete(key);
    this.generation += 1;
    for (const [key, row] of this.held) if (row && row.fetchedAt < cutoff) this.held.delete(key);
    return this.options.db.leads.where('fetchedAt').below(cutoff).delete();
  }

  /** What the `leads` store holds for a key: from memory when held, else read (and held). */
  private async storedRow(key: string): Promise<CachedLookupRow | undefined> {
    const held = this.held.get(key);
    if (held !== undefined) {
      // Most recently used last, so the least used is the first to go.
      this.held.delete(key);
      this.held.set(key, held);
      return held ?? undefined;
    }
    const generation = this.generation;
    const stored = await this.options.db.leads.get(key);
    // A write that landed while this read was under way is newer than what it read.
    if (generation === this.generation) this.hold(key, stored ?? null);
    return stored;
  }

  private hold(key: string, row: CachedLookupRow | null): void {
    this.held.delete(key);
    this.held.set(key, row);
    if (this.held.size > MAX_HELD_ROWS) this.held.delete(this.held.keys().next().value as string);
  }

  /** The cached answer for a key (IndexedDB, or memory when the write was refused); expired rows are deleted. */
  private async readRow(key: string): Promise<CachedLookupRow | undefined> {
    const stored = await this.storedRow(key);
    const row = fresherRow(this.unsaved.get(key), stored);
    if (!row) return undefined;
    if (this.options.now() - row.fetchedAt <= LOOKUP_MAX_STALE_MS) return row;
    this.unsaved.delete(key);
    this.generation += 1;
    this.held.delete(key);
    await this.options.db.leads.delete(key).catch(() => undefined);
    return undefined;
  }

  /**
   * Stores an answer. When IndexedDB refuses (quota) the answer is kept in memory instead, so the
   * page still gets it; it is simply not there after the worker restarts.
   */
  private async storeRow(row: CachedLookupRow): Promise<void> {
    this.generation += 1;
    // Until the write is done, what the store holds for this key is not known here.
    this.held.delete(row.lookupKey);
    try {
      await this.options.db.leads.put(row);
      this.unsaved.delete(row.lookupKey);
      this.generation += 1;
      this.hold(row.lookupKey, row);
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      this.unsaved.delete(row.lookupKey);
      this.unsaved.set(row.lookupKey, row);
      if (this.unsaved.size > MAX_UNSAVED_ROWS) this.unsaved.delete(this.unsaved.keys().next().value as string);
    }
  }

  /**
   * The API no longer knows this person (erased, or merged away): every cached lookup of that lead,
   * under any key, is deleted, so right-to-erasure reaches this browser too.
   */
  private async forgetLead(leadId: string): Promise<string[]> {
    const { db } = this.options;
    const keys = (await db.leads.where('leadId').equals(leadId).primaryKeys()) as string[];
    for (const [key, row] of this.unsaved) if (row.leadId === leadId) keys.push(key);
    for (const [key, row] of this.held) if (row?.leadId === leadId) keys.push(key);
    this.generation += 1;
    for (const key of keys) this.held.delete(key);
    await db.leads.bulkDelete(keys);
    for (const key of keys) this.unsaved.delete(key);
    return [...new Set(keys)];
  }

  /** Refetches every cached lookup of one lead (after an accept, return or attempt reached the API). */
  async refreshLead(leadId: string): Promise<void> {
    const rows = [
      ...(await this.options.db.leads.where('leadId').equals(leadId).toArray()),
      ...[...this.unsaved.values()].filter((row) => row.leadId === leadId),
    ];
    await Promise.all(rows.map((row) => this.refresh(lookupFromKey(row)).catch(() => undefined)));
  }

  /** Resolves once the API lookup under way for these facts (if any) has finished, however it ended. */
  async refreshSettled(facts: ProspectFacts): Promise<void> {
    const lookup = lookupFor(facts);
    const running = lookup ? this.refreshing.get(lookup.key) : undefined;
    await running?.catch(() => undefined);
  }

  /** Starts a refresh unless one is running for that person or one just failed. */
  refreshInBackground(lookup: LeadLookup, locale?: string): void {
    const failure = this.failures.get(lookup.key);
    if (failure && this.options.now() - failure.at < FAILED_REFRESH_COOLDOWN_MS) return;
    this.refresh(lookup, locale).catch(() => undefined);
  }

  /** Fetches one lookup from the API into Dexie and tells pages; concurrent callers share it. */
  refresh(lookup: LeadLookup, locale?: string): Promise<void> {
    const running = this.refreshing.get(lookup.key);
    if (running) return running;
    if (locale) this.lastLocale = locale;
    const task = this.fetchAndStore(lookup).finally(() => this.refreshing.delete(lookup.key));
    this.refreshing.set(lookup.key, task);
    return task;
  }

  private async fetchAndStore(lookup: LeadLookup): Promise<void> {
    const { api, authState, notifier, now } = this.options;
    try {
      if ((await authState.status()) === 'unauthorized') {
        throw new ApiError('unauthorized', 'The Leadlens token was refused: reconnect in the options.');
      }
      const answer = await api.lookupLead(lookup.query, this.lastLocale);
      if (!answer) {
        const previous = await this.readRow(lookup.key);
        if (previous?.leadId) {
          const erased = await this.forgetLead(previous.leadId);
          await Promise.all(
            erased
              .filter((key) => key !== lookup.key)
              .map((key) => notifier.broadcast({ type: 'push/insightChanged', lookupKey: key })),
          );
        }
      }
      const row: CachedLookupRow = answer
        ? {
            lookupKey: lookup.key,
            found: true,
            leadId: answer.lead.id,
            lead: answer.lead,
            score: answer.score,
            events: answer.events ?? null,
            modelVersion: answer.score.modelVersion,
            fetchedAt: now(),
          }
        : {
            lookupKey: lookup.key,
            found: false,
            leadId: null,
            lead: null,
            score: null,
            events: null,
            modelVersion: (await this.options.modelSync.current())?.version ?? null,
            fetchedAt: now(),
          };
      await this.storeRow(row);
      this.failures.delete(lookup.key);
    } catch (error) {
      this.failures.set(lookup.key, { ...describeFailure(error), at: now() });
      await notifier.broadcast({ type: 'push/insightChanged', lookupKey: lookup.key });
      throw error;
    }
    await notifier.broadcast({ type: 'push/insightChanged', lookupKey: lookup.key });
  }

  private needsRefresh(row: CachedLookupRow, modelRow: CachedModelRow | undefined): boolean {
    // Only an API-computed score goes out of date with the model; events and facts are rescored locally.
    const scoredByApi = row.found && !row.events;
    if (scoredByApi && modelRow && row.modelVersion !== modelRow.version) return true;
    return this.options.now() - row.fetchedAt > this.ttlMs / 2;
  }

  private insightFromRow(
    row: CachedLookupRow,
    facts: ProspectFacts,
    modelRow: CachedModelRow | undefined,
    locale: string,
  ): LeadInsight | null {
    const now = this.options.now();
    const expired = now - row.fetchedAt > this.ttlMs;
    if (!row.found || !row.lead) {
      return modelRow ? { ...this.factsOnlyInsight(modelRow, facts, expired, locale), fetchedAt: row.fetchedAt } : null;
    }
    if (row.events && modelRow) {
      // With the events at hand the score reflects the current model and this page's facts.
      const score = scoreLocally(modelRow, mergeFacts(row.lead, facts), row.events, now, true, locale);
      return { score, lead: row.lead, stale: expired, offline: false, fetchedAt: row.fetchedAt };
    }
    if (!row.score) return null;
    const outdatedModel = modelRow !== undefined && row.score.modelVersion !== modelRow.version;
    return {
      score: row.score,
      lead: row.lead,
      stale: expired || outdatedModel,
      offline: false,
      fetchedAt: row.fetchedAt,
    };
  }

  private factsOnlyInsight(
    modelRow: CachedModelRow,
    facts: ProspectFacts,
    stale: boolean,
    locale: string,
  ): LeadInsight {
    const score = scoreLocally(modelRow, facts, [], this.options.now(), false, locale);
    return { score, stale, offline: false, fetchedAt: null };
  }

  private async respond(
    lookupKey: string | null,
    insight: LeadInsight,
    modelRow: CachedModelRow | undefined,
  ): Promise<InsightResponse> {
    const failure = lookupKey ? this.failures.get(lookupKey) : undefined;
    const unauthorized = (await this.options.authState.status()) === 'unauthorized';
    const status: InsightStatus = unauthorized ? 'reconnect' : (failure?.status ?? 'ready');
    const offline = status === 'offline';
    return {
      lookupKey,
      status,
      insight: { ...insight, offline, stale: insight.stale || offline },
      ...(failure && status !== 'ready' ? { error: failure.message } : {}),
      modelVersion: modelRow?.version ?? null,
    };
  }

  private async failureResponse(lookupKey: string | null, fallbackMessage: string): Promise<InsightResponse> {
    const failure = lookupKey ? this.failures.get(lookupKey) : this.failures.get(MODEL_FAILURE_KEY);
    const unauthorized = (await this.options.authState.status()) === 'unauthorized';
    return {
      lookupKey,
      status: unauthorized ? 'reconnect' : (failure?.status ?? 'error'),
      error: failure?.message ?? fallbackMessage,
      modelVersion: null,
    };
  }

  private async syncModelQuietly(): Promise<CachedModelRow | undefined> {
    try {
      await this.options.modelSync.sync();
      this.failures.delete(MODEL_FAILURE_KEY);
    } catch (error) {
      this.failures.set(MODEL_FAILURE_KEY, { ...describeFailure(error), at: this.options.now() });
    }
    return this.options.modelSync.current();
  }
}

const MODEL_FAILURE_KEY = '\u0000model';

function describeFailure(error: unknown): Omit<RefreshFailure, 'at'> {
  if (isApiError(error, 'unauthorized') || isApiError(error, 'not_configured')) {
    return { status: 'reconnect', message: error.message };
  }
  if (isApiError(error, 'retryable')) return { status: 'offline', message: error.message };
  return { status: 'error', message: error instanceof Error ? error.message : String(error) };
}

function lookupFromKey(row: CachedLookupRow): LeadLookup {
  const [kind, ...rest] = row.lookupKey.split(':');
  const value = rest.join(':');
  if (kind === 'email') return { key: row.lookupKey, query: { email: value } };
  // LinkedIn rows keep the URL the lead record has; the key alone is a normalised path.
  return {
    key: row.lookupKey,
    query: { linkedin: row.lead?.linkedinUrl ?? `https://www.linkedin.com/${value}` },
  };
}
