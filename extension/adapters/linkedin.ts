import {
  attrOf,
  createChainReader,
  firstElement,
  known,
  type Probe,
  SILENT_MISS_LOGGER,
  textOf,
} from '../lib/selectorChain';
import { canonicalLinkedInUrl, isLinkedIn, linkedInProfileSlug } from '../lib/urlDetection';
import { countryCodeFrom } from './countries';
import { findEmail } from './emailAddress';
import { toPageFacts } from './facts';
import { defaultMissLogger } from './pageHelpers';
import { noPeople, type SiteAdapter } from './types';

/*
 * LinkedIn profile pages (www.linkedin.com/in/<slug>/). Utility class names (`text-body-medium`,
 * `t-24`, `pv-text-details__…`) are redesigned every year or so; the top card's `data-member-id`,
 * the headline's `data-generated-suggestion-target`, the "Current company: …" button label, the
 * contact-info link id and the `#experience` anchor have outlived several redesigns.
 */

const SITE = 'linkedin';

const NAME = [
  textOf('a[href*="/overlay/about-this-profile/"] h1'),
  attrOf('a[href*="/overlay/about-this-profile/"]', 'aria-label'),
  textOf('h1'),
  textOf('h1.text-heading-xlarge'),
];
const HEADLINE = [textOf('[data-generated-suggestion-target]'), textOf('div.text-body-medium.break-words')];
const CURRENT_COMPANY = attrOf(
  'button[aria-label^="Current company:"]',
  'aria-label',
  /^Current company:\s*(.+?)\.\s*Click to skip/,
);
const CONTACT_INFO_LINK = ['a#top-card-text-details-contact-info', 'a[href*="/overlay/contact-info/"]'];
// The contact-info overlay, when open, may show the email.
const CONTACT_EMAIL = [
  attrOf('[role="dialog"] a[href^="mailto:"]', 'href'),
  textOf('section.pv-contact-info__contact-type a[href^="mailto:"]'),
];
// Positions in the experience section; the first is the current one.
const EXPERIENCE_ENTITY = ['[data-view-name="profile-component-entity"]', 'li.artdeco-list__item'];

/** The top card: the profile's own section, found by its member id or by holding the name heading. */
function topCard(doc: Document): Element | null {
  return (
    firstElement(doc, ['section[data-member-id]']) ??
    doc.querySelector('main h1')?.closest('section') ??
    firstElement(doc, ['section.pv-top-card', 'main section.artdeco-card'])
  );
}

/** Location is the text on the line of the "Contact info" link ("Tokyo, Japan · Contact info"). */
const LOCATION_BESIDE_CONTACT_INFO: Probe = (root) => {
  const link = firstElement(root, CONTACT_INFO_LINK);
  const line = link?.parentElement?.closest('div');
  if (!link || !line) return null;
  for (const span of line.querySelectorAll('span')) {
    if (span.contains(link)) continue;
    const text = span.textContent?.trim();
    if (text && text !== '·') return text;
  }
  return null;
};
const LOCATION = [LOCATION_BESIDE_CONTACT_INFO, textOf('span.text-body-small.inline.t-black--light.break-words')];

/**
 * The current position's title and "Company · Full-time" line: the entity's first two visible
 * lines, which LinkedIn renders as `aria-hidden` spans next to screen-reader duplicates.
 */
function currentPosition(doc: Document): { title: string | null; company: string | null } {
  const section = doc.getElementById('experience')?.closest('section');
  const entity = section ? firstElement(section, EXPERIENCE_ENTITY) : null;
  if (!entity) return { title: null, company: null };
  const lines = [...entity.querySelectorAll('span[aria-hidden="true"]')]
    .filter((span) => !span.closest('a[data-field="experience_company_logo"]'))
    .map((span) => span.textContent?.trim() ?? '')
    .filter(Boolean);
  return { title: lines[0] ?? null, company: lines[1]?.split(/\s+·\s+/)[0] ?? null };
}

// "Head of IT at Acme", "Direttore IT presso Rossi Logistica", "Ingénieur chez X", "CTO @ Y".
const TITLE_AT_COMPANY = /^(.+?)\s+(?:at|@|presso|chez|bei|في)\s+(.+)$/u;

/** "Direttore IT | Supply chain | Speaker": without " at ", the first segment is the role. */
function titleFromHeadline(headline: string): string | null {
  return headline.split(/\s+[|·•]\s+/)[0] ?? null;
}

function companyFromHeadline(headline: string): string | null {
  const company = TITLE_AT_COMPANY.exec(headline)?.[2];
  return company ? (company.split(/\s+[|·•]\s+/)[0] ?? null) : null;
}

/** Drops LinkedIn's " | LinkedIn" and unread-count "(3) " from the document title. */
function nameFromTitle(title: string): string | null {
  const match = /^(?:\(\d+\)\s*)?(.+?)\s*\|\s*LinkedIn\s*$/.exec(title);
  return match?.[1] ?? null;
}

export const linkedinAdapter: SiteAdapter = {
  id: 'linkedin',
  matches: (url) => isLinkedIn(url),
  extract(doc, url, options = {}) {
    const slug = linkedInProfileSlug(url);
    if (!slug) return noPeople();
    const logger = options.logger ?? defaultMissLogger;
    const card = createChainReader(SITE, topCard(doc) ?? doc, logger);
    const page = createChainReader(SITE, doc, logger);

    const name = card.read('name', [...NAME, known(nameFromTitle(doc.title))], { expected: true });
    const headline = card.read('headline', HEADLINE, { expected: true });
    const position = currentPosition(doc);
    const headlineTitle = headline ? TITLE_AT_COMPANY.exec(headline)?.[1] : undefined;
    const title = headlineTitle ?? position.title ?? (headline ? titleFromHeadline(headline) : null);
    const company = page.read('company', [
      CURRENT_COMPANY,
      known(position.company),
      known(headline ? companyFromHeadline(headline) : null),
    ]);
    const location = card.read('location', LOCATION);

    const facts = toPageFacts({
      email: findEmail(page.read('email', CONTACT_EMAIL)),
      name,
      title,
      company,
      country: countryCodeFrom(location, doc.documentElement.lang),
      linkedinUrl: canonicalLinkedInUrl(slug),
    });
    if (!facts.name) return noPeople();
    return { primary: { role: 'profile', facts }, others: [] };
  },
  personKey(doc, url) {
    const slug = linkedInProfileSlug(url);
    if (!slug) return null;
    // The name is part of the key: LinkedIn changes the URL before it renders the next profile.
    const name = createChainReader(SITE, topCard(doc) ?? doc, SILENT_MISS_LOGGER).read('name', NAME);
    return name ? `linkedin:${slug}:${name}` : null;
  },
  anchor(doc) {
    return topCard(doc);
  },
};
