import type { Lead, ProspectFacts } from '../../shared';

// Fields a page may fill in. Lifecycle stage and lead status are left out on purpose: the
// stored record is where sales and marketing agreed them; a CRM page may lag behind.
const FILLABLE = [
  'name',
  'title',
  'company',
  'domain',
  'industry',
  'employees',
  'country',
  'linkedinUrl',
  'source',
  'leadType',
] as const satisfies readonly (keyof ProspectFacts & keyof Lead)[];

/**
 * The lead used for the score shown on a page: the stored record, with page facts filling
 * only what the record lacks. The stored record wins where both have a value, because it
 * is what every teammate sees and what the API scored; the page adds what nobody stored yet
 * (a title seen on LinkedIn, a CRM property).
 */
export function mergeFacts(lead: Lead, facts: ProspectFacts): Lead {
  const merged: Lead = { ...lead };
  for (const field of FILLABLE) {
    if (merged[field] === undefined && facts[field] !== undefined) {
      (merged as Record<string, unknown>)[field] = facts[field];
    }
  }
  if (facts.attributes) merged.attributes = { ...facts.attributes, ...lead.attributes };
  return merged;
}
