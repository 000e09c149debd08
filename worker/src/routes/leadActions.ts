import { createRoute, z } from '@hono/zod-openapi';
import {
  type AlignmentModel,
  AttemptInputSchema,
  AttemptSchema,
  applyTransition,
  LeadSchema,
  StageHistoryEntrySchema,
  TransitionInputSchema,
} from '../../../shared';
import { requireRole } from '../auth';
import { auditStatement } from '../db/audit';
import { findLeadBundleById, findLeadRowById, insertAttempt, saveTransition } from '../db/leadStore';
import { conflictProblem, notFoundProblem, problemResponses, validationProblem } from '../problem';
import { loadPublishedModel } from '../publishedModel';
import { BEARER_SECURITY, createRouter } from '../router';

const LeadIdParams = z.object({ id: z.string().min(1).max(64) });

const attemptRoute = createRoute({
  method: 'post',
  path: '/v1/leads/{id}/attempts',
  tags: ['leads'],
  summary: 'Log a connect attempt (stops the SLA clock; counts toward the connect-attempt SLA)',
  description:
    'A lead with no status or status "new" moves to "attempting_contact"; an attempt with outcome "connected" sets "connected" (when the model defines those statuses). `at` back-fills an attempt made earlier.',
  security: BEARER_SECURITY,
  middleware: [requireRole('rep')] as const,
  request: {
    params: LeadIdParams,
    body: { required: true, content: { 'application/json': { schema: AttemptInputSchema } } },
  },
  responses: {
    201: { description: 'The attempt', content: { 'application/json': { schema: AttemptSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

const transitionRoute = createRoute({
  method: 'post',
  path: '/v1/leads/{id}/transitions',
  tags: ['leads'],
  summary: 'Move a lead along the lifecycle: accept (→ sal), return with a reason, qualify, disqualify …',
  description:
    'Stages move forward; moving back needs a transition of the model (e.g. return to nurture, which sets status "returned_not_ready" and requires a reason). Invalid moves answer 409. `at` back-fills a move made earlier.',
  security: BEARER_SECURITY,
  middleware: [requireRole('rep')] as const,
  request: {
    params: LeadIdParams,
    body: { required: true, content: { 'application/json': { schema: TransitionInputSchema } } },
  },
  responses: {
    200: {
      description: 'The lead after the move and the history entry recorded',
      content: { 'application/json': { schema: z.object({ lead: LeadSchema, entry: StageHistoryEntrySchema }) } },
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

/** The status an attempt implies, if the model defines it: first touch → attempting contact; a connect → connected. */
function statusAfterAttempt(model: AlignmentModel, current: string | null, outcome: string): string | undefined {
  const has = (id: string) => model.leadStatuses.some((s) => s.id === id);
  if (outcome === 'connected' && has('connected') && current !== 'connected') return 'connected';
  if ((current === null || current === 'new') && has('attempting_contact')) return 'attempting_contact';
  return undefined;
}

export const leadActionRoutes = createRouter()
  .openapi(attemptRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const [row, published] = await Promise.all([findLeadRowById(c.env.DB, id), loadPublishedModel(c.env.DB)]);
    if (!row) throw notFoundProblem(`No lead with id "${id}".`);
    const now = new Date().toISOString();
    const attempt = await insertAttempt(
      c.env.DB,
      id,
      { ...input, at: input.at ?? now },
      { by: c.get('caller').name, now, setStatus: statusAfterAttempt(published.model, row.lead_status, input.outcome) },
    );
    return c.json(attempt, 201, { Location: `/v1/leads/${id}/timeline` });
  })
  .openapi(transitionRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const [bundle, published] = await Promise.all([findLeadBundleById(c.env.DB, id), loadPublishedModel(c.env.DB)]);
    if (!bundle) throw notFoundProblem(`No lead with id "${id}".`);
    const now = new Date();
    const result = applyTransition(published.model, bundle.lead, input, now);
    if (!result.ok) {
      if (result.status === 409)
        throw conflictProblem(result.message, { from: bundle.lead.lifecycleStage, to: input.to });
      throw validationProblem([{ path: result.path ?? '(root)', message: result.message }]);
    }
    // A move that changes nothing (accepting an accepted lead, e.g. a second rep clicking a moment later)
    // would only add a duplicate history entry: refuse it like any other move that is not possible now.
    if (
      result.lead.lifecycleStage === bundle.lead.lifecycleStage &&
      (result.lead.leadStatus ?? null) === (bundle.lead.leadStatus ?? null)
    ) {
      throw conflictProblem(`The lead is already in "${bundle.lead.lifecycleStage}".`, {
        from: bundle.lead.lifecycleStage,
        to: input.to,
      });
    }
    const caller = c.get('caller');
    const entry = { ...result.entry, at: new Date(result.entry.at).toISOString() };
    const applied = await saveTransition(c.env.DB, id, entry, {
      stage: result.lead.lifecycleStage,
      status: result.lead.leadStatus,
      expected: { stage: bundle.lead.lifecycleStage, status: bundle.lead.leadStatus },
      by: caller.name,
      now: now.toISOString(),
      also: [
        auditStatement(
          c.env.DB,
          {
            caller,
            action: 'lead.transition',
            target: `lead:${id}`,
            detail: {
              from: bundle.lead.lifecycleStage,
              to: entry.stage,
              status: entry.status,
              transition: entry.transition,
            },
            at: now.toISOString(),
          },
          // Recorded only if the history entry was, i.e. this move won a race with another one.
          { sql: 'changes() = 1', params: [] },
        ),
      ],
    });
    if (!applied) {
      throw conflictProblem('The lead was moved by someone else meanwhile; reload it and try again.', {
        from: bundle.lead.lifecycleStage,
        to: input.to,
      });
    }
    const stored = await findLeadBundleById(c.env.DB, id);
    return c.json({ lead: stored?.lead ?? result.lead, entry }, 200);
  });
