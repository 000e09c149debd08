import { describe, expect, it } from 'vitest';
import { countryCodeFrom } from './countries';
import { leadStatusId, lifecycleStageId } from './crmVocabulary';
import { findEmail, parseMailboxList } from './emailAddress';
import { toPageFacts } from './facts';

describe('toPageFacts', () => {
  it('keeps what the page showed as plain single-line text, leaving the schema checks to the background', () => {
    expect(
      toPageFacts({
        email: '  Giulia.Romano@Banca-Aurora.example.it ',
        name: `\u202EGiulia\nRomano`,
        linkedinUrl: 'not a url',
        title: '\u200B',
        company: null,
      }),
    ).toEqual({
      email: 'Giulia.Romano@Banca-Aurora.example.it',
      name: 'Giulia Romano',
      linkedinUrl: 'not a url',
      domain: 'banca-aurora.example.it',
    });
  });

  it('takes the company domain from a work email only', () => {
    expect(toPageFacts({ email: 'jane.doe@gmail.com' })).toEqual({ email: 'jane.doe@gmail.com' });
    expect(toPageFacts({ email: 'not-an-email' })).toEqual({ email: 'not-an-email' });
    expect(toPageFacts({ email: 'a@b@c.example' })).toEqual({ email: 'a@b@c.example' });
    expect(toPageFacts({ email: 'max@u.example', domain: 'umbrella.example' }).domain).toBe('umbrella.example');
  });

  it('bounds how much text a page can make it hold', () => {
    expect(toPageFacts({ name: 'n'.repeat(100_000) }).name).toHaveLength(500);
  });
});

describe('countryCodeFrom', () => {
  it.each([
    ['Tokyo, Japan', null, 'JP'],
    ['Milan, Lombardy, Italy', null, 'IT'],
    ['Al Quoz, Dubai, United Arab Emirates', null, 'AE'],
    ['Milano, Lombardia, Italia', 'it', 'IT'],
    ['東京都, 日本', 'ja', 'JP'],
    ['دبي، الإمارات العربية المتحدة', 'ar', 'AE'],
    ['Germany', null, 'DE'],
    ['Greater Milan Metropolitan Area', null, null],
    ['UK', null, 'GB'],
  ])('%s (page language %s) → %s', (location, language, code) => {
    expect(countryCodeFrom(location, language)).toBe(code);
  });
});

describe('CRM vocabulary', () => {
  it('maps HubSpot and Salesforce defaults onto the model ids', () => {
    expect(lifecycleStageId('Marketing Qualified Lead')).toBe('mql');
    expect(lifecycleStageId('Sales Qualified Lead')).toBe('sql');
    expect(lifecycleStageId('Customer')).toBe('customer');
    expect(leadStatusId('Attempted to contact')).toBe('attempting_contact');
    expect(leadStatusId('Working - Contacted')).toBe('attempting_contact');
    expect(leadStatusId('Open - Not Contacted')).toBe('new');
    expect(leadStatusId('Closed - Not Converted')).toBe('disqualified');
    expect(leadStatusId('Bad timing')).toBe('returned_not_ready');
  });

  it('turns other labels into id-shaped slugs an admin can add to the model', () => {
    expect(leadStatusId('Closed - Converted')).toBe('closed_converted');
    expect(lifecycleStageId('Evangelist')).toBe('evangelist');
    expect(leadStatusId('Nuovo contatto è')).toBe('nuovo_contatto_e');
    expect(leadStatusId('新規')).toBeNull();
  });
});

describe('email addresses', () => {
  it('finds addresses in labels and recipient lists', () => {
    expect(findEmail('From: Giulia Romano <Giulia.Romano@banca-aurora.example.it>')).toBe(
      'giulia.romano@banca-aurora.example.it',
    );
    expect(findEmail('Alex Rep')).toBeNull();
    expect(parseMailboxList('"Romano, Giulia" <giulia@b.example>, max@u.example; nobody')).toEqual([
      { email: 'giulia@b.example', name: 'Romano, Giulia' },
      { email: 'max@u.example' },
    ]);
  });
});

describe('countryCodeFrom cost', () => {
  it('asks Intl for a handful of region names when the country is a common one, not for every code', () => {
    const original = Intl.DisplayNames.prototype.of;
    let asked = 0;
    Intl.DisplayNames.prototype.of = function of(this: Intl.DisplayNames, code: string) {
      asked += 1;
      return original.call(this, code);
    };
    try {
      expect(countryCodeFrom('Tokyo, Japan', 'en-US')).toBe('JP');
      expect(asked).toBeLessThan(20);
    } finally {
      Intl.DisplayNames.prototype.of = original;
    }
  });

  it('finds an English country name without creating Intl.DisplayNames (it loads region data: tens of ms)', () => {
    const Original = Intl.DisplayNames;
    let created = 0;
    const Counting = class extends Original {
      constructor(...args: ConstructorParameters<typeof Intl.DisplayNames>) {
        super(...args);
        created += 1;
      }
    };
    Object.defineProperty(Intl, 'DisplayNames', { value: Counting, configurable: true, writable: true });
    try {
      expect(countryCodeFrom('Milan, Lombardy, Italy', 'fr')).toBe('IT');
      expect(countryCodeFrom('Dubai, United Arab Emirates', null)).toBe('AE');
      expect(countryCodeFrom('Zürich, Switzerland', 'de-CH')).toBe('CH');
      expect(created).toBe(0);
      // Other languages still go to Intl.
      expect(countryCodeFrom('Milano, Lombardia, Italia', 'it')).toBe('IT');
    } finally {
      Object.defineProperty(Intl, 'DisplayNames', { value: Original, configurable: true, writable: true });
    }
  });

  it("names today's country codes, not retired ones Intl still knows (RH, VD, YD, BU, CS)", () => {
    for (const [place, code] of [
      ['Harare, Zimbabwe', 'ZW'],
      ['Hanoi, Vietnam', 'VN'],
      ['Aden, Yemen', 'YE'],
      ['Yangon, Myanmar (Burma)', 'MM'],
      ['Belgrade, Serbia', 'RS'],
      ['Port Vila, Vanuatu', 'VU'],
      ['Willemstad, Curaçao', 'CW'],
    ] as const) {
      expect(countryCodeFrom(place, 'en')).toBe(code);
    }
    // The same through Intl, for a language the English table does not answer.
    expect(countryCodeFrom('Hanoi, Việt Nam', 'vi')).toBe('VN');
  });
});
