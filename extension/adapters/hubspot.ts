import {
  attrOf,
  controlValueOf,
  createChainReader,
  firstElement,
  known,
  type Probe,
  SILENT_MISS_LOGGER,
  textOf,
} from '../lib/selectorChain';
import { hubSpotContactRef, isHubSpot } from '../lib/urlDetection';
import { countryCodeFrom } from './countries';
import { leadStatusId, lifecycleStageId } from './crmVocabulary';
import { findEmail } from './emailAddress';
import { toPageFacts } from './facts';
import { defaultMissLogger } from './pageHelpers';
import { noPeople, type SiteAdapter } from './types';

/*
 * HubSpot contact records (app.hubspot.com/contacts/<portal>/record/0-1/<id>). The left sidebar
 * lists properties; each is wrapped in an element whose `data-selenium-test`/`data-test-id` names
 * the property's internal name (`property-input-email`, `…-lifecyclestage`, `…-hs_lead_status`),
 * which HubSpot keeps stable for its own UI tests. Labels are translated, class names
 * (`private-form__…`, hashed styled-components) are not stable.
 */

const SITE = 'hubspot';

const HEADER = [
  '[data-selenium-test="record-highlight"]',
  '[data-test-id="record-highlight"]',
  'header.private-page__header',
];
const HEADER_NAME = [
  textOf('[data-selenium-test="highlightTitle"]'),
  textOf('[data-test-id="highlightTitle"]'),
  textOf('h1'),
];
const HEADER_EMAIL = [attrOf('a[href^="mailto:"]', 'href')];
const PROPERTY_LABEL = ['label', '[data-selenium-test="property-label"]', '.private-form__label'];

/** What a property field shows: a text input's value, else a dropdown's selected label, else its text. */
function propertyValue(container: Element): string | null {
  const value = controlValueOf('input:not([type="hidden"]), textarea')(container);
  if (value) return value;
  const choice = firstElement(container, [
    '[role="combobox"]',
    'button[aria-haspopup]',
    '[data-selenium-test="property-value"]',
  ]);
  if (choice?.textContent?.trim()) return choice.textContent;
  const label = firstElement(container, PROPERTY_LABEL)?.textContent ?? '';
  return (container.textContent ?? '').replace(label, '');
}

function propertyIn(selector: string): Probe {
  return (root) => {
    const container = root.querySelector(selector);
    return container ? propertyValue(container) : null;
  };
}

/** A property found by its visible (English) label, for when the test attributes are gone. */
function propertyByLabel(label: string): Probe {
  return (root) => {
    for (const element of root.querySelectorAll(PROPERTY_LABEL.join(','))) {
      if (element.textContent?.trim() !== label) continue;
      const container = element.closest('[data-selenium-test^="property-input"]') ?? element.parentElement;
      if (container) return propertyValue(container);
    }
    return null;
  };
}

/** A property by internal name: the test attributes, the form control's name, the label, a class last. */
function property(name: string, label: string): Probe[] {
  return [
    propertyIn(`[data-selenium-test="property-input-${name}"]`),
    propertyIn(`[data-test-id="property-input-${name}"]`),
    controlValueOf(`input[name="${name}"]`),
    propertyByLabel(label),
    propertyIn(`.private-form__set--${name}`),
  ];
}

function headerReader(doc: Document) {
  return firstElement(doc, HEADER) ?? doc;
}

function fullName(first: string | undefined, last: string | undefined): string | null {
  const name = [first, last].filter(Boolean).join(' ');
  return name || null;
}

export const hubspotAdapter: SiteAdapter = {
  id: 'hubspot',
  matches: (url) => isHubSpot(url),
  extract(doc, url, options = {}) {
    if (!hubSpotContactRef(url)) return noPeople();
    const logger = options.logger ?? defaultMissLogger;
    const page = createChainReader(SITE, doc, logger);
    const header = createChainReader(SITE, headerReader(doc), logger);

    const email = page.read('email', [...property('email', 'Email'), ...HEADER_EMAIL], { expected: true });
    const first = page.read('firstname', property('firstname', 'First name'));
    const last = page.read('lastname', property('lastname', 'Last name'));
    const name = header.read('name', [known(fullName(first, last)), ...HEADER_NAME], { expected: true });
    const country = page.read('country', property('country', 'Country/Region'));

    const facts = toPageFacts({
      email: findEmail(email),
      name,
      title: page.read('jobtitle', property('jobtitle', 'Job Title')),
      company: page.read('company', property('company', 'Company name')),
      country: countryCodeFrom(country, doc.documentElement.lang),
      lifecycleStage: lifecycleStageId(page.read('lifecyclestage', property('lifecyclestage', 'Lifecycle stage'))),
      leadStatus: leadStatusId(page.read('hs_lead_status', property('hs_lead_status', 'Lead status'))),
    });
    if (!facts.email && !facts.name) return noPeople();
    return { primary: { role: 'record', facts }, others: [] };
  },
  personKey(doc, url) {
    const ref = hubSpotContactRef(url);
    if (!ref) return null;
    // The shown email is part of the key: "next record" arrows swap the record before the URL settles.
    const shown = createChainReader(SITE, doc, SILENT_MISS_LOGGER).read('email', [
      ...property('email', 'Email'),
      ...HEADER_NAME,
    ]);
    return shown ? `hubspot:${ref.portalId}:${ref.contactId}:${shown}` : null;
  },
  anchor(doc) {
    return firstElement(doc, HEADER);
  },
};
