import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  type CalibrationLead,
  CalibrationLeadSchema,
  CalibrationOptionsSchema,
  CalibrationResultSchema,
  calibrate,
  leadsFromCsvRecords,
  zodIssuesToFieldErrors,
} from '../../../shared';
import { requireRole } from '../auth';
import {
  isCsv,
  isJson,
  MAX_CALIBRATION_ROWS,
  parseCsvBody,
  parseJsonBody,
  readBodyText,
  tooManyRows,
  unsupportedMediaType,
} from '../batch';
import type { AppEnv } from '../env';
import { problemResponses, validationProblem } from '../problem';
import { loadPublishedModel } from '../publishedModel';
import { BEARER_SECURITY, createRouter } from '../router';

const CalibrationRequestSchema = z.object({
  leads: z.array(CalibrationLeadSchema).min(1).max(MAX_CALIBRATION_ROWS),
  options: CalibrationOptionsSchema.partial().optional(),
});

const CsvQuerySchema = z.object({
  outcome: z.string().min(1).max(200).optional(),
  ignore: z.string().max(5000).optional(),
  missing: z.string().max(2000).optional(),
  seed: z.coerce.number().int().optional(),
  testShare: z.coerce.number().gt(0).lt(1).optional(),
});

const CalibrationResponseSchema = CalibrationResultSchema.extend({
  modelVersion: z.number().int().describe('The live model the suggestions were made next to; it is not changed'),
  applied: z.literal(false),
});

const calibrationDoc = createRoute({
  method: 'post',
  path: '/v1/calibrations',
  tags: ['calibration'],
  summary: 'Suggest points and MQL criteria from past outcomes (never changes the model)',
  description:
    'JSON `{leads:[{actions, converted}], options?}`, or text/csv with one row per past lead and an outcome column (`converted` unless `?outcome=` names another; `?ignore=a,b` leaves out leaking columns; `?missing=Select` marks unanswered cells). Reports close rate, lift and points per action and the held-out AUC next to a logistic-regression baseline.',
  security: BEARER_SECURITY,
  request: {
    query: CsvQuerySchema,
    body: {
      required: true,
      content: { 'application/json': { schema: CalibrationRequestSchema }, 'text/csv': { schema: z.string() } },
    },
  },
  responses: {
    200: { description: 'Suggestions', content: { 'application/json': { schema: CalibrationResponseSchema } } },
    ...problemResponses(400, 401, 403, 413, 415),
  },
});

const splitList = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

function leadsFromCsv(c: Context<AppEnv>, text: string): { leads: CalibrationLead[]; options: Record<string, number> } {
  const query = CsvQuerySchema.safeParse(c.req.query());
  if (!query.success) throw validationProblem(zodIssuesToFieldErrors(query.error));
  const records = parseCsvBody(text);
  if (records.length === 0) throw validationProblem([{ path: '(root)', message: 'the CSV has no rows' }]);
  if (records.length > MAX_CALIBRATION_ROWS) throw tooManyRows(records.length, MAX_CALIBRATION_ROWS, 'past leads');
  const columns = Object.keys(records[0] as Record<string, string>);
  const outcomeColumn = query.data.outcome ?? columns.find((name) => name.toLowerCase() === 'converted');
  if (!outcomeColumn || !columns.includes(outcomeColumn)) {
    throw validationProblem([
      {
        path: 'outcome',
        message: `the CSV needs an outcome column (${query.data.outcome ?? 'converted'}); it has ${columns.join(', ')}`,
      },
    ]);
  }
  const leads = leadsFromCsvRecords(records, {
    outcomeColumn,
    ignoreColumns: splitList(query.data.ignore),
    missingValues: splitList(query.data.missing),
  });
  const options: Record<string, number> = {};
  if (query.data.seed !== undefined) options.seed = query.data.seed;
  if (query.data.testShare !== undefined) options.testShare = query.data.testShare;
  return { leads, options };
}

const router = createRouter();
router.openAPIRegistry.registerPath(calibrationDoc);

export const calibrationRoutes = router.post('/v1/calibrations', requireRole('admin'), async (c) => {
  const text = await readBodyText(c);
  let leads: CalibrationLead[];
  let options: Record<string, unknown> = {};
  if (isCsv(c)) {
    ({ leads, options } = leadsFromCsv(c, text));
  } else if (isJson(c)) {
    const parsed = CalibrationRequestSchema.safeParse(parseJsonBody(text));
    if (!parsed.success) throw validationProblem(zodIssuesToFieldErrors(parsed.error));
    leads = parsed.data.leads;
    options = parsed.data.options ?? {};
  } else {
    throw unsupportedMediaType(['application/json', 'text/csv']);
  }
  const published = await loadPublishedModel(c.env.DB);
  const result = calibrate(leads, options);
  return c.json({ ...result, modelVersion: published.version, applied: false as const }, 200);
});
