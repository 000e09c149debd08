import { z } from 'zod';
import {
  type AlignmentModel,
  AttemptInputSchema,
  type Lead,
  LocaleSchema,
  type ProspectFacts,
  type ScoreResult,
} from '../../shared';
import type { PageFacts } from '../adapters/facts';
import { prospectFactsFromPage } from './prospectFacts';

/*
 * The message protocol between pages (content scripts, popup, options) and the background.
 * Only the background talks to the API and holds the token; pages ask it by message.
 * Requests are validated with zod in the background, since a content script lives on
 * someone else's page.
 */

const LeadIdSchema = z.string().min(1).max(64);

/**
 * Facts as a page read them (plain text, see adapters/facts.ts), made schema-valid here: fields
 * the schema rejects are dropped one by one, so a page with an odd email still gets a card.
 */
const PageFactsSchema = z.record(z.string().max(64), z.unknown()).transform(prospectFactsFromPage);

/**
 * Facts a page asks about: as a content script read them (plain text, unchecked) or already
 * schema-valid (extension pages). The background checks both the same way on arrival.
 */
export type QuestionFacts = PageFacts | ProspectFacts;

export const BackgroundRequestSchema = z.discriminatedUnion('type', [
  /** What we know about the person on the page. Answers from cache at once; pushes follow. */
  z.object({
    type: z.literal('insight/get'),
    facts: PageFactsSchema,
    /** Language of talking points and next action in locally computed scores; default `en`. */
    locale: LocaleSchema.optional(),
    revalidate: z.boolean().optional(),
    /**
     * Answer once the API lookup under way for this person (if any) has been stored: the card's
     * follow-up to a page-facts-only first answer, one round trip instead of waiting for the push.
     */
    awaitRefresh: z.boolean().optional(),
    /**
     * The model the page holds (null: none yet). When given, the answer carries the background's
     * model in `model` if it is another one: the card's first render gets data and model in one
     * message (the content script's first question), instead of a `model/get` answered after it.
     */
    modelHeld: z.object({ version: z.number(), fetchedAt: z.number() }).nullable().optional(),
  }),
  /** Same, but waits for a fresh answer from the API. */
  z.object({ type: z.literal('insight/refresh'), facts: PageFactsSchema, locale: LocaleSchema.optional() }),
  z.object({ type: z.literal('lead/logAttempt'), leadId: LeadIdSchema, attempt: AttemptInputSchema }),
  /** Sales accepts the lead: lifecycle stage → `sal`. */
  z.object({ type: z.literal('lead/accept'), leadId: LeadIdSchema }),
  /** Sales returns the lead to marketing: stage → `lead`, status `returned_not_ready`, with a reason. */
  z.object({ type: z.literal('lead/return'), leadId: LeadIdSchema, reason: z.string().trim().min(1).max(2000) }),
  z.object({ type: z.literal('outbox/state') }),
  z.object({ type: z.literal('outbox/retry'), id: z.string().optional() }),
  z.object({ type: z.literal('outbox/dismiss'), id: z.string() }),
  z.object({ type: z.literal('model/get') }),
  z.object({ type: z.literal('model/sync') }),
  z.object({ type: z.literal('connection/status') }),
  /** Extension pages only: checks a URL and token before (or after) they are saved. */
  z.object({
    type: z.literal('connection/test'),
    apiUrl: z.string().min(1).max(2000),
    token: z.string().min(1).max(2000),
  }),
  /** Extension pages only: forgets the token and wipes cached leads and model. */
  z.object({ type: z.literal('connection/disconnect') }),
  /**
   * Extension pages only: empties the lead cache (stored and held in memory), keeping the
   * connection and the model; the next page view of anyone asks the API again.
   */
  z.object({ type: z.literal('cache/forgetLeads') }),
  /**
   * Extension pages only (options page): one call to an allow-listed API route with the saved
   * token — model history and publishing, tokens, funnel, calibration. Answers with the status
   * and body, errors included, so the page can show a 412 conflict or field errors.
   */
  z.object({
    type: z.literal('api/call'),
    method: z.enum(['GET', 'POST', 'DELETE']),
    path: z
      .string()
      .max(2000)
      .regex(
        /^\/v1\/(model(\/versions(\/\d+)?|\/rollback|\/preview)?|tokens(\/[A-Za-z0-9_-]+)?|metrics\/funnel|calibrations|leads\/lookup)(\?[^#]*)?$/,
        'not an API route the options page may call',
      ),
    body: z.unknown().optional(),
    ifMatch: z.string().max(200).optional(),
  }),
]);

/** Every request type the background answers; other messages are left to other listeners. */
export const BACKGROUND_REQUEST_TYPES: ReadonlySet<string> = new Set(
  BackgroundRequestSchema.options.map((option) => option.shape.type.value),
);

/** What a page sends (facts before normalisation). */
export type BackgroundRequest = z.input<typeof BackgroundRequestSchema>;
/** What the background works with after validation. */
export type ParsedBackgroundRequest = z.output<typeof BackgroundRequestSchema>;
export type BackgroundRequestType = BackgroundRequest['type'];

/** Requests a content script may not send: they carry or remove the token. */
export const PRIVILEGED_REQUESTS: ReadonlySet<BackgroundRequestType> = new Set([
  'connection/test',
  'connection/disconnect',
  'cache/forgetLeads',
  'api/call',
]);

export type InsightStatus = 'loading' | 'ready' | 'offline' | 'error' | 'reconnect';

export interface LeadInsight {
  score: ScoreResult;
  /** The stored lead; absent for a person the lead store does not know (score from page facts only). */
  lead?: Lead;
  /** The numbers may change: a refresh is under way, the cache is past its TTL or was scored with an older model. */
  stale: boolean;
  /** The last attempt to reach the API failed for network reasons; this is what was cached. */
  offline: boolean;
  /** When the API answered for this person (ms since epoch); null when never. */
  fetchedAt: number | null;
}

export interface InsightResponse {
  /** `email:…` or `linkedin:…`; pushes about this person carry the same key. Null for facts with neither. */
  lookupKey: string | null;
  status: Exclude<InsightStatus, 'loading'>;
  insight?: LeadInsight;
  /** Why the status is not `ready`, for people. */
  error?: string;
  modelVersion: number | null;
  /**
   * No model was ever fetched (Leadlens not connected yet): the page's facts scored with the
   * model bundled in the extension (model version 0), so the card can still show fit and persona.
   * Computed in the background, which has the engine loaded anyway, not in the content script.
   */
  preview?: InsightPreview;
  /**
   * Only for a request that said which model it holds (`modelHeld`), and only when the
   * background's differs from it: the model now (null: none).
   */
  model?: ModelInfo | null;
}

export interface InsightPreview {
  score: ScoreResult;
  /** The bundled model, for the card's definitions. */
  model: AlignmentModel;
}

export type OutboxItemKind = 'attempt' | 'accept' | 'return' | 'transition';

export interface OutboxItemView {
  id: string;
  kind: OutboxItemKind;
  leadId: string;
  /** `failed`: the API refused it for good (see lastError); it stays until dismissed or retried. */
  state: 'pending' | 'failed';
  attempts: number;
  createdAt: number;
  nextAttemptAt: number;
  lastError: string | null;
}

export interface OutboxState {
  pending: number;
  failed: number;
  /** Nothing is sent until the user reconnects (token refused or no connection). */
  paused: boolean;
  lastError: string | null;
  items: OutboxItemView[];
}

export interface ModelInfo {
  version: number;
  model: AlignmentModel;
  fetchedAt: number;
}

export type ConnectionState = 'unconfigured' | 'connected' | 'unauthorized';

export interface ConnectionStatus {
  state: ConnectionState;
  /** Origin of the API (never the token). */
  apiOrigin: string | null;
  modelVersion: number | null;
  modelFetchedAt: number | null;
}

export interface ConnectionTestResult {
  ok: boolean;
  /** `GET /healthz` answered `{ok: true}`. */
  reachable: boolean;
  /** `GET /v1/model` accepted the token. */
  authorized: boolean;
  modelVersion: number | null;
  /**
   * The token's role, when it could be told: `admin` when an admin-only list (`GET /v1/tokens`)
   * answers 200; `rep`/`marketer` from the 403 that names the token's role; `member` when the
   * 403 does not say which. Null when the token was refused.
   */
  role: 'admin' | 'marketer' | 'rep' | 'member' | null;
  error: { kind: string; message: string; status: number | null } | null;
}

/** The answer to `api/call`: what the API said, failures included. */
export interface ApiCallResult {
  ok: boolean;
  /** HTTP status; null when the API could not be reached or nothing is configured. */
  status: number | null;
  etag: string | null;
  body: unknown;
  /** For failures: `unauthorized`, `retryable`, `not_found`, `rejected`, `not_configured`. */
  kind: string | null;
  message: string | null;
  /** Field errors of a problem+json answer. */
  errors: { path: string; message: string }[];
}

export interface ModelSyncAnswer {
  changed: boolean;
  version: number | null;
}

/** The answer type of each request. */
export interface BackgroundResponses {
  'insight/get': InsightResponse;
  'insight/refresh': InsightResponse;
  'lead/logAttempt': OutboxItemView;
  'lead/accept': OutboxItemView;
  'lead/return': OutboxItemView;
  'outbox/state': OutboxState;
  'outbox/retry': OutboxState;
  'outbox/dismiss': OutboxState;
  'model/get': ModelInfo | null;
  'model/sync': ModelSyncAnswer;
  'connection/status': ConnectionStatus;
  'connection/test': ConnectionTestResult;
  'connection/disconnect': ConnectionStatus;
  'cache/forgetLeads': null;
  'api/call': ApiCallResult;
}

/** Every answer travels wrapped, so errors reach the caller as data in every browser. */
export type BackgroundEnvelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** Sent by the background to every open page; each page picks what concerns it. */
export type BackgroundPush =
  | { type: 'push/modelChanged'; version: number }
  | { type: 'push/insightChanged'; lookupKey: string }
  | { type: 'push/outboxChanged'; state: OutboxState }
  | { type: 'push/connectionChanged'; status: ConnectionStatus };

// The page side (sending, listening) lives in a module without zod, so content scripts need not
// load the request schemas at all: only the background validates.
export { BackgroundError, isBackgroundPush, onBackgroundPush, sendToBackground } from './backgroundClient';
