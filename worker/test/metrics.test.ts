import { beforeAll, describe, expect, it } from 'vitest';
import { call, createToken, expectProblem } from './helpers';

/**
 * A small funnel with known answers, in January–February 2019 so leads written by other tests
 * (created now) fall outside the period.
 */
interface Ratio {
  count: number;
  of: number;
  rate: number | null;
}
interface Funnel {
  leads: number;
  stages: { stage: string; entered: number }[];
  conversions: (Ratio & { from: string; to: string })[];
  salesCycleDays: { count: number; median: number | null };
  sla: {
    hotLeads: number;
    compliance: Ratio;
    pending: number;
    firstTouchHours: { count: number; median: number | null };
  };
  rejections: { rate: Ratio; reasons: { reason: string; count: number }[] };
  segments: (Omit<Funnel, 'segments'> & { value: string | null })[];
}

const unique = () => crypto.randomUUID().slice(0, 8);
const conversion = (f: Pick<Funnel, 'conversions'>, from: string, to: string) => {
  const c = f.conversions.find((x) => x.from === from && x.to === to);
  return c && { count: c.count, of: c.of };
};
let rep: string;
const period = 'from=2019-01-01&to=2019-03-01';

beforeAll(async () => {
  rep = (await createToken('rep')).token;
  const tag = unique();
  const upsert = async (rows: unknown[]) => {
    const res = await call('PUT', '/v1/leads', { body: rows });
    expect(res.status).toBe(200);
    return ((await res.json()) as { results: { id: string }[] }).results.map((r) => r.id);
  };
  const [won, returned, , ignored] = await upsert([
    {
      email: `won.${tag}@example.com`,
      industry: 'banking',
      lifecycleStage: 'mql',
      stageHistory: [
        { stage: 'lead', at: '2019-01-01T00:00:00Z' },
        { stage: 'mql', at: '2019-01-05T00:00:00Z' },
      ],
    },
    {
      email: `returned.${tag}@example.com`,
      industry: 'banking',
      lifecycleStage: 'mql',
      stageHistory: [
        { stage: 'lead', at: '2019-01-02T00:00:00Z' },
        { stage: 'mql', at: '2019-01-10T00:00:00Z' },
      ],
    },
    {
      email: `cold.${tag}@example.com`,
      industry: 'retail',
      stageHistory: [{ stage: 'lead', at: '2019-01-03T00:00:00Z' }],
    },
    {
      email: `ignored.${tag}@example.com`,
      industry: 'retail',
      lifecycleStage: 'mql',
      stageHistory: [
        { stage: 'lead', at: '2019-01-04T00:00:00Z' },
        { stage: 'mql', at: '2019-01-20T00:00:00Z' },
      ],
    },
  ]);
  const post = async (path: string, body: unknown) =>
    expect((await call('POST', path, { token: rep, body })).status).toBeLessThan(300);
  await post(`/v1/leads/${won}/attempts`, { channel: 'phone', outcome: 'connected', at: '2019-01-05T10:00:00Z' });
  await post(`/v1/leads/${won}/transitions`, { to: 'sal', at: '2019-01-06T00:00:00Z' });
  await upsert([
    {
      email: `won.${tag}@example.com`,
      lifecycleStage: 'customer',
      stageHistory: [{ stage: 'customer', at: '2019-02-05T00:00:00Z' }],
    },
  ]);
  await post(`/v1/leads/${returned}/attempts`, { channel: 'email', outcome: 'sent', at: '2019-01-12T00:00:00Z' });
  await post(`/v1/leads/${returned}/transitions`, {
    to: 'lead',
    status: 'returned_not_ready',
    reason: 'No budget',
    at: '2019-01-13T00:00:00Z',
  });
  expect(ignored).toEqual(expect.any(String));
});

describe('GET /v1/metrics/funnel', () => {
  it('computes conversions, cycle length, SLA compliance and rejection reasons from stored data', async () => {
    const res = await call('GET', `/v1/metrics/funnel?${period}`, { token: rep });
    expect(res.status).toBe(200);
    const funnel = (await res.json()) as Funnel;
    expect(funnel.leads).toBe(4);
    expect(funnel.stages.filter((s) => s.entered > 0).map((s) => [s.stage, s.entered])).toEqual([
      ['lead', 4],
      ['mql', 3],
      ['sal', 1],
      ['sql', 1],
      ['opportunity', 1],
      ['customer', 1],
    ]);
    expect(conversion(funnel, 'lead', 'mql')).toEqual({ count: 3, of: 4 });
    expect(conversion(funnel, 'mql', 'sal')).toEqual({ count: 1, of: 3 });
    expect(conversion(funnel, 'mql', 'customer')).toEqual({ count: 1, of: 3 });
    expect(conversion(funnel, 'lead', 'customer')).toEqual({ count: 1, of: 4 });
    expect(funnel.salesCycleDays).toEqual({ count: 1, median: 35 });
    expect(funnel.sla).toEqual({
      hotLeads: 3,
      compliance: { count: 1, of: 3, rate: 1 / 3 },
      pending: 0,
      firstTouchHours: { count: 2, median: 29 },
    });
    expect(funnel.rejections).toEqual({
      rate: { count: 1, of: 3, rate: 1 / 3 },
      reasons: [{ reason: 'No budget', count: 1 }],
    });
  });

  it('splits by segment', async () => {
    const funnel = (await (
      await call('GET', `/v1/metrics/funnel?${period}&segment=industry`, { token: rep })
    ).json()) as Funnel;
    expect(funnel.segments.map((s) => [s.value, s.leads, conversion(s, 'mql', 'customer')])).toEqual([
      ['banking', 2, { count: 1, of: 2 }],
      ['retail', 2, { count: 0, of: 1 }],
    ]);
  });

  it('validates the period and segment, and needs a token', async () => {
    expect(
      (await expectProblem(await call('GET', '/v1/metrics/funnel?segment=planet', { token: rep }), 400)).errors?.[0]
        ?.path,
    ).toBe('segment');
    expect(
      (await expectProblem(await call('GET', '/v1/metrics/funnel?from=yesterday', { token: rep }), 400)).errors?.[0]
        ?.path,
    ).toBe('from');
    expect(
      (await expectProblem(await call('GET', '/v1/metrics/funnel?from=2019-02-01&to=2019-01-01', { token: rep }), 400))
        .errors?.[0]?.path,
    ).toBe('to');
    await expectProblem(await call('GET', '/v1/metrics/funnel', { token: null }), 401);
  });
});
