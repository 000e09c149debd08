import { describe, expect, it } from 'vitest';
import { defaultModel } from '../model/defaultModel';
import type { Lead } from '../schemas/lead';
import { applyTransition, suggestStage } from './lifecycle';
import { copyModel, event, NOW } from './testSupport';

const japaneseBank = { industry: 'Banking', employees: 8000, country: 'JP', title: 'Analyst', lifecycleStage: 'lead' };
const smallJapaneseFirm = {
  industry: 'Retail',
  employees: 40,
  country: 'JP',
  title: 'Analyst',
  lifecycleStage: 'lead',
};

function withInterestCriterionActive() {
  const model = copyModel(defaultModel);
  const mql = model.lifecycle.stages.find((stage) => stage.id === 'mql');
  const criterion = mql?.entryCriteria.find((c) => c.id === 'mql_interest_emphasis');
  if (!criterion) throw new Error('criterion missing');
  criterion.active = true;
  return model;
}

describe('suggestStage', () => {
  it('suggests MQL by the active fit-emphasis criterion', () => {
    expect(suggestStage(defaultModel, japaneseBank, [event('form_submit', 3)], NOW)).toEqual({
      stage: 'mql',
      criterion: 'mql_fit_emphasis',
    });
    expect(
      suggestStage(defaultModel, { ...japaneseBank, country: 'US' }, [event('form_submit', 3)], NOW),
    ).toBeUndefined();
  });

  it('ignores the inactive interest-emphasis criterion until it is activated', () => {
    const demo = [event('demo_request', 1)];
    // Only the "lead" criterion (converted) holds, and the lead is already a lead.
    expect(suggestStage(defaultModel, smallJapaneseFirm, demo, NOW)).toBeUndefined();
    expect(suggestStage(withInterestCriterionActive(), smallJapaneseFirm, demo, NOW)).toEqual({
      stage: 'mql',
      criterion: 'mql_interest_emphasis',
    });
    expect(
      suggestStage(withInterestCriterionActive(), { ...smallJapaneseFirm, country: 'IT' }, demo, NOW),
    ).toBeUndefined();
  });

  it('suggests MQL for a hot lead through the metric criterion', () => {
    const facts = {
      industry: 'Software',
      employees: 6000,
      country: 'US',
      title: 'VP Engineering',
      lifecycleStage: 'lead',
    };
    const events = [event('demo_request', 1), event('pricing_view', 1)];
    expect(suggestStage(defaultModel, facts, events, NOW)).toEqual({ stage: 'mql', criterion: 'mql_hot' });
  });

  it('suggests the furthest stage that holds and never a step backward', () => {
    expect(
      suggestStage(defaultModel, { ...japaneseBank, dealStage: 'closed_won' }, [event('form_submit')], NOW),
    ).toEqual({
      stage: 'customer',
      criterion: 'closed_won',
    });
    expect(
      suggestStage(defaultModel, { ...japaneseBank, lifecycleStage: 'sql' }, [event('form_submit')], NOW),
    ).toBeUndefined();
    expect(
      suggestStage(defaultModel, { ...japaneseBank, lifecycleStage: 'mql' }, [event('form_submit')], NOW),
    ).toBeUndefined();
  });

  it('treats an unknown stage as before the first, and makes no suggestion for a disqualified lead', () => {
    expect(suggestStage(defaultModel, { country: 'US' }, [event('newsletter_subscribe')], NOW)?.stage).toBe(
      'subscriber',
    );
    expect(
      suggestStage(defaultModel, { ...japaneseBank, leadStatus: 'disqualified' }, [event('form_submit')], NOW),
    ).toBeUndefined();
  });
});

const mqlLead: Lead = {
  id: 'l1',
  email: 'a@bank.jp',
  lifecycleStage: 'mql',
  leadStatus: 'new',
  stageHistory: [{ stage: 'mql', at: '2025-05-30T00:00:00.000Z' }],
};

