import type { Condition } from '../schemas/conditions';
import type { ScoringEvent } from '../schemas/lead';
import { type CompiledCondition, compileCondition, createEvalState, type LeadFacts, type MetricName } from './compile';
import { indexEvents } from './events';
import { toEpochMs } from './time';

const compiledConditions = new WeakMap<Condition, { when: CompiledCondition; slotOf: Map<string, number> }>();

/**
 * Evaluates one condition outside a model (previews in the model editor, tests). Metric
 * conditions need `metrics`; event conditions need `events` and `now`.
 */
export function evaluateCondition(
  condition: Condition,
  facts: LeadFacts,
  options: {
    events?: readonly ScoringEvent[];
    now?: Date | string;
    metrics?: Partial<Record<MetricName, number>>;
  } = {},
): boolean {
  let compiled = compiledConditions.get(condition);
  if (!compiled) {
    const slotOf = new Map<string, number>();
    compiled = { when: compileCondition(condition, slotOf), slotOf };
    compiledConditions.set(condition, compiled);
  }
  const state = createEvalState(compiled.slotOf.size);
  state.facts = facts;
  if (compiled.slotOf.size > 0) {
    if (options.now === undefined) throw new TypeError('event conditions need `now`');
    state.nowMs = toEpochMs(options.now);
    indexEvents(state, compiled.slotOf, options.events ?? []);
  }
  state.fit = options.metrics?.fit ?? Number.NaN;
  state.interest = options.metrics?.interest ?? Number.NaN;
  state.score = options.metrics?.score ?? Number.NaN;
  return compiled.when(state);
}
