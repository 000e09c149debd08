import { createRoute, type z } from '@hono/zod-openapi';
import { ImpactTally, ModelPreviewInputSchema, ModelPreviewSchema, validateModel } from '../../../shared';
import { requireRole } from '../auth';
import { IMPACT_EVENTS_CHUNK, readImpactLeads, readRecentLeads } from '../db/impactLeads';
import { problemResponses, validationProblem } from '../problem';
import { loadPublishedModel } from '../publishedModel';
import { BEARER_SECURITY, createRouter } from '../router';
import { prefixModelErrors } from './model';

/**
 * Leads compared per request, most recently updated first. Two models over 5,000 leads stay well
 * inside a Worker's CPU budget; the answer says when more are stored (`truncated`).
 */
export const PREVIEW_LEAD_LIMIT = 5000;

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const previewRoute = createRoute({
  method: 'post',
  path: '/v1/model/preview',
  tags: ['model'],
  summary:
    'How many stored leads a draft model would move to another quadrant or suggested stage if published (writes nothing)',
  security: BEARER_SECURITY,
  middleware: [requireRole('admin')] as const,
  request: { body: { required: true, content: json(ModelPreviewInputSchema) } },
  responses: {
    200: { description: 'The draft compared with the live model', content: json(ModelPreviewSchema) },
    ...problemResponses(400, 401, 403),
  },
});

export const modelPreviewRoutes = createRouter().openapi(previewRoute, async (c) => {
  const input = c.req.valid('json');
  // Same checks as a publish: a draft that could not be published is not previewed either.
  const checked = validateModel(input.model);
  if (!checked.ok) throw validationProblem(prefixModelErrors(checked.errors), 'The model is not valid.');
  const at = input.at ?? new Date().toISOString();
  const [live, recent] = await Promise.all([
    loadPublishedModel(c.env.DB),
    readRecentLeads(c.env.DB, PREVIEW_LEAD_LIMIT),
  ]);
  const tally = new ImpactTally(live.model, checked.model, at);
  // The next chunk's events are read while this one is scored.
  const chunks: (typeof recent.rows)[] = [];
  for (let i = 0; i < recent.rows.length; i += IMPACT_EVENTS_CHUNK) {
    chunks.push(recent.rows.slice(i, i + IMPACT_EVENTS_CHUNK));
  }
  let pending = chunks[0] ? readImpactLeads(c.env.DB, chunks[0]) : null;
  for (let i = 0; pending; i++) {
    const leads = await pending;
    const next = chunks[i + 1];
    pending = next ? readImpactLeads(c.env.DB, next) : null;
    for (const lead of leads) tally.add(lead);
  }
  const impact = tally.result();
  return c.json(
    {
      ...impact,
      leadsTotal: recent.total,
      truncated: impact.leadsCompared < recent.total,
      liveVersion: live.version,
      at: new Date(at).toISOString(),
    },
    200,
  );
});
