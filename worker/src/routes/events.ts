import { createRoute, z } from '@hono/zod-openapi';
import { type LeadEvent, LeadEventSchema, zodIssuesToFieldErrors } from '../../../shared';
import { requireRole } from '../auth';
import { batchReport, MAX_EVENT_BATCH_ROWS, parseJsonArray, type RejectedRow, readBodyText } from '../batch';
import { ingestEvents } from '../db/leadStore';
import { problemResponses } from '../problem';
import { loadPublishedModel } from '../publishedModel';
import { BEARER_SECURITY, createRouter } from '../router';

const IngestReportSchema = z.object({
  accepted: z.number().int().describe('Events stored by this request'),
  duplicates: z
    .number()
    .int()
    .describe('Valid events whose id was already stored (or repeated in the batch): not stored again'),
  rejected: z.array(
    z.object({ index: z.number().int(), errors: z.array(z.object({ path: z.string(), message: z.string() })) }),
  ),
  leadsCreated: z.number().int().describe('Stub leads created for emails not yet known, in the first lifecycle stage'),
});

// Rows are validated one by one (per-row report), so the body is documented, not schema-validated.
const ingestDoc = createRoute({
  method: 'post',
  path: '/v1/events',
  tags: ['events'],
  summary: `Ingest behavioural events idempotently on their id (at most ${MAX_EVENT_BATCH_ROWS} per request)`,
  description:
    'A retried batch stores nothing twice: events whose id is already stored count as duplicates. Unknown lowercase event types are stored and score only when a rule names them. An event for an email without a lead creates a stub lead in the first lifecycle stage (subscriber), so behaviour that arrives before the CRM record is kept. Accepted events are durable on return; rejected rows write nothing. A batch with no valid row answers 400 with the same report.',
  security: BEARER_SECURITY,
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.array(LeadEventSchema).max(MAX_EVENT_BATCH_ROWS) } },
    },
  },
  responses: {
    200: { description: 'What was stored', content: { 'application/json': { schema: IngestReportSchema } } },
    ...problemResponses(400, 401, 403, 413),
  },
});

const router = createRouter();
router.openAPIRegistry.registerPath(ingestDoc);

export const eventRoutes = router.post('/v1/events', requireRole('marketer'), async (c) => {
  const rows = parseJsonArray(await readBodyText(c), 'events', MAX_EVENT_BATCH_ROWS);
  const rejected: RejectedRow[] = [];
  const events: LeadEvent[] = [];
  rows.forEach((raw, index) => {
    const parsed = LeadEventSchema.safeParse(raw);
    if (parsed.success) events.push(parsed.data);
    else rejected.push({ index, errors: zodIssuesToFieldErrors(parsed.error, [index]) });
  });
  const stubStage = (await loadPublishedModel(c.env.DB)).model.lifecycle.stages[0]?.id ?? 'subscriber';
  const result = await ingestEvents(c.env.DB, events, { stubStage, now: new Date().toISOString() });
  return batchReport(
    c,
    { accepted: result.accepted, duplicates: result.duplicates, rejected, leadsCreated: result.leadsCreated },
    events.length,
  );
});
