import { describe, expect, it } from 'vitest';
import { defaultModel } from '../model/defaultModel';
import { scoreFit } from './fit';
import { scoreInterest } from './interest';
import { copyModel, event, NOW } from './testSupport';

describe('scoreFit', () => {
  it('sums matching ICP rules and normalises them onto 0–100', () => {
    const result = scoreFit(defaultModel, {
      title: 'Head of IT',
      industry: 'Banking',
      employees: 12_000,
      country: 'JP',
    });
    expect(result.raw).toBe(20 + 25 + 15 + 15);
    expect(result.fit).toBe(Math.round((75 / 80) * 100));
    expect(result.why.map((item) => item.rule)).toEqual([
      'industry_financial_services',
      'employees_enterprise',
      'country_japan',
      'title_executive',
    ]);
    expect(result.why.every((item) => item.kind === 'fit')).toBe(true);
  });

  it('subtracts warning signs and clamps at 0', () => {
    const result = scoreFit(defaultModel, { title: 'Student', email: 'kid@gmail.com', employees: 3 });
    expect(result.raw).toBe(-40 - 20 - 25);
    expect(result.fit).toBe(0);
    expect(result.why.filter((item) => item.warningSign).map((item) => item.rule)).toEqual([
      'warning_student',
      'warning_free_mail',
      'warning_tiny_company',
    ]);
  });

  it('clamps at 100 above the normalisation maximum and labels rules in the locale', () => {
    const model = copyModel(defaultModel);
    model.icp.normalization = { min: 0, max: 40 };
    const result = scoreFit(model, { industry: 'Banking', employees: 9000, country: 'JP' }, 'ja');
    expect(result.fit).toBe(100);
    expect(result.why[0]?.label).toBe('金融業');
  });
});

describe('scoreInterest', () => {
  it('gives full points to events of today and halves them every half-life', () => {
    expect(scoreInterest(defaultModel, [event('demo_request', 0)], NOW).raw).toBeCloseTo(40, 6);
    expect(scoreInterest(defaultModel, [event('demo_request', 30)], NOW).raw).toBeCloseTo(20, 6);
    expect(scoreInterest(defaultModel, [event('demo_request', 60)], NOW).raw).toBeCloseTo(10, 6);
  });

  it('caps each rule in absolute value', () => {
    const views = Array.from({ length: 50 }, () => event('page_view', 0));
    const result = scoreInterest(defaultModel, views, NOW);
    expect(result.raw).toBe(20);
    expect(result.why).toEqual([{ rule: 'page_view', label: 'Visited the website', points: 20, kind: 'interest' }]);
    const unsubscribes = Array.from({ length: 5 }, () => event('email_unsubscribe', 0));
    expect(scoreInterest(defaultModel, [...unsubscribes, event('demo_request', 0)], NOW).raw).toBe(40 - 20);
  });

  it('counts future-dated events as age 0', () => {
    expect(scoreInterest(defaultModel, [event('pricing_view', -10)], NOW).raw).toBeCloseTo(15, 6);
  });

  it('does not decay negative signals', () => {
    const old = scoreInterest(defaultModel, [event('email_unsubscribe', 300), event('demo_request', 0)], NOW);
    expect(old.raw).toBeCloseTo(40 - 20, 6);
  });

  it('normalises to 0–100 and ignores unknown types and unreadable times', () => {
    const many = [
      event('demo_request'),
      event('demo_request'),
      event('pricing_view'),
      event('pricing_view'),
      event('form_submit'),
    ];
    expect(scoreInterest(defaultModel, many, NOW).interest).toBe(100);
    const junk = [event('custom_thing'), { ...event('demo_request'), at: 'not a date' }];
    expect(scoreInterest(defaultModel, junk, NOW)).toEqual({ interest: 0, raw: 0, why: [] });
  });
});
