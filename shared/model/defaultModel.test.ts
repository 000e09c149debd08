import { describe, expect, it } from 'vitest';
import { validateModel } from '../engine/validateModel';
import { JOURNEY_STAGE_IDS } from '../schemas/common';
import { STANDARD_EVENT_TYPES } from '../schemas/lead';
import { defaultModel } from './defaultModel';

describe('defaultModel', () => {
  it('passes validation', () => {
    const result = validateModel(defaultModel);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('has a glossary of at least 12 terms in English and Japanese', () => {
    expect(defaultModel.glossary.length).toBeGreaterThanOrEqual(12);
    for (const term of defaultModel.glossary) {
      expect(term.term.ja && term.definition.ja, term.id).toBeTruthy();
    }
    const ids = defaultModel.glossary.map((term) => term.id);
    for (const id of [
      'icp',
      'persona',
      'mql',
      'sal',
      'sql',
      'lead_score',
      'fit',
      'interest',
      'sla',
      'connect_attempt',
      'nurture',
      'hand_off',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('has at least four personas with title patterns in en, ja, it and ar and messaging for every journey stage', () => {
    expect(defaultModel.personas.length).toBeGreaterThanOrEqual(4);
    for (const persona of defaultModel.personas) {
      expect(new Set(persona.titlePatterns.map((p) => p.locale)), persona.id).toEqual(
        new Set(['en', 'ja', 'it', 'ar']),
      );
      expect(persona.pains.length, persona.id).toBeGreaterThan(0);
      expect(persona.objections.length, persona.id).toBeGreaterThan(0);
      for (const stage of JOURNEY_STAGE_IDS) {
        expect(persona.messaging[stage].talkingPoints.length, `${persona.id}/${stage}`).toBeGreaterThan(0);
        expect(persona.messaging[stage].content.length, `${persona.id}/${stage}`).toBeGreaterThan(0);
      }
    }
    expect(new Set(defaultModel.personas.map((p) => p.buyingRole))).toEqual(
      new Set(['end_user', 'influencer', 'decision_maker']),
    );
  });

  it('has both MQL definitions, fit-emphasis active and interest-emphasis inactive', () => {
    const mql = defaultModel.lifecycle.stages.find((stage) => stage.id === 'mql');
    const byId = new Map(mql?.entryCriteria.map((criterion) => [criterion.id, criterion]));
    expect(byId.get('mql_fit_emphasis')).toMatchObject({ emphasis: 'fit', active: true });
    expect(byId.get('mql_interest_emphasis')).toMatchObject({ emphasis: 'interest', active: false });
    expect(byId.get('mql_hot')?.active).toBe(true);
  });

  it('scores every standard event type, with a 30-day half-life', () => {
    const scored = new Set(defaultModel.behaviour.rules.flatMap((rule) => rule.eventTypes));
    for (const type of STANDARD_EVENT_TYPES) expect(scored, type).toContain(type);
    expect(defaultModel.behaviour.halfLifeDays).toBe(30);
  });

  it('encodes the agreed SLA and warning signs', () => {
    expect(defaultModel.sla).toMatchObject({
      followUpHours: { hot: 24 },
      connectAttempt: { touches: 6, businessDays: 10 },
      clockStartsAtStage: 'mql',
    });
    expect(defaultModel.icp.rules.filter((rule) => rule.warningSign).every((rule) => rule.points < 0)).toBe(true);
    expect(defaultModel.icp.rules.filter((rule) => rule.warningSign).length).toBeGreaterThanOrEqual(4);
    expect(defaultModel.leadTypes.map((type) => [type.id, type.dimension])).toEqual([
      ['new_prospect', 'relationship'],
      ['existing_customer', 'relationship'],
      ['product', 'offering'],
      ['service', 'offering'],
    ]);
  });
});
