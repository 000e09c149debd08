import { describe, expect, it } from 'vitest';
import { toPageFacts } from '../adapters/facts';
import { BackgroundRequestSchema } from './messages';
import { prospectFactsFromPage } from './prospectFacts';

describe('prospectFactsFromPage', () => {
  it('cleans, caps at the schema limits, and drops what the schema rejects', () => {
    expect(
      prospectFactsFromPage({
        email: '  Giulia.Romano@Banca-Aurora.example.it ',
        name: `\u202E${'n'.repeat(400)}`,
        country: 'it',
        linkedinUrl: 'not a url',
        leadStatus: 'Not An Id!',
        title: '\u200B',
      }),
    ).toEqual({
      email: 'giulia.romano@banca-aurora.example.it',
      name: 'n'.repeat(300),
      country: 'IT',
    });
    expect(prospectFactsFromPage({ email: 'not-an-email' })).toEqual({});
  });

  it('keeps typed facts from extension pages and drops fields the schema does not know', () => {
    expect(prospectFactsFromPage({ employees: 1200, industry: 'Banking', isAdmin: true, employeesText: 'x' })).toEqual({
      employees: 1200,
      industry: 'Banking',
    });
    expect(prospectFactsFromPage({ employees: -3 })).toEqual({});
  });

  it('is what the background makes of a page’s facts: a content script message arrives schema-valid', () => {
    const page = toPageFacts({ email: 'Haruka.Sato@Sakura-FG.example.jp', name: 'Haruka Sato', linkedinUrl: 'nope' });
    const request = BackgroundRequestSchema.parse({ type: 'insight/get', facts: page });
    expect(request).toMatchObject({
      type: 'insight/get',
      facts: { email: 'haruka.sato@sakura-fg.example.jp', name: 'Haruka Sato', domain: 'sakura-fg.example.jp' },
    });
    expect(request.type === 'insight/get' && 'linkedinUrl' in request.facts).toBe(false);
  });
});
