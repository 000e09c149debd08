import { describe, expect, it, vi } from 'vitest';
import { ProspectFactsSchema } from '../../shared';
import { salesforceAdapter } from './salesforce';
import { loadFixture, navigateInPlace, navigationTarget, withoutClassNames } from './testing/fixturePages';

const OMAR = {
  email: 'omar.haddad@falcon-studio.example.ae',
  name: 'عمر حداد',
  title: 'مصمم جرافيك',
  company: 'Falcon Studio',
  domain: 'falcon-studio.example.ae',
  country: 'AE',
  leadStatus: 'attempting_contact',
};
const HARUKA = {
  email: 'haruka.sato@sakura-fg.example.jp',
  name: '佐藤 遥',
  title: 'マーケティング部長',
  company: 'Sakura Financial Group',
  domain: 'sakura-fg.example.jp',
  country: 'JP',
};

const quiet = () => ({ warn: vi.fn() });

describe('Salesforce adapter', () => {
  it('reads the Lead: name without salutation, fields by API name, status as a model id, country from the address', () => {
    const { doc, url } = loadFixture('salesforce/lead-record.html');
    const logger = quiet();
    const people = salesforceAdapter.extract(doc, url, { logger });
    expect(people).toEqual({ primary: { role: 'record', facts: OMAR }, others: [] });
    expect(ProspectFactsSchema.parse(people.primary?.facts)).toEqual(OMAR);
    expect(logger.warn).not.toHaveBeenCalled();
    expect(salesforceAdapter.anchor(doc, url)?.tagName.toLowerCase()).toBe('records-highlights2');
  });

  it('follows navigation to a Contact, ignoring the Lead page Lightning keeps hidden in the DOM', () => {
    const { doc, url } = loadFixture('salesforce/lead-record.html');
    const before = salesforceAdapter.personKey(doc, url);
    const next = navigateInPlace(doc, url);
    expect(next.href).toBe(navigationTarget('salesforce/lead-record.html').href);
    expect(doc.querySelectorAll('records-highlights2')).toHaveLength(2);
    expect(before).toBe('salesforce:Lead:00Q5g00000Ab12CEAR:عمر حداد');
    expect(salesforceAdapter.personKey(doc, next)).toBe('salesforce:Contact:0035g00000Xy34ZAAR:佐藤 遥');
    expect(salesforceAdapter.extract(doc, next, { logger: quiet() })).toEqual({
      primary: { role: 'record', facts: HARUKA },
      others: [],
    });
    expect(salesforceAdapter.anchor(doc, next)?.textContent).toContain('佐藤 遥');
  });

  it('has nobody on the home page', () => {
    const { doc, url } = loadFixture('salesforce/home.html');
    const logger = quiet();
    expect(salesforceAdapter.extract(doc, url, { logger })).toEqual({ primary: null, others: [] });
    expect(salesforceAdapter.personKey(doc, url)).toBeNull();
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('still extracts after every class name changed', () => {
    const { doc, url } = loadFixture('salesforce/lead-record.html');
    withoutClassNames(doc);
    expect(salesforceAdapter.extract(doc, url, { logger: quiet() })).toEqual({
      primary: { role: 'record', facts: OMAR },
      others: [],
    });
  });

  it('falls back to the translated field-label attributes when API names are gone', () => {
    const { doc, url } = loadFixture('salesforce/lead-record.html');
    for (const element of doc.querySelectorAll('[data-target-selection-name]')) {
      element.removeAttribute('data-target-selection-name');
    }
    expect(salesforceAdapter.extract(doc, url, { logger: quiet() }).primary?.facts).toEqual(OMAR);
  });

  it('reports a record whose email can no longer be found', () => {
    const { doc, url } = loadFixture('salesforce/lead-record.html');
    doc.querySelector('[data-target-selection-name="sfdc:RecordField.Lead.Email"]')?.remove();
    for (const item of doc.querySelectorAll('records-highlights-details-item')) {
      if (item.querySelector('[title="Email"]')) item.remove();
    }
    const logger = quiet();
    expect(salesforceAdapter.extract(doc, url, { logger }).primary?.facts.email).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledExactlyOnceWith('[leadlens] salesforce.email: no selector matched');
  });
});
