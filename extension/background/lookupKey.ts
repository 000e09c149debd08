import type { ProspectFacts } from '../../shared';
import type { LookupQuery } from './apiClient';

export interface LeadLookup {
  /** The Dexie key of the cached answer, and the key pushes about this person carry. */
  key: string;
  query: LookupQuery;
}

/**
 * Email is the natural key of a lead; a LinkedIn URL is the fallback on profiles that show
 * no email. Facts with neither are scored from the page alone and never looked up.
 */
export function lookupFor(facts: ProspectFacts): LeadLookup | null {
  if (facts.email) return { key: `email:${facts.email.toLowerCase()}`, query: { email: facts.email } };
  if (facts.linkedinUrl) {
    return { key: `linkedin:${linkedinCacheKey(facts.linkedinUrl)}`, query: { linkedin: facts.linkedinUrl } };
  }
  return null;
}

// Only for the local cache key (the API normalises again): the same profile reached through
// `?locale=` links, trailing slashes or `/details/…` sub-pages should hit one cache row.
function linkedinCacheKey(url: string): string {
  try {
    const { pathname } = new URL(url);
    const [kind, id] = pathname.split('/').filter((s) => s !== '');
    if (kind && id && (kind === 'in' || kind === 'pub')) return `${kind}/${safeDecode(id)}`.toLowerCase();
    return pathname.replace(/\/+$/, '').toLowerCase();
  } catch {
    return url.trim().toLowerCase();
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
