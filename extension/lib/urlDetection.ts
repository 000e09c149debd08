/**
 * Which supported site, and which kind of page on it, a URL is — refined-github style: small
 * named predicates, tested on their own against real and look-alike URLs.
 *
 * Local demo pages (`npm start`, scripts/demo-server.mjs) stand in for the real sites at
 * `http://127.0.0.1:<port>/demo/<site>/<the real path>`, e.g.
 * `http://127.0.0.1:8790/demo/linkedin/in/yuki-tanaka/`. They are recognised only when demo pages
 * are enabled (development builds, or `WXT_DEMO=true`), so a store build never treats a local
 * page as a CRM. Every predicate maps a demo URL back to the real URL it stands for first, so
 * adapters only ever reason about real-site URLs.
 */

export const SITE_IDS = ['gmail', 'outlook', 'linkedin', 'hubspot', 'salesforce'] as const;
export type SiteId = (typeof SITE_IDS)[number];

export interface UrlDetectionOptions {
  /** Accept local demo pages as stand-ins for the real sites. */
  demo?: boolean;
}

/** Development builds and `WXT_DEMO=true` builds show the overlay on the local demo pages. */
export const DEMO_PAGES_ENABLED: boolean =
  import.meta.env?.MODE === 'development' || String(import.meta.env?.WXT_DEMO ?? '') === 'true';

/** Where scripts/demo-server.mjs listens by default. */
export const DEMO_ORIGIN = 'http://127.0.0.1:8790';
const DEMO_HOSTS = new Set(['127.0.0.1', 'localhost']);

/** The origin each site's demo pages pretend to be on. */
const DEMO_STAND_IN_ORIGIN: Record<SiteId, string> = {
  gmail: 'https://mail.google.com',
  outlook: 'https://outlook.office.com',
  linkedin: 'https://www.linkedin.com',
  hubspot: 'https://app.hubspot.com',
  salesforce: 'https://demo.lightning.force.com',
};

const OUTLOOK_HOSTS = new Set(['outlook.office.com', 'outlook.live.com', 'outlook.office365.com']);
// app.hubspot.com, and the regional data centres (app-eu1.hubspot.com, app-na2.hubspot.com …).
const HUBSPOT_HOST = /^app(?:-[a-z]{2}\d+)?\.hubspot\.com$/;
// <my-domain>.lightning.force.com, including sandboxes (<my-domain>--<sandbox>.sandbox.lightning.force.com).
const SALESFORCE_HOST = /^[a-z0-9-]+(?:\.sandbox)?\.lightning\.force\.com$/;
const LINKEDIN_HOSTS = new Set(['www.linkedin.com', 'linkedin.com']);

function siteOfHost(hostname: string): SiteId | null {
  const host = hostname.toLowerCase();
  if (host === 'mail.google.com') return 'gmail';
  if (OUTLOOK_HOSTS.has(host)) return 'outlook';
  if (LINKEDIN_HOSTS.has(host)) return 'linkedin';
  if (HUBSPOT_HOST.test(host)) return 'hubspot';
  if (SALESFORCE_HOST.test(host)) return 'salesforce';
  return null;
}

/**
 * The supported site a URL belongs to and the real-site URL it stands for (itself, unless it is a
 * demo page), or null. Only HTTPS counts on the real sites.
 */
export function resolveSiteUrl(url: URL, options: UrlDetectionOptions = {}): { site: SiteId; url: URL } | null {
  const demo = options.demo ?? DEMO_PAGES_ENABLED;
  if (url.protocol === 'https:') {
    const site = siteOfHost(url.hostname);
    if (site) return { site, url };
  }
  if (demo && url.protocol === 'http:' && DEMO_HOSTS.has(url.hostname)) {
    const match = /^\/demo\/([a-z]+)(\/.*)?$/.exec(url.pathname);
    const site = SITE_IDS.find((id) => id === match?.[1]);
    if (!site) return null;
    const standIn = new URL(`${match?.[2] ?? '/'}${url.search}${url.hash}`, DEMO_STAND_IN_ORIGIN[site]);
    return { site, url: standIn };
  }
  return null;
}

/** The real-site URL for `site`, or null when `url` is not on that site. */
function on(site: SiteId, url: URL, options?: UrlDetectionOptions): URL | null {
  const resolved = resolveSiteUrl(url, options);
  return resolved?.site === site ? resolved.url : null;
}

export function siteOf(url: URL, options?: UrlDetectionOptions): SiteId | null {
  return resolveSiteUrl(url, options)?.site ?? null;
}

// ——— Gmail ———

export function isGmail(url: URL, options?: UrlDetectionOptions): boolean {
  const real = on('gmail', url, options);
  return real !== null && /^\/mail(\/|$)/.test(real.pathname);
}

/**
 * Id of the open thread from Gmail's hash route (`#inbox/FMfcgz…`, `#label/Work/FMfcgz…`,
 * `#search/acme/FMfcgz…`), or null on a list. Thread ids are long base-64-ish tokens; list
 * routes end in a label, a query or a page number (`#inbox/p2`).
 */
