import { describe, expect, it, vi } from 'vitest';
import { ProspectFactsSchema } from '../../shared';
import { hubspotAdapter } from './hubspot';
import { loadFixture, navigateInPlace, navigationTarget, withoutClassNames } from './testing/fixturePages';

const GIULIA = {
  email: 'giulia.romano@banca-aurora.example.it',
  name: 'Giulia Romano',
  title: 'Responsabile Marketing',
  company: 'Banca Aurora',
  domain: 'banca-aurora.example.it',
  country: 'IT',
  lifecycleStage: 'mql',
  leadStatus: 'attempting_contact',
};
const MAX = {
  email: 'max.student@uni-mail.example.de',
  name: 'Max Becker',
  title: 'Student',
  company: 'Universität Beispiel',
  domain: 'uni-mail.example.de',
  country: 'DE',
  lifecycleStage: 'subscriber',
  leadStatus: 'new',
};

const quiet = () => ({ warn: vi.fn() });

describe('HubSpot adapter', () => {
  it('reads the contact record properties, mapping stage and status labels to model ids', () => {
    const { doc, url } = loadFixture('hubspot/contact-record.html');
    const logger = quiet();
    const people = hubspotAdapter.extract(doc, url, { logger });
    expect(people).toEqual({ primary: { role: 'record', facts: GIULIA }, others: [] });
    expect(ProspectFactsSchema.parse(people.primary?.facts)).toEqual(GIULIA);
    expect(logger.warn).not.toHaveBeenCalled();
    expect(hubspotAdapter.anchor(doc, url)?.getAttribute('data-selenium-test')).toBe('record-highlight');
  });

  it('follows the "next contact" navigation in place', () => {
    const { doc, url } = loadFixture('hubspot/contact-record.html');
    const before = hubspotAdapter.personKey(doc, url);
    const next = navigateInPlace(doc, url);
    expect(next.href).toBe(navigationTarget('hubspot/contact-record.html').href);
    expect(before).toBe('hubspot:8765432:51234:giulia.romano@banca-aurora.example.it');
    expect(hubspotAdapter.personKey(doc, next)).toBe('hubspot:8765432:51301:max.student@uni-mail.example.de');
    expect(hubspotAdapter.extract(doc, next, { logger: quiet() })).toEqual({
      primary: { role: 'record', facts: MAX },
      others: [],
    });
  });

  it('reads what the rep is typing into a property', () => {
    const { doc, url } = loadFixture('hubspot/contact-record.html');
    const input = doc.querySelector('[data-selenium-test="property-input-jobtitle"] input') as HTMLInputElement;
    input.value = 'Chief Marketing Officer';
    expect(hubspotAdapter.extract(doc, url, { logger: quiet() }).primary?.facts.title).toBe('Chief Marketing Officer');
  });

  it('has nobody on the contacts index', () => {
    const { doc, url } = loadFixture('hubspot/contacts-index.html');
    const logger = quiet();
    expect(hubspotAdapter.extract(doc, url, { logger })).toEqual({ primary: null, others: [] });
    expect(hubspotAdapter.personKey(doc, url)).toBeNull();
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('still extracts after every class name changed', () => {
    const { doc, url } = loadFixture('hubspot/contact-record.html');
    withoutClassNames(doc);
    expect(hubspotAdapter.extract(doc, url, { logger: quiet() })).toEqual({
      primary: { role: 'record', facts: GIULIA },
      others: [],
    });
  });

  it('falls back to the visible labels when the test attributes are gone', () => {
    const { doc, url } = loadFixture('hubspot/contact-record.html');
    for (const element of doc.querySelectorAll('[data-selenium-test], [data-test-id]')) {
      element.removeAttribute('data-selenium-test');
      element.removeAttribute('data-test-id');
    }
    for (const input of doc.querySelectorAll('input[name]')) input.removeAttribute('name');
    expect(hubspotAdapter.extract(doc, url, { logger: quiet() }).primary?.facts).toEqual(GIULIA);
  });

  it('reports a record whose email can no longer be found', () => {
    const { doc, url } = loadFixture('hubspot/contact-record.html');
    doc.querySelector('[data-selenium-test="property-input-email"]')?.remove();
    doc.querySelector('a[href^="mailto:"]')?.remove();
    const logger = quiet();
    expect(hubspotAdapter.extract(doc, url, { logger }).primary?.facts.email).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledExactlyOnceWith('[leadlens] hubspot.email: no selector matched');
  });
});
