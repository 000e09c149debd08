import { defaultModel, type ProspectFacts } from '../../shared';
import {
  BACKGROUND_REQUEST_TYPES,
  type BackgroundEnvelope,
  BackgroundRequestSchema,
  type BackgroundResponses,
  type InsightResponse,
  type ModelInfo,
  type ParsedBackgroundRequest,
  PRIVILEGED_REQUESTS,
} from '../lib/messages';
import { callApi } from './apiCall';
import { isApiError, StorageFullError } from './apiErrors';
import { testConnection } from './connectionTest';
import { scoreLocally } from './localScore';
import { type BackgroundServices, describeConnection } from './services';

/** What the browser tells us about who sent a message. */
export interface MessageSender {
  url?: string;
  id?: string;
}

export type MessageHandler = (
  message: unknown,
  sender: MessageSender,
) => Promise<BackgroundEnvelope<unknown>> | undefined;

/**
 * Turns page requests into calls on the background services. Pushes and foreign messages
 * get `undefined` (not ours to answer); everything else gets an envelope, errors included.
 * `extensionOrigin` (e.g. `chrome-extension://<id>/`) tells extension pages from content scripts.
 */
export function createMessageHandler(services: BackgroundServices, extensionOrigin: string): MessageHandler {
  return (message, sender) => {
    if (!isRequestShaped(message)) return undefined;
    const parsed = BackgroundRequestSchema.safeParse(message);
    if (!parsed.success) {
      return Promise.resolve(
        failure('invalid_request', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')),
      );
    }
    const request = parsed.data;
    if (PRIVILEGED_REQUESTS.has(request.type) && !sender.url?.startsWith(extensionOrigin)) {
      return Promise.resolve(failure('forbidden', `${request.type} is only available to the extension's own pages.`));
    }
    return handle(services, request).then(
      (data): BackgroundEnvelope<unknown> => ({ ok: true, data }),
      (error: unknown) =>
        failure(
          isApiError(error) ? error.kind : error instanceof StorageFullError ? error.code : 'internal',
          error instanceof Error ? error.message : 'Something went wrong in the Leadlens background.',
        ),
    );
  };
}

async function handle(
  services: BackgroundServices,
  request: ParsedBackgroundRequest,
): Promise<BackgroundResponses[ParsedBackgroundRequest['type']]> {
  const { insights, outbox, modelSync } = services;
  switch (request.type) {
    case 'insight/get': {
      if (request.awaitRefresh) await insights.refreshSettled(request.facts);
      const options = { revalidate: request.revalidate ?? true, locale: request.locale };
      const answer = withPreview(
        services,
        request.facts,
        request.locale,
        await insights.getInsight(request.facts, options),
      );
      // Page views double as a cheap model freshness check, on top of the alarm: started once the
      // answer is ready, so the card never waits behind its database read.
      void modelSync.syncIfOlderThan(MODEL_MAX_AGE_MS).catch(() => undefined);
      if (request.modelHeld === undefined) return answer;
      const model = await modelInfo(services);
      const held = request.modelHeld;
      const same =
        model === null ? held === null : held?.version === model.version && held.fetchedAt === model.fetchedAt;
      return same ? answer : { ...answer, model };
    }
    case 'insight/refresh':
      return withPreview(
        services,
        request.facts,
        request.locale,
        await insights.getInsight(request.facts, { force: true, locale: request.locale }),
      );
    case 'lead/logAttempt':
      return queue(services, { kind: 'attempt', leadId: request.leadId, body: request.attempt });
    case 'lead/accept':
      return queue(services, { kind: 'transition', leadId: request.leadId, body: { to: 'sal' } });
    case 'lead/return':
      return queue(services, {
        kind: 'transition',
        leadId: request.leadId,
        body: { to: 'lead', status: 'returned_not_ready', reason: request.reason },
      });
    case 'outbox/state':
      return outbox.state();
    case 'outbox/retry':
      await outbox.retry(request.id);
      return outbox.state();
    case 'outbox/dismiss':
      await outbox.dismiss(request.id);
      return outbox.state();
    case 'model/get':
      return modelInfo(services);
    case 'model/sync':
      return modelSync.sync();
    case 'connection/status':
      return describeConnection(services);
    case 'connection/test':
      return testConnection(services.api, request.apiUrl, request.token);
    case 'connection/disconnect':
      return disconnect(services);
    case 'cache/forgetLeads':
      await services.insights.forgetCachedLeads();
      return null;
    case 'api/call':
      return callApi(services.api, request);
  }
}

const MODEL_MAX_AGE_MS = 30_000;

async function modelInfo(services: BackgroundServices): Promise<ModelInfo | null> {
  const row = await services.modelSync.current();
  return row ? { version: row.version, model: row.model, fetchedAt: row.fetchedAt } : null;
}

/**
 * No model to score with (never connected, or the API never answered): adds the page's facts
 * scored with the bundled default model (version 0, interest unknown), so the card can still show
 * fit and persona. Done here, where the engine is loaded anyway, to keep it out of content scripts.
 */
function withPreview(
  services: BackgroundServices,
  facts: ProspectFacts,
  locale: string | undefined,
  answer: InsightResponse,
): InsightResponse {
  if (answer.insight) return answer;
  const score = scoreLocally({ model: defaultModel, version: 0 }, facts, [], services.now(), false, locale);
  return { ...answer, preview: { score, model: defaultModel } };
}

async function queue(services: BackgroundServices, action: Parameters<BackgroundServices['outbox']['enqueue']>[0]) {
  const item = await services.outbox.enqueue(action);
  // Not awaited: the user's click is recorded; delivery happens when the API is reachable.
  void services.outbox.drain();
  return item;
}

/**
 * Forgets the token and everything cached from that API (leads, model). Queued writes stay,
 * paused, so nothing the user did is lost; they go out when a connection is saved again.
 */
export async function disconnect(services: BackgroundServices) {
  await services.clearConnection();
  await services.db.transaction('rw', services.db.leads, services.db.model, async () => {
    await services.db.leads.clear();
    await services.db.model.clear();
  });
  await services.authState.clear();
  services.insights.forgetFailures();
  services.insights.forgetHeldRows();
  services.modelSync.forgetHeld();
  const status = await describeConnection(services);
  await services.notifier.broadcast({ type: 'push/connectionChanged', status });
  return status;
}

function isRequestShaped(message: unknown): boolean {
  if (typeof message !== 'object' || message === null) return false;
  const type = (message as { type?: unknown }).type;
  return typeof type === 'string' && BACKGROUND_REQUEST_TYPES.has(type);
}

function failure(code: string, message: string): BackgroundEnvelope<never> {
  return { ok: false, error: { code, message } };
}