export function gmailThreadId(url: URL, options?: UrlDetectionOptions): string | null {
  if (!isGmail(url, options)) return null;
  const real = on('gmail', url, options) as URL;
  const route = real.hash.replace(/^#/, '').split('?')[0] ?? '';
  const last = route.split('/').at(-1) ?? '';
  return route.includes('/') && /^[A-Za-z0-9_-]{16,}$/.test(last) ? last : null;
}

export function isGmailThread(url: URL, options?: UrlDetectionOptions): boolean {
  return gmailThreadId(url, options) !== null;
}

/** A compose window is named in the hash (`#inbox?compose=new`, `?compose=CllgC…`). */
export function isGmailCompose(url: URL, options?: UrlDetectionOptions): boolean {
  const real = on('gmail', url, options);
  return real !== null && isGmail(url, options) && /[?&]compose=/.test(real.hash);
}

// ——— Outlook on the web ———

export function isOutlook(url: URL, options?: UrlDetectionOptions): boolean {
  const real = on('outlook', url, options);
  return real !== null && /^\/(mail|owa)(\/|$)/.test(real.pathname);
}

/** Id of the message open in the reading pane: `/mail/inbox/id/<id>`, `/mail/id/<id>`. */
export function outlookItemId(url: URL, options?: UrlDetectionOptions): string | null {
  if (!isOutlook(url, options)) return null;
  const real = on('outlook', url, options) as URL;
  const match = /^\/mail\/(?:[^/]+\/)*id\/([^/]+)\/?$/.exec(real.pathname);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

export function isOutlookCompose(url: URL, options?: UrlDetectionOptions): boolean {
  const real = on('outlook', url, options);
  return real !== null && /^\/mail\/(?:deeplink\/)?compose(\/|$)/.test(real.pathname);
}

// ——— LinkedIn ———

export function isLinkedIn(url: URL, options?: UrlDetectionOptions): boolean {
  return on('linkedin', url, options) !== null;
}

/**
 * The profile's public slug on `/in/<slug>/` (and its overlays, e.g. `/in/<slug>/overlay/contact-info/`),
 * lower-cased and decoded; null elsewhere, including `/in/<slug>/details/…` sub-pages, which have
 * no top card.
 */
export function linkedInProfileSlug(url: URL, options?: UrlDetectionOptions): string | null {
  const real = on('linkedin', url, options);
  if (!real) return null;
  const match = /^\/in\/([^/]+)\/?(?:overlay\/[^/]+\/?)?$/.exec(real.pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]).toLowerCase();
  } catch {
    return null;
  }
}

export function isLinkedInProfile(url: URL, options?: UrlDetectionOptions): boolean {
  return linkedInProfileSlug(url, options) !== null;
}

/** The canonical profile URL everyone stores: `https://www.linkedin.com/in/<slug>`. */
export function canonicalLinkedInUrl(slug: string): string {
  return `https://www.linkedin.com/in/${encodeURIComponent(slug.toLowerCase())}`;
}

// ——— HubSpot ———

export function isHubSpot(url: URL, options?: UrlDetectionOptions): boolean {
  return on('hubspot', url, options) !== null;
}

export interface HubSpotContactRef {
  portalId: string;
  contactId: string;
}

/** `/contacts/<portal>/record/0-1/<id>` (0-1 is HubSpot's object type id for contacts) or legacy `/contacts/<portal>/contact/<id>`. */
export function hubSpotContactRef(url: URL, options?: UrlDetectionOptions): HubSpotContactRef | null {
  const real = on('hubspot', url, options);
  if (!real) return null;
  const match = /^\/contacts\/(\d+)\/(?:record\/0-1|contact)\/(\d+)(?:\/.*)?$/.exec(real.pathname);
  return match?.[1] && match[2] ? { portalId: match[1], contactId: match[2] } : null;
}

export function isHubSpotContact(url: URL, options?: UrlDetectionOptions): boolean {
  return hubSpotContactRef(url, options) !== null;
}

// ——— Salesforce Lightning ———

export function isSalesforce(url: URL, options?: UrlDetectionOptions): boolean {
  return on('salesforce', url, options) !== null;
}

export interface SalesforceRecordRef {
  objectType: 'Lead' | 'Contact';
  recordId: string;
}

/** `/lightning/r/Lead/<id>/view` or `/lightning/r/Contact/<id>/view` (15- or 18-character ids). */
export function salesforceRecordRef(url: URL, options?: UrlDetectionOptions): SalesforceRecordRef | null {
  const real = on('salesforce', url, options);
  if (!real) return null;
  const match = /^\/lightning\/r\/(Lead|Contact)\/([A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?)\/view\/?$/.exec(real.pathname);
  if (!match?.[1] || !match[2]) return null;
  return { objectType: match[1] as SalesforceRecordRef['objectType'], recordId: match[2] };
}

export function isSalesforceLeadOrContact(url: URL, options?: UrlDetectionOptions): boolean {
  return salesforceRecordRef(url, options) !== null;
}
