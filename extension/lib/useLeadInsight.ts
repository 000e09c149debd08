import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { AttemptInput } from '../../shared';
import { BackgroundError, onBackgroundPush, sendToBackground } from './backgroundClient';
import {
  type Answer,
  changedSince,
  factsKeyOf,
  freshPrefetch,
  insightRequestKey,
  prefetchedAnswer,
  requestKeyOf,
  subscribeToPrefetches,
} from './insightPrefetch';
import type {
  InsightPreview,
  InsightResponse,
  InsightStatus,
  LeadInsight,
  OutboxItemView,
  OutboxState,
  QuestionFacts,
} from './messages';

/** A connect attempt as the UI records it; `outcome` defaults to `sent`, `at` to now. */
export type AttemptDraft = Omit<AttemptInput, 'outcome'> & { outcome?: AttemptInput['outcome'] };

export interface LeadInsightActions {
  /** Queues a connect attempt for this lead; resolves once it is stored (not yet delivered). */
  logAttempt: (attempt: AttemptDraft) => Promise<OutboxItemView>;
  /** Queues "accept" (lifecycle stage → SAL). */
  accept: () => Promise<OutboxItemView>;
  /** Queues "return to marketing" (stage → lead, status returned_not_ready) with the rep's reason. */
  returnLead: (reason: string) => Promise<OutboxItemView>;
  /** Asks the API again now, waiting for its answer. */
  refresh: () => Promise<void>;
}

export interface LeadOutboxSummary {
  /** Queued writes not yet confirmed by the API (all leads). */
  pending: number;
  /** Writes the API refused for good (all leads); see `items` for messages. */
  failed: number;
  /** Delivery waits for the user to reconnect. */
  paused: boolean;
  lastError: string | null;
  /** Queued or refused writes of this lead, oldest first. */
  items: OutboxItemView[];
}

export interface LeadInsightState {
  status: InsightStatus;
  insight?: LeadInsight;
  /** Why the status is not `ready`, for people. */
  error?: string;
  modelVersion: number | null;
  /** Not connected yet: the page's facts scored with the bundled model (see `InsightResponse.preview`). */
  preview?: InsightPreview;
  actions: LeadInsightActions;
  outbox: LeadOutboxSummary;
}

const EMPTY_OUTBOX: OutboxState = { pending: 0, failed: 0, paused: false, lastError: null, items: [] };

/**
 * The one way the overlay and popup get data: what Leadlens knows about the person described
 * by `facts`, kept current as the background pushes model changes, refreshed lookups and
 * outbox progress. Pass `null` while no person is on screen.
 *
 * Every answer is kept with the question it answers (facts and language), and only an answer
 * to the current question is ever returned: in the render right after the person changes, the
 * previous person's answer is still in state, and returning it would paint the previous
 * person's data under the new person's name.
 */
