import { gmailAdapter } from './gmail';
import { hubspotAdapter } from './hubspot';
import { linkedinAdapter } from './linkedin';
import { outlookAdapter } from './outlook';
import { salesforceAdapter } from './salesforce';
import type { SiteAdapter } from './types';

export type { ExtractOptions, PagePeople, PagePerson, PersonRole, SiteAdapter, SiteId } from './types';

/** Every supported site, one adapter each. */
export const adapters: readonly SiteAdapter[] = [
  gmailAdapter,
  outlookAdapter,
  linkedinAdapter,
  hubspotAdapter,
  salesforceAdapter,
];

/** The adapter for the site `url` is on (any page of it), or null on unsupported pages. */
export function adapterFor(url: URL): SiteAdapter | null {
  return adapters.find((adapter) => adapter.matches(url)) ?? null;
}
