import type { z } from 'zod';
import type { ScoringEvent } from '../schemas/lead';
import type { AlignmentModel } from '../schemas/model';
import type { ImpactExampleSchema, LeadOutcome, ModelImpact } from '../schemas/modelImpact';
import { compileModel, type LeadFacts } from './compile';
import { suggestStageIn } from './lifecycle';
import { quadrantOf } from './quadrant';
import { prepareState, releaseState } from './state';
import { toEpochMs } from './time';

/** A stored lead as the comparison needs it: its facts and recent events. */
export interface ImpactLead {
  id: string;
  email: string;
  facts: LeadFacts;
  events: readonly ScoringEvent[];
}

export const DEFAULT_IMPACT_EXAMPLES = 10;

/**
 * The two parts of `score()` a publish can move for a stored lead — quadrant and suggested stage —
 * computed the same way (same state, same functions) without the persona, messaging, "why" and
 * SLA work that a bulk comparison would throw away.
 */
export function leadOutcome(model: AlignmentModel, facts: LeadFacts, events: readonly ScoringEvent[], nowMs: number) {
  const compiled = compileModel(model);
  const state = prepareState(compiled, facts, events, nowMs);
  const outcome: LeadOutcome = {
    quadrant: quadrantOf(model, state.fit, state.interest),
    stage: suggestStageIn(compiled, state)?.stage ?? null,
  };
  releaseState(state);
  return outcome;
}

/**
 * Running totals of a comparison, so a caller can feed leads in pages (the worker reads them in
 * chunks) and still get one answer.
 */
export class ImpactTally {
  private compared = 0;
  private quadrantChanged = 0;
  private stageChanged = 0;
  private changed = 0;
  private readonly quadrantMoves = new Map<string, number>();
  private readonly stageMoves = new Map<string, number>();
  private readonly examples: z.infer<typeof ImpactExampleSchema>[] = [];

  constructor(
    private readonly live: AlignmentModel,
    private readonly draft: AlignmentModel,
    now: Date | string,
    private readonly maxExamples = DEFAULT_IMPACT_EXAMPLES,
  ) {
    this.nowMs = toEpochMs(now);
  }

  private readonly nowMs: number;

  add(lead: ImpactLead): void {
    const from = leadOutcome(this.live, lead.facts, lead.events, this.nowMs);
    const to = leadOutcome(this.draft, lead.facts, lead.events, this.nowMs);
    this.compared++;
    const quadrantMoved = from.quadrant !== to.quadrant;
    const stageMoved = from.stage !== to.stage;
    if (quadrantMoved) {
      this.quadrantChanged++;
      bump(this.quadrantMoves, JSON.stringify([from.quadrant, to.quadrant]));
    }
    if (stageMoved) {
      this.stageChanged++;
      bump(this.stageMoves, JSON.stringify([from.stage, to.stage]));
    }
    if (quadrantMoved || stageMoved) {
      this.changed++;
      if (this.examples.length < this.maxExamples) this.examples.push({ leadId: lead.id, email: lead.email, from, to });
    }
  }

  result(): ModelImpact {
    return {
      leadsCompared: this.compared,
      quadrantChanged: this.quadrantChanged,
      stageChanged: this.stageChanged,
      changed: this.changed,
      quadrantTransitions: transitions(this.quadrantMoves) as ModelImpact['quadrantTransitions'],
      stageTransitions: transitions(this.stageMoves),
      examples: [...this.examples],
    };
  }
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Most frequent first; ties in a stable order (by from, then to) so answers are comparable. */
function transitions(counts: Map<string, number>): { from: string | null; to: string | null; count: number }[] {
  return [...counts]
    .map(([key, count]) => {
      const [from, to] = JSON.parse(key) as [string | null, string | null];
      return { from, to, count };
    })
    .sort(
      (a, b) =>
        b.count - a.count || String(a.from).localeCompare(String(b.from)) || String(a.to).localeCompare(String(b.to)),
    );
}

/** How publishing `draft` over `live` would change the given leads' quadrants and suggested stages. */
export function modelImpact(
  live: AlignmentModel,
  draft: AlignmentModel,
  leads: Iterable<ImpactLead>,
  now: Date | string,
  maxExamples = DEFAULT_IMPACT_EXAMPLES,
): ModelImpact {
  const tally = new ImpactTally(live, draft, now, maxExamples);
  for (const lead of leads) tally.add(lead);
  return tally.result();
}