describe('applyTransition', () => {
  it('accepts an MQL (→ SAL) and appends the history entry', () => {
    const result = applyTransition(defaultModel, mqlLead, { to: 'sal' }, NOW);
    if (!result.ok) throw new Error(result.message);
    expect(result.lead.lifecycleStage).toBe('sal');
    expect(result.lead.leadStatus).toBe('new');
    expect(result.entry).toEqual({ stage: 'sal', at: NOW, from: 'mql', transition: 'accept' });
    expect(result.lead.stageHistory).toEqual([...(mqlLead.stageHistory ?? []), result.entry]);
    expect(result.lead.updatedAt).toBe(NOW);
  });

  it('sets the status of a transition such as qualify', () => {
    const sal = { ...mqlLead, lifecycleStage: 'sal' };
    const result = applyTransition(defaultModel, sal, { to: 'sql' }, NOW);
    expect(result.ok && result.lead.leadStatus).toBe('connected');
  });

  it('returns to nurture only with a reason', () => {
    const missing = applyTransition(defaultModel, mqlLead, { to: 'lead', status: 'returned_not_ready' }, NOW);
    expect(missing).toEqual({ ok: false, status: 400, message: expect.stringContaining('reason'), path: 'reason' });
    const result = applyTransition(
      defaultModel,
      mqlLead,
      { to: 'lead', status: 'returned_not_ready', reason: 'No budget until Q3' },
      NOW,
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.lead.lifecycleStage).toBe('lead');
    expect(result.lead.leadStatus).toBe('returned_not_ready');
    expect(result.entry).toMatchObject({
      stage: 'lead',
      from: 'mql',
      status: 'returned_not_ready',
      reason: 'No budget until Q3',
      transition: 'return_to_nurture',
    });
    // Without an explicit status the transition sets it.
    const implicit = applyTransition(defaultModel, mqlLead, { to: 'lead', reason: 'Not now' }, NOW);
    expect(implicit.ok && implicit.lead.leadStatus).toBe('returned_not_ready');
  });

  it('refuses backward moves no transition allows (409)', () => {
    const sql = { ...mqlLead, lifecycleStage: 'sql' };
    expect(applyTransition(defaultModel, sql, { to: 'mql' }, NOW)).toMatchObject({ ok: false, status: 409 });
    expect(
      applyTransition(defaultModel, sql, { to: 'lead', status: 'returned_not_ready', reason: 'x' }, NOW),
    ).toMatchObject({
      ok: false,
      status: 409,
    });
    const customer = { ...mqlLead, lifecycleStage: 'customer' };
    expect(
      applyTransition(defaultModel, customer, { to: 'lead', status: 'nurturing', reason: 'x' }, NOW),
    ).toMatchObject({ ok: false, status: 409 });
  });

  it('disqualifies from any stage but customer', () => {
    for (const stage of ['subscriber', 'lead', 'mql', 'sal', 'sql', 'opportunity']) {
      const lead = { ...mqlLead, lifecycleStage: stage };
      const result = applyTransition(
        defaultModel,
        lead,
        { to: 'lead', status: 'disqualified', reason: 'Competitor' },
        NOW,
      );
      expect(result.ok && result.lead.leadStatus, stage).toBe('disqualified');
      // In place, too: the model's disqualify transition still asks for a reason.
      expect(applyTransition(defaultModel, lead, { to: stage, status: 'disqualified' }, NOW)).toMatchObject({
        status: 400,
        path: 'reason',
      });
      const inPlace = applyTransition(
        defaultModel,
        lead,
        { to: stage, status: 'disqualified', reason: 'Student' },
        NOW,
      );
      expect(inPlace.ok && inPlace.lead.lifecycleStage, stage).toBe(stage);
      expect(inPlace.ok && inPlace.lead.leadStatus, stage).toBe('disqualified');
    }
    const customer = { ...mqlLead, lifecycleStage: 'customer' };
    expect(applyTransition(defaultModel, customer, { to: 'customer', status: 'disqualified' }, NOW)).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(applyTransition(defaultModel, mqlLead, { to: 'customer', status: 'disqualified' }, NOW)).toMatchObject({
      ok: false,
      status: 409,
    });
  });

  it('rejects unknown stages and statuses with their path (400)', () => {
    expect(applyTransition(defaultModel, mqlLead, { to: 'unicorn' }, NOW)).toMatchObject({
      ok: false,
      status: 400,
      path: 'to',
    });
    expect(applyTransition(defaultModel, mqlLead, { to: 'sal', status: 'sleepy' }, NOW)).toMatchObject({
      ok: false,
      status: 400,
      path: 'status',
    });
  });

  it('starts a re-qualified returned lead over at status new, and honours a back-dated `at`', () => {
    const returned = { ...mqlLead, lifecycleStage: 'lead', leadStatus: 'returned_not_ready' };
    const result = applyTransition(defaultModel, returned, { to: 'mql', at: '2025-05-31T00:00:00.000Z' }, NOW);
    if (!result.ok) throw new Error(result.message);
    expect(result.lead.leadStatus).toBe('new');
    expect(result.entry.at).toBe('2025-05-31T00:00:00.000Z');
  });
});
