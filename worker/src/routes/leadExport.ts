import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth';
import { csvLine } from '../csvCell';
import { problemResponses } from '../problem';
import { BEARER_SECURITY, createRouter } from '../router';

/** Column name in the CSV → column in `leads`. Names match the import, so an export re-imports. */
const EXPORT_COLUMNS = [
  ['id', 'id'],
  ['email', 'email'],
  ['name', 'name'],
  ['title', 'title'],
  ['company', 'company'],
  ['domain', 'domain'],
  ['industry', 'industry'],
  ['employees', 'employees'],
  ['country', 'country'],
  ['linkedinUrl', 'linkedin_url'],
  ['source', 'source'],
  ['leadType', 'lead_type'],
  ['lifecycleStage', 'lifecycle_stage'],
  ['leadStatus', 'lead_status'],
  ['owner', 'owner'],
  ['createdAt', 'created_at'],
  ['updatedAt', 'updated_at'],
] as const;

const MAX_EXPORT_ROWS = 10_000;

const exportRoute = createRoute({
  method: 'get',
  path: '/v1/leads/export',
  tags: ['leads'],
  summary: `Leads as CSV (oldest first, at most ${MAX_EXPORT_ROWS} per page; page on with ?after=<last id>)`,
  description:
    "Cells that a spreadsheet would evaluate as a formula (starting with = + - @ tab or CR) are prefixed with ' so they open as text.",
  security: BEARER_SECURITY,
  middleware: [requireRole('marketer')] as const,
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(MAX_EXPORT_ROWS).default(MAX_EXPORT_ROWS),
      after: z.string().max(64).optional(),
    }),
  },
  responses: {
    200: { description: 'RFC 4180 CSV with a header row', content: { 'text/csv': { schema: z.string() } } },
    ...problemResponses(400, 401, 403),
  },
});

export const leadExportRoutes = createRouter().openapi(exportRoute, async (c) => {
  const { limit, after } = c.req.valid('query');
  const columns = EXPORT_COLUMNS.map(([, column]) => column).join(', ');
  const rows = await c.env.DB.prepare(`SELECT ${columns} FROM leads WHERE id > ?1 ORDER BY id LIMIT ?2`)
    .bind(after ?? '', limit)
    .all<Record<string, unknown>>();
  const lines = [
    csvLine(EXPORT_COLUMNS.map(([name]) => name)),
    ...rows.results.map((row) => csvLine(EXPORT_COLUMNS.map(([, column]) => row[column]))),
  ];
  // No BOM: the import accepts either; CRLF per RFC 4180.
  return c.body(`${lines.join('\r\n')}\r\n`, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="leads.csv"',
  });
});
