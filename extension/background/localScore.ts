import {
  type AlignmentModel,
  type Lead,
  type LeadEvent,
  type ProspectFacts,
  type ScoreResult,
  score,
} from '../../shared';

export interface ModelAtVersion {
  model: AlignmentModel;
  version: number;
}

/**
 * Scores with the shared engine in the extension itself, so the overlay never waits on
 * the network once a model is cached. `interestKnown` is false when the person's
 * behaviour is unknown (not in the lead store, or the API sent no events).
 */
export function scoreLocally(
  { model, version }: ModelAtVersion,
  lead: Lead | ProspectFacts,
  events: LeadEvent[],
  now: number,
  interestKnown: boolean,
  locale = 'en',
): ScoreResult {
  return score(model, lead, events, new Date(now), { interestKnown, modelVersion: version, locale });
}
