import type { JourneyStageId } from '../schemas/common';
import type { ScoringEvent } from '../schemas/lead';
import type { AlignmentModel } from '../schemas/model';
import { type CompiledModel, compileModel, type EvalState, type LeadFacts } from './compile';
import { prepareState, releaseState } from './state';
import { toEpochMs } from './time';

/** The latest journey stage (in model order) whose condition holds; the first stage is the default. */
export function journeyStageIn(compiled: CompiledModel, state: EvalState): JourneyStageId {
  const stages = compiled.model.journeyStages;
  for (let i = stages.length - 1; i > 0; i--) {
    const when = compiled.journeyStages[i];
    if (when?.(state)) return (stages[i] as (typeof stages)[number]).id;
  }
  return (stages[0] as (typeof stages)[number]).id;
}

/** Where the prospect is in the buying journey (awareness, consideration, decision), from their events. */
export function journeyStageOf(
  model: AlignmentModel,
  facts: LeadFacts,
  events: readonly ScoringEvent[],
  now: Date | string,
): JourneyStageId {
  const compiled = compileModel(model);
  const state = prepareState(compiled, facts, events, toEpochMs(now));
  const stage = journeyStageIn(compiled, state);
  releaseState(state);
  return stage;
}
