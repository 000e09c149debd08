import { beforeAll, describe, expect, it } from 'vitest';
import { ScoreResultSchema } from '../../shared';
import { call, createToken, expectProblem } from './helpers';

let rep: string;
beforeAll(async () => {
  rep = (await createToken('rep')).token;
});

describe('POST /v1/score', () => {
  it('scores unstored facts with the live model: interest unknown, persona and why filled', async () => {
    const res = await call('POST', '/v1/score', {
      token: rep,
      body: {
        facts: { title: 'Direttore IT', company: 'Banca Uno', industry: 'banking', employees: 3000, country: 'IT' },
      },
    });
    expect(res.status).toBe(200);
    const result = ScoreResultSchema.parse(await res.json());
    expect(result).toMatchObject({
      interestKnown: false,
      interest: 0,
      stage: 'unknown',
      quadrant: 'nurture',
      modelVersion: 0,
    });
    expect(result.personas[0]?.id).toBe('it_leader');
    expect(result.talkingPoints.length).toBeGreaterThan(0);
    expect(result.why.map((w) => w.rule)).toEqual(
      expect.arrayContaining(['industry_financial_services', 'employees_mid_market', 'country_core_market']),
    );
    expect(result.sla).toBeUndefined();
  });

  it('uses events sent along, and the requested locale', async () => {
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const res = await call('POST', '/v1/score', {
      token: rep,
      body: {
        facts: {
          email: 'kenji@example.jp',
          title: '情報システム部長',
          industry: '銀行',
          employees: 12000,
          country: 'JP',
        },
        events: [
          { id: 'e1', email: 'kenji@example.jp', type: 'demo_request', at },
          { id: 'e2', email: 'kenji@example.jp', type: 'pricing_view', at },
        ],
        locale: 'ja',
      },
    });
    const result = ScoreResultSchema.parse(await res.json());
    expect(result).toMatchObject({ interestKnown: true, quadrant: 'hot' });
    expect(result.nextAction).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('validates facts with the field path, and needs a token', async () => {
    const problem = await expectProblem(
      await call('POST', '/v1/score', { token: rep, body: { facts: { country: 'Japan', employees: -1 } } }),
      400,
    );
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['facts.country', 'facts.employees']);
    await expectProblem(await call('POST', '/v1/score', { token: null, body: { facts: {} } }), 401);
  });
});
