/**
 * CRM labels → the model's ids (DESIGN.md §7). CRMs show stages and statuses as labels
 * ("Marketing Qualified Lead", "Working - Contacted"); the model speaks ids ("mql",
 * "attempting_contact"). Labels with no agreed equivalent become an id-shaped slug, so an
 * admin who adds that id to the model gets it matched without a code change.
 */

const LIFECYCLE_BY_LABEL: Record<string, string> = {
  subscriber: 'subscriber',
  lead: 'lead',
  marketingqualifiedlead: 'mql',
  mql: 'mql',
  salesacceptedlead: 'sal',
  sal: 'sal',
  salesqualifiedlead: 'sql',
  sql: 'sql',
  opportunity: 'opportunity',
  customer: 'customer',
};

const LEAD_STATUS_BY_LABEL: Record<string, string> = {
  new: 'new',
  opennotcontacted: 'new', // Salesforce default
  attemptedtocontact: 'attempting_contact', // HubSpot default
  attemptingcontact: 'attempting_contact',
  workingcontacted: 'attempting_contact', // Salesforce default
  connected: 'connected',
  badtiming: 'returned_not_ready', // HubSpot default
  returnednotready: 'returned_not_ready',
  unqualified: 'disqualified', // HubSpot default
  disqualified: 'disqualified',
  closednotconverted: 'disqualified', // Salesforce default
};

function compact(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** "Closed - Converted" → "closed_converted"; null when nothing id-shaped is left (e.g. non-Latin labels). */
export function labelToId(label: string): string | null {
  const slug = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64)
    .replace(/_+$/, '');
  return /^[a-z][a-z0-9_]*$/.test(slug) ? slug : null;
}

export function lifecycleStageId(label: string | null | undefined): string | null {
  if (!label) return null;
  return LIFECYCLE_BY_LABEL[compact(label)] ?? labelToId(label);
}

export function leadStatusId(label: string | null | undefined): string | null {
  if (!label) return null;
  return LEAD_STATUS_BY_LABEL[compact(label)] ?? labelToId(label);
}
