import type { LeadEvent } from '../schemas/lead';
import type { AlignmentModel } from '../schemas/model';

export const NOW = '2025-06-01T12:00:00.000Z';
export const NOW_MS = Date.parse(NOW);
const DAY = 86_400_000;

let counter = 0;
/** An event `daysAgo` days before NOW (negative = in the future). */
export function event(type: string, daysAgo = 0, email = 'p@example.com'): LeadEvent {
  counter++;
  return { id: `e${counter}`, email, type, at: new Date(NOW_MS - daysAgo * DAY).toISOString() };
}

/** A deep copy that tests may change without touching the shared default model. */
export function copyModel(model: AlignmentModel): AlignmentModel {
  return structuredClone(model);
}
