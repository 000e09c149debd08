import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  AttemptSchema,
  LeadSchema,
  LeadUpsertSchema,
  LocaleSchema,
  ScoreResultSchema,
  StageHistoryEntrySchema,
} from '../../../shared';
import { requireRole } from '../auth';
import {
  batchReport,
  isCsv,
  isJson,
  MAX_BATCH_ROWS,
  parseCsvBody,
  parseJsonArray,
  readBodyText,
  tooManyRows,
  unsupportedMediaType,
} from '../batch';
import { auditStatement } from '../db/audit';
import { deleteLead, findLeadBundleById, findLeadForLookup, readTimeline } from '../db/leadStore';
import type { AppEnv } from '../env';
import { leadRowFromCsvRecord } from '../leadCsvRows';
import { upsertLeadRows } from '../leadUpserts';
import { notFoundProblem, problemResponses, validationProblem } from '../problem';
import { loadPublishedModel, publishedModelAt } from '../publishedModel';
import { BEARER_SECURITY, createRouter } from '../router';
import { scoreStoredLead } from '../scoreLead';

const LeadIdParams = z.object({ id: z.string().min(1).max(64) });
const LocaleQuery = z.object({ locale: LocaleSchema.optional() });

const FieldErrorSchema = z.object({ path: z.string(), message: z.string() });
const UpsertReportSchema = z.object({
  results: z.array(
    z.object({
      index: z.number().int(),
      id: z.string(),
      email: z.string(),
      created: z.boolean(),
      lifecycleStage: z.string(),
    }),
  ),
  rejected: z.array(z.object({ index: z.number().int(), errors: z.array(FieldErrorSchema) })),
});

const TimelineEntrySchema = z
  .object({ kind: z.enum(['stage', 'attempt', 'event']), at: z.string() })
  .catchall(z.unknown())
  .describe('A stage entry (with from/status/reason of a transition), a connect attempt, or an event');

const LeadViewSchema = z.object({ lead: LeadSchema, score: ScoreResultSchema });
const LeadDetailSchema = LeadViewSchema.extend({
  interest: z.record(z.string(), z.number().int()).describe('Events stored per type (all time)'),
  attempts: z.array(AttemptSchema),
  timeline: z.array(TimelineEntrySchema),
});

const csvOrJsonBody = {
  required: true,
  content: {
    'application/json': { schema: z.array(LeadUpsertSchema).max(MAX_BATCH_ROWS) },
    'text/csv': {
      schema: z.string().describe('CSV with a header row; columns are lead fields, others become attributes'),
    },
  },
};

// Batch writes validate row by row (per-row report), so their bodies are documented, not schema-validated.
const upsertDoc = createRoute({
  method: 'put',
  path: '/v1/leads',
  tags: ['leads'],
  summary: `Batch upsert by email (case-insensitive), at most ${MAX_BATCH_ROWS} rows; JSON array or text/csv`,
  description:
    'Each row is validated on its own: rejected rows are reported with their index and write nothing; accepted rows are written in one transaction and durable on return. Fields a row leaves out keep their stored values; the lifecycle stage only moves forward (back only by a transition). A batch where no row is valid answers 400 with the same report.',
  security: BEARER_SECURITY,
  request: { body: csvOrJsonBody },
  responses: {
    200: { description: 'Per-row report', content: { 'application/json': { schema: UpsertReportSchema } } },
    ...problemResponses(400, 401, 403, 413, 415),
  },
});

const importDoc = createRoute({
  method: 'post',
  path: '/v1/leads/import',
  tags: ['leads'],
  summary: `Import a CSV of leads (header row, at most ${MAX_BATCH_ROWS} rows, UTF-8 with or without BOM)`,
  security: BEARER_SECURITY,
  request: { body: { required: true, content: { 'text/csv': { schema: z.string() } } } },
  responses: {
    200: {
      description: 'Per-row report; index 0 is the first row after the header',
      content: { 'application/json': { schema: UpsertReportSchema } },
    },
    ...problemResponses(400, 401, 403, 413, 415),
  },
});

