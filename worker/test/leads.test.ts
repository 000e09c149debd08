import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, createToken, expectProblem } from './helpers';

interface UpsertReport {
  results: { index: number; id: string; email: string; created: boolean; lifecycleStage: string }[];
  rejected: { index: number; errors: { path: string; message: string }[] }[];
}

const unique = () => crypto.randomUUID().slice(0, 8);

async function countLeads(emails: string[]): Promise<number> {
  const row = await env.DB.prepare('SELECT count(*) AS n FROM leads WHERE email IN (SELECT value FROM json_each(?1))')
    .bind(JSON.stringify(emails.map((e) => e.toLowerCase())))
    .first<{ n: number }>();
  return row?.n ?? 0;
}

let rep: string;
let marketer: string;

beforeAll(async () => {
  rep = (await createToken('rep')).token;
  marketer = (await createToken('marketer')).token;
});

describe('PUT /v1/leads', () => {
  it('creates leads, then updates them by case-insensitive email, keeping fields a row leaves out', async () => {
    const email = `Aiko.${unique()}@Example.JP`;
    const first = await call('PUT', '/v1/leads', {
      token: marketer,
      body: [
        {
          email,
          name: 'Aiko Tanaka',
          title: 'CFO',
          company: 'Kyoto Bank',
          country: 'jp',
          employees: 8000,
          industry: 'banking',
        },
      ],
    });
    expect(first.status).toBe(200);
    const created = (await first.json()) as UpsertReport;
    expect(created.rejected).toEqual([]);
    expect(created.results).toEqual([
      { index: 0, id: expect.any(String), email: email.toLowerCase(), created: true, lifecycleStage: 'lead' },
    ]);

    const second = await call('PUT', '/v1/leads', {
      token: marketer,
      body: [{ email: email.toUpperCase(), title: '最高財務責任者' }],
    });
    const updated = (await second.json()) as UpsertReport;
    expect(updated.results[0]).toMatchObject({ id: created.results[0]?.id, created: false });

    const row = await env.DB.prepare('SELECT email, name, title, country, employees FROM leads WHERE id = ?1')
      .bind(created.results[0]?.id)
      .first();
    expect(row).toEqual({
      email: email.toLowerCase(),
      name: 'Aiko Tanaka',
      title: '最高財務責任者',
      country: 'JP',
      employees: 8000,
    });
  });

  it('reports rejected rows with their index and the bad field path, and writes nothing for them', async () => {
    const good = `good.${unique()}@example.com`;
    const bad = `bad.${unique()}@example.com`;
    const res = await call('PUT', '/v1/leads', {
      token: marketer,
      body: [
        { email: good, name: 'Good' },
        { email: bad, employees: 'many' },
        { email: 'not-an-email' },
        { email: `${unique()}@example.com`, lifecycleStage: 'unicorn' },
      ],
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as UpsertReport;
    expect(report.results.map((r) => r.index)).toEqual([0]);
    expect(report.rejected.map((r) => r.index)).toEqual([1, 2, 3]);
    expect(report.rejected[0]?.errors.map((e) => e.path)).toEqual(['1.employees']);
    expect(report.rejected[1]?.errors.map((e) => e.path)).toEqual(['2.email']);
    expect(report.rejected[2]?.errors[0]).toMatchObject({
      path: '3.lifecycleStage',
      message: expect.stringContaining('"mql"'),
    });
    expect(await countLeads([good])).toBe(1);
    expect(await countLeads([bad])).toBe(0);
  });

  it('answers 400 with row-prefixed paths when no row is valid', async () => {
    const all = await call('PUT', '/v1/leads', {
      token: marketer,
      body: [{ email: 'nope' }, { email: 'a@b.co', country: 'Japan' }],
    });
    const problem = await expectProblem(all, 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['0.email', '1.country']);
    expect((problem.rejected as unknown[]).length).toBe(2);
    expect(await countLeads(['a@b.co'])).toBe(0);
  });

  it('rejects a body that is not an array, too many rows (naming the limit) and bodies over the byte limit', async () => {
    expect(
      (await expectProblem(await call('PUT', '/v1/leads', { token: marketer, body: { email: 'a@b.co' } }), 400))
        .errors?.[0]?.path,
    ).toBe('(root)');
    const rows = Array.from({ length: 1001 }, (_, i) => ({ email: `bulk${i}@example.com` }));
    const tooMany = await expectProblem(await call('PUT', '/v1/leads', { token: marketer, body: rows }), 400);
    expect(tooMany.detail).toContain('1000');
    expect(await countLeads(['bulk0@example.com'])).toBe(0);
    const huge = JSON.stringify([{ email: 'big@example.com', name: 'x'.repeat(11 * 1024 * 1024) }]);
    await expectProblem(
      await call('PUT', '/v1/leads', {
        token: marketer,
        rawBody: huge,
        headers: { 'Content-Type': 'application/json' },
      }),
      413,
    );
  });

  it('needs the marketer role', async () => {
    await expectProblem(await call('PUT', '/v1/leads', { token: rep, body: [{ email: 'r@example.com' }] }), 403);
    await expectProblem(await call('PUT', '/v1/leads', { token: null, body: [{ email: 'r@example.com' }] }), 401);
  });

  it('merges rows for the same email within a batch in order', async () => {
    const email = `twice.${unique()}@example.com`;
    const res = await call('PUT', '/v1/leads', {
      token: marketer,
      body: [
        { email, name: 'First', attributes: { plan: 'pro', trial: true } },
        { email: email.toUpperCase(), title: 'CTO', attributes: { trial: null } },
      ],
    });
    const report = (await res.json()) as UpsertReport;
    expect(report.results.map((r) => r.created)).toEqual([true, false]);
    expect(report.results[0]?.id).toBe(report.results[1]?.id);
    const lookup = await call('GET', `/v1/leads/lookup?email=${encodeURIComponent(email)}`, { token: rep });
    const { lead } = (await lookup.json()) as { lead: Record<string, unknown> };
    expect(lead).toMatchObject({ name: 'First', title: 'CTO', attributes: { plan: 'pro' } });
  });

  it('moves the lifecycle stage forward only and keeps the stage history', async () => {
    const email = `stages.${unique()}@example.com`;
    await call('PUT', '/v1/leads', {
      token: marketer,
      body: [
        {
          email,
          lifecycleStage: 'mql',
          stageHistory: [
            { stage: 'lead', at: '2025-01-05T09:00:00+09:00' },
            { stage: 'mql', at: '2025-02-01T00:00:00Z' },
          ],
        },
      ],
    });
    const back = (await (
      await call('PUT', '/v1/leads', { token: marketer, body: [{ email, lifecycleStage: 'lead' }] })
    ).json()) as UpsertReport;
    expect(back.results[0]?.lifecycleStage).toBe('mql');
    const forward = (await (
      await call('PUT', '/v1/leads', { token: marketer, body: [{ email, lifecycleStage: 'sql' }] })
    ).json()) as UpsertReport;
    expect(forward.results[0]?.lifecycleStage).toBe('sql');
    const { lead } = (await (await call('GET', `/v1/leads/lookup?email=${email}`, { token: rep })).json()) as {
      lead: { stageHistory: { stage: string; at: string }[]; createdAt: string };
    };
    expect(lead.stageHistory.map((h) => h.stage)).toEqual(['lead', 'mql', 'sql']);
    expect(lead.stageHistory[0]?.at).toBe('2025-01-05T00:00:00.000Z');
    expect(lead.createdAt).toBe('2025-01-05T00:00:00.000Z');
  });
});

describe('GET /v1/leads/lookup', () => {
  const email = `Lookup.${unique()}@Sakura-Bank.example.jp`;
  const slug = `lookup-${unique()}`;
  beforeAll(async () => {
    const res = await call('PUT', '/v1/leads', {
      token: marketer,
      body: [
        {
          email,
          name: '佐藤 花子',
          title: '情報システム部長',
          company: 'Sakura Bank',
          industry: 'banking',
          employees: 9000,
          country: 'JP',
          linkedinUrl: `https://www.linkedin.com/in/${slug}/`,
        },
      ],
    });
    expect(res.status).toBe(200);
  });

  it('finds a lead by email in any case and scores it with the live model', async () => {
    const res = await call('GET', `/v1/leads/lookup?email=${encodeURIComponent(email.toUpperCase())}`, { token: rep });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { lead: Record<string, unknown>; score: Record<string, unknown> };
    expect(body.lead).toMatchObject({ email: email.toLowerCase(), company: 'Sakura Bank', lifecycleStage: 'lead' });
    expect(body.score).toMatchObject({
      quadrant: 'nurture',
      stage: 'lead',
      interestKnown: true,
      interest: 0,
      modelVersion: expect.any(Number),
      personas: [expect.objectContaining({ id: 'it_leader' })],
    });
    expect(body.score.fit).toBeGreaterThanOrEqual(60);
    expect((body.score.why as { rule: string }[]).map((w) => w.rule)).toContain('country_japan');
  });

  it('finds a lead by LinkedIn URL whatever its form', async () => {
    for (const form of [
      `https://jp.linkedin.com/in/${slug.toUpperCase()}?locale=ja_JP`,
      `linkedin.com/in/${slug}`,
      slug,
    ]) {
      const res = await call('GET', `/v1/leads/lookup?linkedin=${encodeURIComponent(form)}`, { token: rep });
      expect(res.status, form).toBe(200);
      expect(((await res.json()) as { lead: { email: string } }).lead.email).toBe(email.toLowerCase());
    }
  });

  it('answers 404 problems for unknown people and 400 without exactly one key', async () => {
    await expectProblem(await call('GET', '/v1/leads/lookup?email=nobody@example.com', { token: rep }), 404);
    await expectProblem(
      await call('GET', '/v1/leads/lookup?linkedin=https://www.linkedin.com/in/nobody-here', { token: rep }),
      404,
    );
    const neither = await expectProblem(await call('GET', '/v1/leads/lookup', { token: rep }), 400);
    expect(neither.errors?.[0]?.path).toBe('email');
    await expectProblem(await call('GET', `/v1/leads/lookup?email=${email}`, { token: null }), 401);
  });
});

describe('CSV import', () => {
  it('imports CSV with a BOM, CRLF, quoted commas, quotes and line breaks, mapping headers and extra columns', async () => {
    const a = `csv.a.${unique()}@example.com`;
    const b = `csv.b.${unique()}@example.com`;
    const csv =
      '\uFEFFEmail,Full Name,Job Title,Company,Number of Employees,Country,Lifecycle Stage,Favourite Colour\r\n' +
      `${a},"Rossi, Mario","Direttore ""IT""",Banca Uno,"1,200",it,mql,blu\r\n` +
      `${b},Anna,"Head of\nMarketing",Acme,12,DE,,\r\n` +
      'broken-email,X,,,,,,\r\n';
    const res = await call('POST', '/v1/leads/import', {
      token: marketer,
      rawBody: csv,
      headers: { 'Content-Type': 'text/csv; charset=utf-8' },
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as UpsertReport;
    expect(report.results.map((r) => [r.index, r.email, r.lifecycleStage])).toEqual([
      [0, a, 'mql'],
      [1, b, 'lead'],
    ]);
    expect(report.rejected).toEqual([{ index: 2, errors: [expect.objectContaining({ path: '2.email' })] }]);
    const row = await env.DB.prepare('SELECT name, title, employees, country, attributes FROM leads WHERE email = ?1')
      .bind(a)
      .first();
    expect(row).toEqual({
      name: 'Rossi, Mario',
      title: 'Direttore "IT"',
      employees: 1200,
      country: 'IT',
      attributes: '{"Favourite_Colour":"blu"}',
    });
    const second = await env.DB.prepare('SELECT title FROM leads WHERE email = ?1').bind(b).first();
    expect(second).toEqual({ title: 'Head of\nMarketing' });
  });

  it('accepts text/csv on PUT /v1/leads too, and refuses other media types', async () => {
    const email = `csv.put.${unique()}@example.com`;
    const res = await call('PUT', '/v1/leads', {
      token: marketer,
      rawBody: `email,title\n${email},CTO\n`,
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(((await res.json()) as UpsertReport).results[0]).toMatchObject({ email, created: true });
    await expectProblem(
      await call('POST', '/v1/leads/import', {
        token: marketer,
        rawBody: 'x',
        headers: { 'Content-Type': 'application/xml' },
      }),
      415,
    );
    const unterminated = await expectProblem(
      await call('POST', '/v1/leads/import', {
        token: marketer,
        rawBody: 'email\n"open',
        headers: { 'Content-Type': 'text/csv' },
      }),
      400,
    );
    expect(unterminated.errors?.[0]?.message).toContain('unterminated');
    await expectProblem(
      await call('POST', '/v1/leads/import', {
        token: rep,
        rawBody: `email\n${email}\n`,
        headers: { 'Content-Type': 'text/csv' },
      }),
      403,
    );
  });
});

describe('GET /v1/leads/:id and DELETE /v1/leads/:id', () => {
  it('returns the lead with score, interest counters, attempts and timeline', async () => {
    const email = `detail.${unique()}@example.com`;
    const { results } = (await (
      await call('PUT', '/v1/leads', {
        token: marketer,
        body: [{ email, stageHistory: [{ stage: 'lead', at: '2025-03-01T00:00:00Z' }] }],
      })
    ).json()) as UpsertReport;
    const id = results[0]?.id as string;
    await call('POST', '/v1/events', {
      token: marketer,
      body: [
        { id: `d-${id}-1`, email, type: 'page_view', at: '2025-03-02T00:00:00Z' },
        { id: `d-${id}-2`, email, type: 'page_view', at: '2025-03-03T00:00:00Z' },
      ],
    });
    const res = await call('GET', `/v1/leads/${id}`, { token: rep });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      lead: { id: string };
      score: { stage: string };
      interest: Record<string, number>;
      timeline: { kind: string; at: string }[];
    };
    expect(body.lead.id).toBe(id);
    expect(body.score.stage).toBe('lead');
    expect(body.interest).toEqual({ page_view: 2 });
    expect(body.timeline.map((t) => [t.kind, t.at])).toEqual([
      ['stage', '2025-03-01T00:00:00.000Z'],
      ['event', '2025-03-02T00:00:00.000Z'],
      ['event', '2025-03-03T00:00:00.000Z'],
    ]);
    await expectProblem(await call('GET', '/v1/leads/no-such-lead', { token: rep }), 404);
  });

  it('erases a lead with its events, attempts and history (admin only)', async () => {
    const email = `erase.${unique()}@example.com`;
    const { results } = (await (
      await call('PUT', '/v1/leads', { token: marketer, body: [{ email, lifecycleStage: 'mql' }] })
    ).json()) as UpsertReport;
    const id = results[0]?.id as string;
    await call('POST', '/v1/events', {
      token: marketer,
      body: [{ id: `erase-${id}`, email, type: 'demo_request', at: '2025-01-01T00:00:00Z' }],
    });
    await call('POST', `/v1/leads/${id}/attempts`, { token: rep, body: { channel: 'phone', outcome: 'no_answer' } });
    await expectProblem(await call('DELETE', `/v1/leads/${id}`, { token: marketer }), 403);
    const res = await call('DELETE', `/v1/leads/${id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id, erased: { leads: 1, events: 1, attempts: 1, stageHistory: 1 } });
    for (const table of [
      'leads',
      'events',
      'lead_attempts',
      'lead_stage_history',
      'lead_event_counts',
      'lead_activity_days',
    ]) {
      const column = table === 'leads' ? 'id' : 'lead_id';
      const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} = ?1`)
        .bind(id)
        .first<{ n: number }>();
      expect(row?.n, table).toBe(0);
    }
    await expectProblem(await call('DELETE', `/v1/leads/${id}`), 404);
    await expectProblem(await call('GET', `/v1/leads/lookup?email=${email}`, { token: rep }), 404);
  });
});
