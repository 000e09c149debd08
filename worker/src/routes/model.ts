import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  type AlignmentModel,
  type FieldError,
  ModelVersionListSchema,
  ModelVersionSchema,
  PublishModelInputSchema,
  RollbackModelInputSchema,
  validateModel,
} from '../../../shared';
import { requireRole } from '../auth';
import { randomId } from '../crypto';
import { listModelVersions, publishModelVersion } from '../db/modelVersions';
import type { AppEnv } from '../env';
import {
  conflictProblem,
  notFoundProblem,
  PROBLEM_TYPES,
  ProblemError,
  problemResponses,
  validationProblem,
} from '../problem';
import {
  hashModel,
  loadModelVersion,
  loadPublishedModel,
  modelEtag,
  type PublishedModel,
  publishedModelHead,
} from '../publishedModel';
import { BEARER_SECURITY, createRouter } from '../router';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const etagHeader = z.object({ ETag: z.string().openapi({ description: 'Strong ETag `"v<version>-<hash>"`' }) });

/** Browsers and the extension must revalidate on every use; the ETag makes that a cheap 304. */
const CACHE_CONTROL = 'private, no-cache';

const getModelRoute = createRoute({
  method: 'get',
  path: '/v1/model',
  tags: ['model'],
  summary: 'The published model (version 0 = built-in default while nothing is published)',
  security: BEARER_SECURITY,
  middleware: [requireRole('rep')] as const,
  request: { headers: z.object({ 'if-none-match': z.string().optional() }) },
  responses: {
    200: { description: 'The live model', headers: etagHeader, content: json(ModelVersionSchema) },
    304: { description: 'Unchanged since the ETag in If-None-Match', headers: etagHeader },
    ...problemResponses(401, 403),
  },
});

const listVersionsRoute = createRoute({
  method: 'get',
  path: '/v1/model/versions',
  tags: ['model'],
  summary: 'Published versions, newest first',
  security: BEARER_SECURITY,
  middleware: [requireRole('rep')] as const,
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(200).default(50),
      before: z.coerce.number().int().min(1).optional(),
    }),
  },
  responses: {
    200: { description: 'History', content: json(ModelVersionListSchema) },
    ...problemResponses(400, 401, 403),
  },
});

