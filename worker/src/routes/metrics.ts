import { createRoute, z } from '@hono/zod-openapi';
import {
  FunnelMetricsSchema,
  FunnelSegmentDimensionSchema,
  funnelMetrics,
  IsoDateTimeSchema,
  matchPersonas,
} from '../../../shared';
import { requireRole } from '../auth';
import { loadFunnelLeads } from '../db/funnelStore';
import { problemResponses, validationProblem } from '../problem';
import { loadPublishedModel } from '../publishedModel';
import { BEARER_SECURITY, createRouter } from '../router';

/** A date (`2025-01-01`, read as UTC midnight) or a full ISO 8601 date-time. */
const PeriodBoundSchema = z.union([
  IsoDateTimeSchema,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time')
    .transform((day) => `${day}T00:00:00.000Z`)
    // The regex lets 2025-13-45 through; re-checking the result keeps impossible days a 400, not a 500.
    .pipe(IsoDateTimeSchema),
]);

const FunnelQuerySchema = z.object({
  from: PeriodBoundSchema.optional().describe('Inclusive start of the period'),
  to: PeriodBoundSchema.optional().describe('Exclusive end of the period'),
  segment: FunnelSegmentDimensionSchema.optional(),
});

/** Statuses with which sales hands a lead back: they count as rejections, with their reason. */
const REJECTION_STATUSES = ['returned_not_ready', 'disqualified'];

const funnelRoute = createRoute({
  method: 'get',
  path: '/v1/metrics/funnel',
  tags: ['metrics'],
  summary: 'Funnel metrics: stage conversions, days per stage, sales cycle, active rate, SLA compliance, rejections',
  description:
    'Computed with the shared funnelMetrics over the stored leads. A conversion S → T counts leads that entered S in [from, to) and reached T by now. The SLA clock of a lead starts when it entered the model\'s clock stage (MQL) or a later one, with the model\'s hot follow-up hours; a connect attempt by then meets it. Rejections are returns ("returned_not_ready") and disqualifications with their reasons. `segment` repeats the metrics per industry, source, persona (best match of the live model) or lead type.',
  security: BEARER_SECURITY,
  middleware: [requireRole('rep')] as const,
  request: { query: FunnelQuerySchema },
  responses: {
    200: { description: 'The funnel', content: { 'application/json': { schema: FunnelMetricsSchema } } },
    ...problemResponses(400, 401, 403),
  },
});

export const metricsRoutes = createRouter().openapi(funnelRoute, async (c) => {
  const { from, to, segment } = c.req.valid('query');
  if (from !== undefined && to !== undefined && Date.parse(to) <= Date.parse(from)) {
    throw validationProblem([{ path: 'to', message: 'must be after from' }]);
  }
  const now = new Date().toISOString();
  const published = await loadPublishedModel(c.env.DB);
  const model = published.model;
  const stageOrder = model.lifecycle.stages.map((s) => s.id);
  const clockIndex = stageOrder.indexOf(model.sla.clockStartsAtStage);
  const rows = await loadFunnelLeads(c.env.DB, {
    from,
    to,
    now,
    clockStages: clockIndex >= 0 ? stageOrder.slice(clockIndex) : [],
    rejectionStatuses: REJECTION_STATUSES,
  });
  const leads = rows.map(({ lead, title }) => {
    if (segment !== 'persona' || !title) return lead;
    const best = matchPersonas(model, { title })[0];
    return best ? { ...lead, persona: best.id } : lead;
  });
  const metrics = funnelMetrics(leads, {
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    ...(segment !== undefined ? { segmentBy: segment } : {}),
    stageOrder,
    slaHours: model.sla.followUpHours.hot,
    handoffStage: clockIndex >= 0 ? model.sla.clockStartsAtStage : 'mql',
    now,
  });
  return c.json({ ...metrics, modelVersion: published.version }, 200);
});
