import { describe, expect, it, vi } from 'vitest';
import { ProspectFactsSchema } from '../../shared';
import { prospectFactsFromPage } from '../lib/prospectFacts';
import { linkedinAdapter } from './linkedin';
import { loadFixture, navigateInPlace, navigationTarget, withoutClassNames } from './testing/fixturePages';

const HARUKA = {
  name: '佐藤 遥',
  title: 'マーケティング部長',
  company: 'Sakura Financial Group',
  country: 'JP',
  linkedinUrl: 'https://www.linkedin.com/in/haruka-sato-demo',
};
const GIULIA = {
  name: 'Giulia Romano',
  title: 'Responsabile Marketing',
  company: 'Banca Aurora',
  country: 'IT',
  linkedinUrl: 'https://www.linkedin.com/in/giulia-romano-demo',
};

const quiet = () => ({ warn: vi.fn() });

describe('LinkedIn adapter', () => {
  it('reads the profile: name, title and company from the headline, country, canonical URL', () => {
    const { doc, url } = loadFixture('linkedin/profile.html');
    const logger = quiet();
    const people = linkedinAdapter.extract(doc, url, { logger });
    expect(people).toEqual({ primary: { role: 'profile', facts: HARUKA }, others: [] });
    expect(ProspectFactsSchema.parse(people.primary?.facts)).toEqual(HARUKA);
    expect(logger.warn).not.toHaveBeenCalled();
    expect(linkedinAdapter.anchor(doc, url)?.getAttribute('data-member-id')).toBe('739215648');
  });

  it('follows in-place navigation to another profile', () => {
    const { doc, url } = loadFixture('linkedin/profile.html');
    const before = linkedinAdapter.personKey(doc, url);
    const next = navigateInPlace(doc, url);
    expect(next.href).toBe(navigationTarget('linkedin/profile.html').href);
    expect(before).toBe('linkedin:haruka-sato-demo:佐藤 遥');
    expect(linkedinAdapter.personKey(doc, next)).toBe('linkedin:giulia-romano-demo:Giulia Romano');
    // "Responsabile Marketing presso Banca Aurora | Digital banking": Italian "at", trailing segment dropped.
    expect(linkedinAdapter.extract(doc, next, { logger: quiet() })).toEqual({
      primary: { role: 'profile', facts: GIULIA },
      others: [],
    });
  });

  it('changes the key when the URL changed but the old profile is still rendered, and again when the new one is', () => {
    const { doc, url } = loadFixture('linkedin/profile.html');
    const pushedFirst = new URL('https://www.linkedin.com/in/giulia-romano-demo/');
    const stale = linkedinAdapter.personKey(doc, pushedFirst);
    navigateInPlace(doc, url);
    const rendered = linkedinAdapter.personKey(doc, pushedFirst);
    expect(
      new Set([linkedinAdapter.personKey(loadFixture('linkedin/profile.html').doc, url), stale, rendered]).size,
    ).toBe(3);
  });

  it('has nobody on the feed, though posts name people', () => {
    const { doc, url } = loadFixture('linkedin/feed.html');
    const logger = quiet();
    expect(linkedinAdapter.matches(url)).toBe(true);
    expect(linkedinAdapter.extract(doc, url, { logger })).toEqual({ primary: null, others: [] });
    expect(linkedinAdapter.personKey(doc, url)).toBeNull();
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('returns plain, bounded strings from a hostile profile', () => {
    const { doc, url } = loadFixture('linkedin/hostile-profile.html');
    const facts = linkedinAdapter.extract(doc, url, { logger: quiet() }).primary?.facts;
    const longTitle = (length: number) => `Head of ${'Everything '.repeat(909)}`.slice(0, length).trimEnd();
    const expected = {
      name: 'Evelyn <img src=x onerror=alert(1)>',
      title: longTitle(500),
      company: 'Evil Corp',
      country: 'AE',
      linkedinUrl: 'https://www.linkedin.com/in/hostile-test',
    };
    // The page's text, bounded; the background then applies the schema's own limits.
    expect(facts).toEqual(expected);
    expect(facts?.title).toHaveLength(500);
    const checked = prospectFactsFromPage(facts ?? {});
    expect(checked).toEqual({ ...expected, title: longTitle(300) });
    expect(ProspectFactsSchema.parse(checked)).toEqual(checked);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting none survive
    const invisible = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;
    for (const value of Object.values(facts ?? {})) expect(String(value)).not.toMatch(invisible);
  });

  it('still extracts after every class name changed', () => {
    const { doc, url } = loadFixture('linkedin/profile.html');
    withoutClassNames(doc);
    expect(linkedinAdapter.extract(doc, url, { logger: quiet() })).toEqual({
      primary: { role: 'profile', facts: HARUKA },
      others: [],
    });
  });

  it('takes the company from the experience section, then the headline, when the top card has none', () => {
    const { doc, url } = loadFixture('linkedin/profile.html');
    doc.querySelector('button[aria-label^="Current company:"]')?.remove();
    expect(linkedinAdapter.extract(doc, url, { logger: quiet() }).primary?.facts.company).toBe(
      'Sakura Financial Group',
    );
    doc.getElementById('experience')?.closest('section')?.remove();
    expect(linkedinAdapter.extract(doc, url, { logger: quiet() }).primary?.facts.company).toBe(
      'Sakura Financial Group',
    );
  });

  it('reports a profile whose name and headline can no longer be found', () => {
    const { doc, url } = loadFixture('linkedin/profile.html');
    doc.querySelector('main h1')?.closest('a')?.remove();
    doc.querySelector('[data-generated-suggestion-target]')?.remove();
    doc.title = 'LinkedIn';
    const logger = quiet();
    expect(linkedinAdapter.extract(doc, url, { logger })).toEqual({ primary: null, others: [] });
    expect(logger.warn.mock.calls).toEqual([
      ['[leadlens] linkedin.name: no selector matched'],
      ['[leadlens] linkedin.headline: no selector matched'],
    ]);
  });
});
