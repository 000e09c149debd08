import { createChainReader, firstElement, type Probe, SILENT_MISS_LOGGER, textOf } from '../lib/selectorChain';
import { isSalesforce, type SalesforceRecordRef, salesforceRecordRef } from '../lib/urlDetection';
import { countryCodeFrom } from './countries';
import { leadStatusId } from './crmVocabulary';
import { findEmail } from './emailAddress';
import { toPageFacts } from './facts';
import { defaultMissLogger } from './pageHelpers';
import { noPeople, type SiteAdapter } from './types';

/*
 * Salesforce Lightning Experience Lead and Contact record pages
 * (<domain>.lightning.force.com/lightning/r/Lead|Contact/<id>/view). Lightning web components keep
 * their tag names (`records-record-layout-item`, `lightning-formatted-email`, `records-highlights2`)
 * and put the field's API name in `data-target-selection-name="sfdc:RecordField.Lead.Email"`,
 * which is the most stable handle there is; `field-label` attributes are translated labels.
 * Content scripts see through Lightning's synthetic shadow DOM, so plain queries reach them.
 *
 * Lightning keeps previously visited records in the DOM (hidden) when you navigate, so everything
 * is read inside the active page container only.
 */

const SITE = 'salesforce';

const ACTIVE_PAGE = ['div.oneContent.active', 'div.windowViewMode-normal.active', '[class*="oneContent"].active'];
const HIGHLIGHTS = ['records-highlights2', 'records-lwc-highlights-panel', 'div.highlights'];
const HEADER_NAME = [
  textOf('[slot="primaryField"] lightning-formatted-name'),
  textOf('lightning-formatted-name[slot="primaryField"]'),
  textOf('[slot="primaryField"]'),
  textOf('h1 .uiOutputText'),
];
// Where a field's value is rendered, by the component that renders it; the label span comes first.
const FIELD_VALUE = [
  'lightning-formatted-email',
  'lightning-formatted-name',
  'lightning-formatted-text',
  'lightning-formatted-address',
  'force-lookup',
  'records-hover-link',
  '[slot="outputField"]',
  '.test-id__field-value',
];
const FIELD_LABEL = ['.test-id__field-label', 'span.slds-form-element__label', 'p.slds-text-title'];
const SALUTATION = /^(?:Mr|Ms|Mrs|Mx|Dr|Prof)\.?\s+/i;

/** API names and English labels of the fields read, per object. */
const FIELDS = {
  Lead: { name: 'Name', email: 'Email', title: 'Title', company: 'Company', status: 'Status', address: 'Address' },
  Contact: {
    name: 'Name',
    email: 'Email',
    title: 'Title',
    company: 'AccountId',
    status: null,
    address: 'MailingAddress',
  },
} as const;
const LABELS: Record<string, string> = {
  Name: 'Name',
  Email: 'Email',
  Title: 'Title',
  Company: 'Company',
  AccountId: 'Account Name',
  Status: 'Lead Status',
  Address: 'Address',
  MailingAddress: 'Mailing Address',
};

function fieldValue(container: Element): string | null {
  const value = firstElement(container, FIELD_VALUE);
  if (value) {
    // Addresses render one line per <div>; keep the lines apart so the country stays its own part.
    const lines = [...value.querySelectorAll('div')].map((line) => line.textContent?.trim()).filter(Boolean);
    return lines.length > 1 ? lines.join(', ') : value.textContent;
  }
  const label = firstElement(container, FIELD_LABEL)?.textContent ?? '';
  return (container.textContent ?? '').replace(label, '');
}

function fieldIn(selector: string): Probe {
  return (root) => {
    for (const container of root.querySelectorAll(selector)) {
      const value = fieldValue(container);
      if (value?.trim()) return value;
    }
    return null;
  };
}

/** Highlights-panel items show a label (`title` attribute) above the value. */
function highlightItem(label: string): Probe {
  return (root) => {
    for (const item of root.querySelectorAll('records-highlights-details-item')) {
      if (item.querySelector(`[title="${label}"]`)) {
        const value = item.querySelector('[slot="output"], lightning-formatted-text, .fieldComponent');
        if (value?.textContent?.trim()) return value.textContent;
      }
    }
    return null;
  };
}

/** A field by API name, then by its layout item's label, then the highlights panel, then by label classes. */
function field(objectType: SalesforceRecordRef['objectType'], apiName: string): Probe[] {
  const label = LABELS[apiName] ?? apiName;
  return [
    fieldIn(`[data-target-selection-name="sfdc:RecordField.${objectType}.${apiName}"]`),
    fieldIn(`records-record-layout-item[field-label="${label}"]`),
    highlightItem(label),
    (root) => {
      for (const element of root.querySelectorAll(FIELD_LABEL.join(','))) {
        if (element.textContent?.trim() !== label) continue;
        const container = element.closest('.slds-form-element');
        if (container) return fieldValue(container);
      }
      return null;
    },
  ];
}

function activePage(doc: Document): ParentNode {
  return firstElement(doc, ACTIVE_PAGE) ?? doc;
}

function recordName(
  root: ParentNode,
  objectType: SalesforceRecordRef['objectType'],
  logger = SILENT_MISS_LOGGER,
  expected = false,
) {
  const name = createChainReader(SITE, root, logger).read('name', [...HEADER_NAME, ...field(objectType, 'Name')], {
    expected,
  });
  return name?.replace(SALUTATION, '');
}

export const salesforceAdapter: SiteAdapter = {
  id: 'salesforce',
  matches: (url) => isSalesforce(url),
  extract(doc, url, options = {}) {
    const ref = salesforceRecordRef(url);
    if (!ref) return noPeople();
    const logger = options.logger ?? defaultMissLogger;
    const root = activePage(doc);
    const read = createChainReader(SITE, root, logger);
    const names = FIELDS[ref.objectType];

    const address = read.read('address', field(ref.objectType, names.address));
    const facts = toPageFacts({
      email: findEmail(read.read('email', field(ref.objectType, names.email), { expected: true })),
      name: recordName(root, ref.objectType, logger, true),
      title: read.read('title', field(ref.objectType, names.title)),
      company: read.read('company', field(ref.objectType, names.company)),
      leadStatus: names.status ? leadStatusId(read.read('status', field(ref.objectType, names.status))) : null,
      country: countryCodeFrom(address, doc.documentElement.lang),
    });
    if (!facts.email && !facts.name) return noPeople();
    return { primary: { role: 'record', facts }, others: [] };
  },
  personKey(doc, url) {
    const ref = salesforceRecordRef(url);
    if (!ref) return null;
    const name = recordName(activePage(doc), ref.objectType);
    return name ? `salesforce:${ref.objectType}:${ref.recordId}:${name}` : null;
  },
  anchor(doc) {
    return firstElement(activePage(doc), HIGHLIGHTS);
  },
};
