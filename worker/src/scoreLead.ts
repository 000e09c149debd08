import { type ScoreResult, score } from '../../shared';
import type { LeadBundle } from './db/leadStore';
import type { PublishedModel } from './publishedModel';

/**
 * Scores a stored lead with the live model: its most recent events, and its connect attempts so the
 * SLA clock (started when it became hot or reached the clock stage) stops at the first touch.
 */
export function scoreStoredLead(
  bundle: LeadBundle,
  published: PublishedModel,
  now: Date,
  locale?: string,
): ScoreResult {
  return score(published.model, bundle.lead, bundle.events, now, {
    modelVersion: published.version,
    attempts: bundle.attempts,
    ...(locale ? { locale } : {}),
  });
}