const getVersionRoute = createRoute({
  method: 'get',
  path: '/v1/model/versions/{version}',
  tags: ['model'],
  summary: 'One version with its model (0 = the built-in default)',
  security: BEARER_SECURITY,
  middleware: [requireRole('rep')] as const,
  request: { params: z.object({ version: z.coerce.number().int().min(0) }) },
  responses: {
    200: { description: 'The version', headers: etagHeader, content: json(ModelVersionSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const ifMatchHeaders = z.object({
  'if-match': z
    .string()
    .optional()
    .openapi({ description: 'ETag of the version you edited; 412 if it is no longer live' }),
});

const publishRoute = createRoute({
  method: 'post',
  path: '/v1/model/versions',
  tags: ['model'],
  summary: 'Validate and publish a new version (If-Match guards against overwriting a newer one)',
  security: BEARER_SECURITY,
  middleware: [requireRole('admin')] as const,
  request: { headers: ifMatchHeaders, body: { required: true, content: json(PublishModelInputSchema) } },
  responses: {
    201: { description: 'Published', headers: etagHeader, content: json(ModelVersionSchema) },
    ...problemResponses(400, 401, 403, 409, 412),
  },
});

const rollbackRoute = createRoute({
  method: 'post',
  path: '/v1/model/rollback',
  tags: ['model'],
  summary: 'Publish a copy of an older version as the newest version',
  security: BEARER_SECURITY,
  middleware: [requireRole('admin')] as const,
  request: { headers: ifMatchHeaders, body: { required: true, content: json(RollbackModelInputSchema) } },
  responses: {
    201: { description: 'Published', headers: etagHeader, content: json(ModelVersionSchema) },
    ...problemResponses(400, 401, 403, 404, 409, 412),
  },
});

function toBody(m: PublishedModel) {
  return {
    version: m.version,
    hash: m.hash,
    etag: m.etag,
    note: m.note,
    publishedAt: m.publishedAt,
    publishedBy: m.publishedBy,
    rollbackOf: m.rollbackOf,
    model: m.model,
  };
}

function entityTags(header: string): string[] {
  return header
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** If-None-Match uses weak comparison (RFC 9110 §13.1.2). */
function noneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return entityTags(header).some((tag) => tag === '*' || tag.replace(/^W\//, '') === etag);
}

/** If-Match uses strong comparison: weak tags never match. */
function ifMatchHits(header: string, etag: string): boolean {
  return entityTags(header).some((tag) => tag === '*' || tag === etag);
}

export function prefixModelErrors(errors: FieldError[]): FieldError[] {
  return errors.map((e) => ({ ...e, path: e.path && e.path !== '(root)' ? `model.${e.path}` : 'model' }));
}

const MAX_PUBLISH_ATTEMPTS = 5;

/**
 * Publishes `model` as the next version. With If-Match, the caller's version must still be
 * live (else 412); without, a publish that loses a race is retried on the new head.
 */
async function publish(
  c: Context<AppEnv>,
  model: AlignmentModel,
  note: string,
  rollbackOf?: number,
): Promise<PublishedModel> {
  const ifMatch = c.req.header('If-Match');
  const hash = await hashModel(model);
  for (let attempt = 0; attempt < MAX_PUBLISH_ATTEMPTS; attempt++) {
    const head = await publishedModelHead(c.env.DB);
    if (ifMatch !== undefined && !ifMatchHits(ifMatch, head.etag)) {
      throw new ProblemError({
        status: 412,
        type: PROBLEM_TYPES.preconditionFailed,
        title: 'Precondition failed',
        detail: `The model changed since you loaded it: version ${head.version} is live now. Reload, re-apply your edits and publish again.`,
        extensions: { currentVersion: head.version, currentEtag: head.etag },
        headers: { ETag: head.etag },
      });
    }
    const published = await publishModelVersion(c.env.DB, {
      model,
      hash,
      note,
      expectedVersion: head.version,
      publishId: randomId('pub_'),
      at: new Date().toISOString(),
      caller: c.get('caller'),
      ...(rollbackOf === undefined ? {} : { rollbackOf }),
    });
    if (published) return { ...published, etag: modelEtag(published.version, published.hash), model };
  }
  throw conflictProblem('Other publishes kept winning the race; try again.');
}

export const modelRoutes = createRouter()
  .openapi(getModelRoute, async (c) => {
    const head = await publishedModelHead(c.env.DB);
    if (noneMatchHits(c.req.header('If-None-Match'), head.etag)) {
      return c.body(null, 304, { ETag: head.etag, 'Cache-Control': CACHE_CONTROL });
    }
    const live = await loadPublishedModel(c.env.DB);
    return c.json(toBody(live), 200, { ETag: live.etag, 'Cache-Control': CACHE_CONTROL });
  })
  .openapi(listVersionsRoute, async (c) => {
    const page = c.req.valid('query');
    const versions = await listModelVersions(c.env.DB, page);
    const last = versions.at(-1);
    return c.json({ versions, nextBefore: versions.length === page.limit && last ? last.version : null }, 200);
  })
  .openapi(getVersionRoute, async (c) => {
    const { version } = c.req.valid('param');
    const found = await loadModelVersion(c.env.DB, version);
    if (!found) throw notFoundProblem(`Model version ${version} does not exist.`);
    return c.json(toBody(found), 200, { ETag: found.etag });
  })
  .openapi(publishRoute, async (c) => {
    const input = c.req.valid('json');
    // The route schema checked the shape; validateModel adds the cross-field checks
    // (references between ids, patterns that compile, thresholds that make sense).
    const checked = validateModel(input.model);
    if (!checked.ok) throw validationProblem(prefixModelErrors(checked.errors), 'The model is not valid.');
    const published = await publish(c, checked.model, input.note);
    return c.json(toBody(published), 201, {
      ETag: published.etag,
      Location: `/v1/model/versions/${published.version}`,
    });
  })
  .openapi(rollbackRoute, async (c) => {
    const input = c.req.valid('json');
    const target = await loadModelVersion(c.env.DB, input.version);
    if (!target) throw notFoundProblem(`Model version ${input.version} does not exist.`);
    const checked = validateModel(target.model);
    if (!checked.ok) {
      throw conflictProblem(`Version ${input.version} no longer passes validation; edit and publish it instead.`, {
        errors: prefixModelErrors(checked.errors),
      });
    }
    const published = await publish(
      c,
      checked.model,
      input.note ?? `Rollback to version ${input.version}`,
      input.version,
    );
    return c.json(toBody(published), 201, {
      ETag: published.etag,
      Location: `/v1/model/versions/${published.version}`,
    });
  });
