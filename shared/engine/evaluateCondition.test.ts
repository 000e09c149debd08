import { describe, expect, it } from 'vitest';
import type { Condition } from '../schemas/conditions';
import { evaluateCondition } from './evaluateCondition';
import { event, NOW } from './testSupport';

const facts = {
  title: 'Head of IT',
  industry: 'Financial Services',
  employees: 5000,
  country: 'JP',
  attributes: { department: 'Information Technology', budgetApproved: true, seats: '250' },
};

describe('evaluateCondition', () => {
  it('eq compares strings ignoring case, numbers and booleans exactly', () => {
    expect(evaluateCondition({ op: 'eq', attr: 'country', value: 'jp' }, facts)).toBe(true);
    expect(evaluateCondition({ op: 'eq', attr: 'country', value: 'US' }, facts)).toBe(false);
    expect(evaluateCondition({ op: 'eq', attr: 'employees', value: 5000 }, facts)).toBe(true);
    expect(evaluateCondition({ op: 'eq', attr: 'employees', value: 4999 }, facts)).toBe(false);
    expect(evaluateCondition({ op: 'eq', attr: 'attributes.budgetApproved', value: true }, facts)).toBe(true);
    expect(evaluateCondition({ op: 'eq', attr: 'attributes.budgetApproved', value: false }, facts)).toBe(false);
    expect(evaluateCondition({ op: 'eq', attr: 'attributes.seats', value: 250 }, facts)).toBe(true);
    expect(evaluateCondition({ op: 'eq', attr: 'company', value: 'x' }, facts)).toBe(false);
  });

  it('in matches any listed value', () => {
    expect(evaluateCondition({ op: 'in', attr: 'country', values: ['US', 'jp'] }, facts)).toBe(true);
    expect(evaluateCondition({ op: 'in', attr: 'country', values: ['US', 'GB'] }, facts)).toBe(false);
    expect(evaluateCondition({ op: 'in', attr: 'employees', values: [100, 5000] }, facts)).toBe(true);
    expect(evaluateCondition({ op: 'in', attr: 'attributes.seats', values: [250] }, facts)).toBe(true);
    expect(evaluateCondition({ op: 'in', attr: 'company', values: ['Acme'] }, facts)).toBe(false);
  });

  it('gte and lte are inclusive and false when the attribute is missing', () => {
    expect(evaluateCondition({ op: 'gte', attr: 'employees', value: 5000 }, facts)).toBe(true);
    expect(evaluateCondition({ op: 'gte', attr: 'employees', value: 5001 }, facts)).toBe(false);
    expect(evaluateCondition({ op: 'lte', attr: 'employees', value: 5000 }, facts)).toBe(true);
    expect(evaluateCondition({ op: 'lte', attr: 'employees', value: 4999 }, facts)).toBe(false);
    expect(evaluateCondition({ op: 'gte', attr: 'attributes.seats', value: 200 }, facts)).toBe(true);
    expect(evaluateCondition({ op: 'lte', attr: 'attributes.missing', value: 10 }, facts)).toBe(false);
    expect(evaluateCondition({ op: 'gte', attr: 'attributes.missing', value: -10 }, facts)).toBe(false);
  });

  it('matches is case-insensitive, Unicode-aware and NFKC-normalised', () => {
    expect(evaluateCondition({ op: 'matches', attr: 'title', pattern: '^head of it$' }, facts)).toBe(true);
    expect(evaluateCondition({ op: 'matches', attr: 'industry', pattern: 'financ' }, facts)).toBe(true);
    expect(evaluateCondition({ op: 'matches', attr: 'title', pattern: 'finance' }, facts)).toBe(false);
    expect(evaluateCondition({ op: 'matches', attr: 'title', pattern: 'IT部長' }, { title: 'ＩＴ部長' })).toBe(true);
    expect(evaluateCondition({ op: 'matches', attr: 'title', pattern: 'ÉQUIPE' }, { title: 'équipe IT' })).toBe(true);
    expect(evaluateCondition({ op: 'matches', attr: 'title', pattern: '\\p{Script=Arabic}+' }, { title: 'مدير' })).toBe(
      true,
    );
    expect(evaluateCondition({ op: 'matches', attr: 'company', pattern: '.*' }, facts)).toBe(false);
  });

  it('exists is false for missing, null and empty values', () => {
    expect(evaluateCondition({ op: 'exists', attr: 'title' }, facts)).toBe(true);
    expect(evaluateCondition({ op: 'exists', attr: 'company' }, facts)).toBe(false);
    expect(evaluateCondition({ op: 'exists', attr: 'attributes.x' }, { attributes: { x: null } })).toBe(false);
    expect(evaluateCondition({ op: 'exists', attr: 'name' }, { name: '' })).toBe(false);
  });

  it('event counts events of the listed types, optionally within a window', () => {
    const events = [
      event('pricing_view', 2),
      event('pricing_view', 40),
      event('demo_request', 10),
      event('page_view', 1),
    ];
    const twoPricing: Condition = { op: 'event', types: ['pricing_view'], countGte: 2 };
    expect(evaluateCondition(twoPricing, {}, { events, now: NOW })).toBe(true);
    expect(evaluateCondition({ ...twoPricing, withinDays: 30 }, {}, { events, now: NOW })).toBe(false);
    expect(evaluateCondition({ ...twoPricing, withinDays: 40 }, {}, { events, now: NOW })).toBe(true);
    expect(
      evaluateCondition(
        { op: 'event', types: ['pricing_view', 'demo_request'], countGte: 2, withinDays: 30 },
        {},
        { events, now: NOW },
      ),
    ).toBe(true);
    expect(evaluateCondition({ op: 'event', types: ['webinar_attended'], countGte: 1 }, {}, { events, now: NOW })).toBe(
      false,
    );
    // A future-dated event counts as happening now.
    expect(
      evaluateCondition(
        { op: 'event', types: ['form_submit'], countGte: 1, withinDays: 1 },
        {},
        { events: [event('form_submit', -3)], now: NOW },
      ),
    ).toBe(true);
    expect(() => evaluateCondition({ op: 'event', types: ['page_view'], countGte: 1 }, {}, { events })).toThrow(/now/);
  });

  it('metric compares fit, interest or score', () => {
    const metrics = { fit: 60, interest: 49, score: 55 };
    expect(evaluateCondition({ op: 'metric', metric: 'fit', gte: 60 }, {}, { metrics })).toBe(true);
    expect(evaluateCondition({ op: 'metric', metric: 'interest', gte: 50 }, {}, { metrics })).toBe(false);
    expect(evaluateCondition({ op: 'metric', metric: 'score', gte: 55 }, {}, { metrics })).toBe(true);
    expect(evaluateCondition({ op: 'metric', metric: 'score', gte: 0 }, {})).toBe(false);
  });

  it('all, any and not combine conditions', () => {
    const jp: Condition = { op: 'eq', attr: 'country', value: 'JP' };
    const us: Condition = { op: 'eq', attr: 'country', value: 'US' };
    expect(evaluateCondition({ op: 'all', of: [jp, { op: 'gte', attr: 'employees', value: 1000 }] }, facts)).toBe(true);
    expect(evaluateCondition({ op: 'all', of: [jp, us] }, facts)).toBe(false);
    expect(evaluateCondition({ op: 'any', of: [us, jp] }, facts)).toBe(true);
    expect(evaluateCondition({ op: 'any', of: [us, { op: 'exists', attr: 'company' }] }, facts)).toBe(false);
    expect(evaluateCondition({ op: 'not', of: us }, facts)).toBe(true);
    expect(evaluateCondition({ op: 'not', of: { op: 'not', of: us } }, facts)).toBe(false);
  });
});
