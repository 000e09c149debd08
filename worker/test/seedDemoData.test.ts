import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../scripts/seed/demoLeads';
import { seedDemoData } from '../../scripts/seed/seedDemoData';
import { ADMIN_TOKEN, call } from './helpers';

const fetchWorker = (input: string, init: RequestInit) => SELF.fetch(input, init);

describe('seedDemoData', () => {
  it('loads the demo data set through the API, puts each demo person in their quadrant, and can run again', async () => {
    const first = await seedDemoData('https://leadlens.test', ADMIN_TOKEN, { fetch: fetchWorker });
    expect(first.leads).toBe(304);
    expect(first.created).toBe(304);
    expect(first.events).toBeGreaterThan(2000);
    expect(first.attempts).toBeGreaterThan(50);

    for (const person of DEMO_PEOPLE) {
      const byEmail = await call('GET', `/v1/leads/lookup?email=${encodeURIComponent(person.email)}`);
      const { score } = (await byEmail.json()) as { score: { quadrant: string } };
      expect([person.email, score.quadrant]).toEqual([person.email, person.expectedQuadrant]);
      const byLinkedin = await call('GET', `/v1/leads/lookup?linkedin=${encodeURIComponent(person.linkedinUrl)}`);
      expect(byLinkedin.status).toBe(200);
    }

    const funnel = (await (await call('GET', '/v1/metrics/funnel?segment=source')).json()) as {
      stages: { stage: string; entered: number }[];
      rejections: { reasons: unknown[] };
      sla: { hotLeads: number };
    };
    expect(funnel.stages.every((s) => s.entered > 0)).toBe(true);
    expect(funnel.rejections.reasons.length).toBeGreaterThan(0);
    expect(funnel.sla.hotLeads).toBeGreaterThan(0);

    const again = await seedDemoData('https://leadlens.test', ADMIN_TOKEN, { fetch: fetchWorker });
    expect(again).toMatchObject({ leads: 304, created: 0, events: 0, attempts: 0 });
  }, 120_000);
});
