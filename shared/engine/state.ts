import type { ScoringEvent } from '../schemas/lead';
import type { CompiledModel, EvalState, LeadFacts } from './compile';
import { indexEvents } from './events';
import { normalizeFit, rawFitPoints } from './fit';
import { accumulateInterest, normalizeInterest } from './interest';

/** Loads a prospect into the compiled model's state and computes the metrics conditions may use. */
export function prepareState(
  compiled: CompiledModel,
  facts: LeadFacts,
  events: readonly ScoringEvent[],
  nowMs: number,
): EvalState {
  const state = compiled.state;
  state.facts = facts;
  state.nowMs = nowMs;
  indexEvents(state, compiled.slotOf, events);
  state.interest = normalizeInterest(compiled.model, accumulateInterest(compiled, state));
  // Fit rules may not use metric conditions (validateModel rejects it), so NaN here only guards hand-built models.
  state.fit = Number.NaN;
  state.score = Number.NaN;
  state.fit = normalizeFit(compiled.model, rawFitPoints(compiled, state));
  state.score = blendScore(compiled, state.fit, state.interest);
  return state;
}

export function blendScore(compiled: CompiledModel, fit: number, interest: number): number {
  const weight = compiled.model.fitWeight;
  return Math.round(weight * fit + (1 - weight) * interest);
}

/** Drops the references to the caller's objects once a call is done. */
export function releaseState(state: EvalState): void {
  state.facts = {};
}