export function useLeadInsight(
  facts: QuestionFacts | null | undefined,
  options: { locale?: string } = {},
): LeadInsightState {
  const { locale } = options;
  const factsKey = facts ? factsKeyOf(facts) : null;
  // Adapters may hand a new object with the same content on every render; only content counts.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by content on purpose
  const stableFacts = useMemo(() => facts ?? null, [factsKey]);
  const requestKey = factsKey === null ? null : requestKeyOf(factsKey, locale);
  const [answer, setAnswer] = useState<Answer | null>(null);
  // The content script's prefetch for this person, read at render (the first one included) and
  // re-read the moment it arrives: the card paints with data without waiting for its effect to ask.
  const prefetched = useSyncExternalStore(subscribeToPrefetches, () => prefetchedAnswer(requestKey));
  const [outbox, setOutbox] = useState<OutboxState>(EMPTY_OUTBOX);
  const latestRequest = useRef(0);
  const lookupKey = useRef<string | null>(null);

  const ask = useCallback(
    async (type: 'insight/get' | 'insight/refresh', revalidate = true, reusePrefetch = false, awaitRefresh = false) => {
      if (!stableFacts) return;
      const key = insightRequestKey(stableFacts, locale);
      const requestId = ++latestRequest.current;
      const prefetch = reusePrefetch ? freshPrefetch(key) : null;
      try {
        const response = prefetch
          ? await prefetch.promise
          : type === 'insight/get'
            ? await sendToBackground({
                type,
                facts: stableFacts,
                revalidate,
                ...(awaitRefresh ? { awaitRefresh } : {}),
                ...(locale ? { locale } : {}),
              })
            : await sendToBackground({ type, facts: stableFacts, ...(locale ? { locale } : {}) });
        // A slower answer to an older question must not overwrite a newer one.
        if (requestId !== latestRequest.current) return;
        lookupKey.current = response.lookupKey;
        // The prefetched answer the card already shows: keep that very object, so nothing re-renders for it.
        const settled = prefetch?.settled;
        setAnswer(settled?.response === response ? settled : { key, response, failure: null });
        if (prefetch && response.lookupKey && changedSince(response.lookupKey, prefetch.startedAt)) {
          // The lookup finished between the prefetch and this hook listening: read the stored answer.
          void ask('insight/get', false);
        } else if (!awaitRefresh && isFirstLookup(response)) {
          // Page facts only, the API lookup just started: ask for its result now rather than
          // waiting for the push that announces it (one round trip less for a cold cache).
          void ask('insight/get', false, false, true);
        }
      } catch (error) {
        if (requestId !== latestRequest.current) return;
        const failure = error instanceof Error ? error.message : String(error);
        setAnswer((previous) => ({ key, response: previous?.key === key ? previous.response : null, failure }));
      }
    },
    [stableFacts, locale],
  );

  useEffect(() => {
    latestRequest.current++;
    lookupKey.current = null;
    if (!stableFacts) return;
    void ask('insight/get', true, true);
    const stop = onBackgroundPush((push) => {
      switch (push.type) {
        case 'push/insightChanged':
          // The background just stored a fresh answer: read it without asking the API again.
          if (push.lookupKey === lookupKey.current) void ask('insight/get', false);
          break;
        case 'push/modelChanged':
        case 'push/connectionChanged':
          void ask('insight/get');
          break;
        case 'push/outboxChanged':
          setOutbox((previous) => sameOutbox(previous, push.state));
          break;
      }
    });
    return () => {
      latestRequest.current++;
      stop();
    };
  }, [stableFacts, ask]);

  useEffect(() => {
    let live = true;
    sendToBackground({ type: 'outbox/state' })
      .then((state) => live && setOutbox((previous) => sameOutbox(previous, state)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  // Only the answer to this question counts; a prefetched one stands in until the hook's own arrives.
  const current = answer && answer.key === requestKey ? answer : prefetched;
  const response = current?.response ?? null;
  const failure = current?.failure ?? null;
  const leadId = response?.insight?.lead?.id ?? null;
  const actions = useMemo<LeadInsightActions>(() => {
    const requireLead = (): string => {
      if (!leadId)
        throw new BackgroundError('no_lead', 'This person is not a stored lead yet, so nothing can be logged.');
      return leadId;
    };
    return {
      logAttempt: async (attempt) =>
        sendToBackground({ type: 'lead/logAttempt', leadId: requireLead(), attempt: { outcome: 'sent', ...attempt } }),
      accept: async () => sendToBackground({ type: 'lead/accept', leadId: requireLead() }),
      returnLead: async (reason) => sendToBackground({ type: 'lead/return', leadId: requireLead(), reason }),
      refresh: () => ask('insight/refresh'),
    };
  }, [leadId, ask]);

  const outboxSummary = useMemo<LeadOutboxSummary>(
    () => ({
      pending: outbox.pending,
      failed: outbox.failed,
      paused: outbox.paused,
      lastError: outbox.lastError,
      items: leadId ? outbox.items.filter((item) => item.leadId === leadId) : [],
    }),
    [outbox, leadId],
  );

  if (failure && !response) {
    return { status: 'error', error: failure, modelVersion: null, actions, outbox: outboxSummary };
  }
  if (!response) return { status: 'loading', modelVersion: null, actions, outbox: outboxSummary };
  return {
    status: response.status,
    ...(response.insight ? { insight: response.insight } : {}),
    ...(response.error ? { error: response.error } : {}),
    ...(response.preview ? { preview: response.preview } : {}),
    modelVersion: response.modelVersion,
    actions,
    outbox: outboxSummary,
  };
}

/** An answer from page facts alone for a person the API was never asked about (a lookup is starting). */
function isFirstLookup(response: InsightResponse): boolean {
  return (
    response.status === 'ready' &&
    response.lookupKey !== null &&
    response.insight !== undefined &&
    response.insight.lead === undefined &&
    response.insight.fetchedAt === null
  );
}

/**
 * `next`, or `previous` when they say the same (an empty outbox, usually): the card is not
 * re-rendered for an answer that changes nothing it shows.
 */
function sameOutbox(previous: OutboxState, next: OutboxState): OutboxState {
  const same =
    previous.pending === next.pending &&
    previous.failed === next.failed &&
    previous.paused === next.paused &&
    previous.lastError === next.lastError &&
    previous.items.length === next.items.length &&
    (next.items.length === 0 || JSON.stringify(previous.items) === JSON.stringify(next.items));
  return same ? previous : next;
}
