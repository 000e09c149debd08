import { beforeAll, describe, expect, it } from 'vitest';
import { call, createToken, expectProblem } from './helpers';

interface Calibration {
  leads: number;
  customers: number;
  averageCloseRate: number;
  rows: {
    action: string;
    bucket: string;
    leads: number;
    customers: number;
    lift: number;
    points: number;
    suggestedMql: boolean;
  }[];
  suggestedMql: { action: string; bucket: string }[];
  evaluation: { pointsAuc: number | null; logisticRegressionAuc: number | null };
  modelVersion: number;
  applied: boolean;
}

/** 400 past leads: a demo request converts 60 % of the time, everyone else 3.3 %. */
function pastLeads() {
  return Array.from({ length: 400 }, (_, i) => {
    const demo = i % 4 === 0;
    const converted = demo ? i % 20 < 12 : i % 40 === 1;
    return { actions: { demo_request: demo, source: i % 3 === 0 ? 'webinar' : 'ads' }, converted };
  });
}

let marketer: string;
beforeAll(async () => {
  marketer = (await createToken('marketer')).token;
});

describe('POST /v1/calibrations', () => {
  it('suggests points and MQL criteria from JSON outcomes without changing the model', async () => {
    const before = (await (await call('GET', '/v1/model')).json()) as { version: number };
    const res = await call('POST', '/v1/calibrations', { body: { leads: pastLeads(), options: { minSupport: 10 } } });
    expect(res.status).toBe(200);
    const result = (await res.json()) as Calibration;
    expect(result).toMatchObject({ leads: 400, applied: false, modelVersion: before.version });
    const demoYes = result.rows.find((r) => r.action === 'demo_request' && r.bucket === 'yes');
    expect(demoYes?.leads).toBe(100);
    expect(demoYes?.lift).toBeGreaterThan(3);
    expect(result.suggestedMql).toEqual([expect.objectContaining({ action: 'demo_request', bucket: 'yes' })]);
    expect(result.evaluation.pointsAuc).toBeGreaterThan(0.7);
    const after = (await (await call('GET', '/v1/model')).json()) as { version: number };
    expect(after.version).toBe(before.version);
  });

  it('reads a CSV with a converted column (BOM, quotes), leaving out ignored columns', async () => {
    const lines = pastLeads().map(
      (l, i) => `lead-${i},${l.actions.demo_request ? 'yes' : 'no'},"${l.actions.source}, inc",${l.converted ? 1 : 0}`,
    );
    const csv = `\uFEFFid,Demo Request,Source,Converted\r\n${lines.join('\r\n')}\r\n`;
    const res = await call('POST', '/v1/calibrations?ignore=id', {
      rawBody: csv,
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(res.status).toBe(200);
    const result = (await res.json()) as Calibration;
    expect(result.leads).toBe(400);
    expect([...new Set(result.rows.map((r) => r.action))].sort()).toEqual(['Demo Request', 'Source']);
    expect(result.rows.find((r) => r.action === 'Source' && r.bucket === 'value:webinar, inc')?.leads).toBe(134);
  });

  it('validates input and is for admins only', async () => {
    const bad = await expectProblem(
      await call('POST', '/v1/calibrations', { body: { leads: [{ actions: {}, converted: 'yes' }] } }),
      400,
    );
    expect(bad.errors?.[0]?.path).toBe('leads.0.converted');
    const noOutcome = await expectProblem(
      await call('POST', '/v1/calibrations', { rawBody: 'a,b\n1,2\n', headers: { 'Content-Type': 'text/csv' } }),
      400,
    );
    expect(noOutcome.errors?.[0]?.path).toBe('outcome');
    await expectProblem(await call('POST', '/v1/calibrations', { token: marketer, body: { leads: pastLeads() } }), 403);
  });
});