const lookupRoute = createRoute({
  method: 'get',
  path: '/v1/leads/lookup',
  tags: ['leads'],
  summary: 'Find a lead by email (case-insensitive) or LinkedIn profile URL and score it with the live model',
  security: BEARER_SECURITY,
  middleware: [requireRole('rep')] as const,
  request: {
    query: LocaleQuery.extend({
      email: z.string().max(320).optional(),
      linkedin: z.string().max(500).optional(),
    }),
  },
  responses: {
    200: { description: 'The lead and its score', content: { 'application/json': { schema: LeadViewSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/v1/leads/{id}',
  tags: ['leads'],
  summary: 'A lead with its score, interest counters, attempts and timeline',
  security: BEARER_SECURITY,
  middleware: [requireRole('rep')] as const,
  request: { params: LeadIdParams, query: LocaleQuery },
  responses: {
    200: { description: 'The lead', content: { 'application/json': { schema: LeadDetailSchema } } },
    ...problemResponses(401, 403, 404),
  },
});

const timelineRoute = createRoute({
  method: 'get',
  path: '/v1/leads/{id}/timeline',
  tags: ['leads'],
  summary: 'One pipeline: stage entries and transitions, connect attempts and the latest 100 events, oldest first',
  security: BEARER_SECURITY,
  middleware: [requireRole('rep')] as const,
  request: { params: LeadIdParams },
  responses: {
    200: {
      description: 'The timeline',
      content: {
        'application/json': {
          schema: z.object({
            leadId: z.string(),
            stageHistory: z.array(StageHistoryEntrySchema),
            timeline: z.array(TimelineEntrySchema),
          }),
        },
      },
    },
    ...problemResponses(401, 403, 404),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/v1/leads/{id}',
  tags: ['leads'],
  summary: 'Erase a lead with its events, attempts and history (right to erasure); audited',
  security: BEARER_SECURITY,
  middleware: [requireRole('admin')] as const,
  request: { params: LeadIdParams },
  responses: {
    200: {
      description: 'What was erased',
      content: {
        'application/json': {
          schema: z.object({
            id: z.string(),
            erased: z.object({ leads: z.number(), events: z.number(), attempts: z.number(), stageHistory: z.number() }),
          }),
        },
      },
    },
    ...problemResponses(401, 403, 404),
  },
});

async function upsertFromBody(c: Context<AppEnv>, csv: boolean): Promise<Response> {
  const text = await readBodyText(c);
  let rows: unknown[];
  if (csv) {
    const records = parseCsvBody(text);
    if (records.length > MAX_BATCH_ROWS) throw tooManyRows(records.length, MAX_BATCH_ROWS, 'rows');
    rows = records.map(leadRowFromCsvRecord);
  } else {
    rows = parseJsonArray(text, 'leads');
  }
  const published = await loadPublishedModel(c.env.DB);
  const report = await upsertLeadRows(c.env.DB, rows, published.model, new Date().toISOString());
  return batchReport(c, report, report.results.length);
}

function bodyKind(c: Context<AppEnv>, allowJson: boolean): 'csv' | 'json' {
  if (isCsv(c)) return 'csv';
  if (allowJson && isJson(c)) return 'json';
  throw unsupportedMediaType(allowJson ? ['application/json', 'text/csv'] : ['text/csv']);
}

const router = createRouter();
router.openAPIRegistry.registerPath(upsertDoc);
router.openAPIRegistry.registerPath(importDoc);

export const leadRoutes = router
  // Registered before /v1/leads/{id} so "lookup" is never taken for an id.
  .openapi(lookupRoute, async (c) => {
    const { email, linkedin, locale } = c.req.valid('query');
    if ((email === undefined) === (linkedin === undefined)) {
      throw validationProblem([{ path: 'email', message: 'give exactly one of email or linkedin' }]);
    }
    // One D1 round trip: the lead and the live model's head (the parsed model is cached per isolate).
    const { bundle, modelHead } = await findLeadForLookup(
      c.env.DB,
      email !== undefined ? { email } : { linkedin: linkedin as string },
    );
    if (!bundle)
      throw notFoundProblem(
        email !== undefined ? `No lead with email "${email}".` : `No lead with LinkedIn profile "${linkedin}".`,
      );
    const published = await publishedModelAt(c.env.DB, modelHead);
    return c.json({ lead: bundle.lead, score: scoreStoredLead(bundle, published, new Date(), locale) }, 200);
  })
  .openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { locale } = c.req.valid('query');
    const [bundle, published, timeline] = await Promise.all([
      findLeadBundleById(c.env.DB, id),
      loadPublishedModel(c.env.DB),
      readTimeline(c.env.DB, id),
    ]);
    if (!bundle) throw notFoundProblem(`No lead with id "${id}".`);
    return c.json(
      {
        lead: bundle.lead,
        score: scoreStoredLead(bundle, published, new Date(), locale),
        interest: bundle.eventCounts,
        attempts: bundle.attempts,
        timeline,
      },
      200,
    );
  })
  .openapi(timelineRoute, async (c) => {
    const { id } = c.req.valid('param');
    const [bundle, timeline] = await Promise.all([findLeadBundleById(c.env.DB, id), readTimeline(c.env.DB, id)]);
    if (!bundle) throw notFoundProblem(`No lead with id "${id}".`);
    return c.json({ leadId: id, stageHistory: bundle.lead.stageHistory ?? [], timeline }, 200);
  })
  .openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    const now = new Date().toISOString();
    const erased = await deleteLead(c.env.DB, id);
    if (!erased) throw notFoundProblem(`No lead with id "${id}".`);
    // The audit keeps that an erasure happened and by whom, never the person's data.
    await auditStatement(c.env.DB, {
      caller: c.get('caller'),
      action: 'lead.erase',
      target: `lead:${id}`,
      detail: erased,
      at: now,
    }).run();
    return c.json({ id, erased }, 200);
  })
  .put('/v1/leads', requireRole('marketer'), (c) => upsertFromBody(c, bodyKind(c, true) === 'csv'))
  .post('/v1/leads/import', requireRole('marketer'), (c) => upsertFromBody(c, bodyKind(c, false) === 'csv'));
