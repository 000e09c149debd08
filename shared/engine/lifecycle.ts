import type { Lead, ScoringEvent, StageHistoryEntry, TransitionInput } from '../schemas/lead';
import type { AlignmentModel, LifecycleTransition } from '../schemas/model';
import { type CompiledModel, compileModel, type EvalState, type LeadFacts } from './compile';
import { prepareState, releaseState } from './state';
import { toEpochMs, toIso } from './time';

export const DISQUALIFIED_STATUS = 'disqualified';
const HISTORY_LIMIT = 100;

export interface StageSuggestion {
  stage: string;
  /** Id of the entry criterion that holds. */
  criterion: string;
}

/**
 * The furthest lifecycle stage ahead of the stored one whose active entry criteria hold.
 * Never suggests moving backward, and nothing for a disqualified lead (sales said no; the
 * same signals must not push it straight back). An unknown or missing stage counts as
 * before the first one.
 */
export function suggestStageIn(compiled: CompiledModel, state: EvalState): StageSuggestion | undefined {
  const facts = state.facts;
  if (facts.leadStatus === DISQUALIFIED_STATUS) return undefined;
  const current = facts.lifecycleStage === undefined ? -1 : (compiled.stageIndex.get(facts.lifecycleStage) ?? -1);
  const stages = compiled.model.lifecycle.stages;
  for (let index = stages.length - 1; index > current; index--) {
    const criteria = compiled.entryCriteria[index] as CompiledModel['entryCriteria'][number];
    for (let c = 0; c < criteria.length; c++) {
      const criterion = criteria[c] as (typeof criteria)[number];
      if (criterion.when(state))
        return { stage: (stages[index] as (typeof stages)[number]).id, criterion: criterion.id };
    }
  }
  return undefined;
}

/** Lifecycle suggestion for a lead: see `suggestStageIn`. Metric criteria use the lead's own fit/interest/score. */
export function suggestStage(
  model: AlignmentModel,
  lead: LeadFacts,
  events: readonly ScoringEvent[],
  now: Date | string,
): StageSuggestion | undefined {
  const compiled = compileModel(model);
  const state = prepareState(compiled, lead, events, toEpochMs(now));
  const suggestion = suggestStageIn(compiled, state);
  releaseState(state);
  return suggestion;
}

export type TransitionResult =
  | { ok: true; lead: Lead; entry: StageHistoryEntry; transition?: LifecycleTransition }
  | { ok: false; status: 400 | 409; message: string; path?: string };

function findTransition(model: AlignmentModel, from: string, to: string, status: string | undefined) {
  const candidates = model.lifecycle.transitions.filter((t) => t.to === to && t.from.includes(from));
  return (
    candidates.find((t) => status !== undefined && t.setsStatus === status) ??
    candidates.find((t) => t.setsStatus === undefined || status === undefined)
  );
}

/**
 * Moves a lead along the lifecycle. Rules, in order:
 * - `to` must be a stage of the model (400, path `to`); `status` a lead status (400, path `status`).
 * - Forward moves (or staying put to change status) are always allowed; moving back needs a model
 *   transition from the current stage (409 otherwise) — except disqualifying (`status: 'disqualified'`),
 *   allowed from any stage but customer, to the same or an earlier stage.
 * - A matching transition's `requiresReason` makes `reason` mandatory (400, path `reason`) and its
 *   `setsStatus` sets the lead status unless `status` is given. Disqualifying in place follows the
 *   model's disqualifying transition from the current stage.
 * - Moving forward out of "returned – not ready" / "disqualified" without a status starts over at `new`.
 */
export function applyTransition(
  model: AlignmentModel,
  lead: Lead,
  input: TransitionInput,
  now: Date | string,
): TransitionResult {
  const compiled = compileModel(model);
  const toIndex = compiled.stageIndex.get(input.to);
  if (toIndex === undefined)
    return { ok: false, status: 400, message: `unknown lifecycle stage "${input.to}"`, path: 'to' };
  if (input.status !== undefined && !model.leadStatuses.some((s) => s.id === input.status)) {
    return { ok: false, status: 400, message: `unknown lead status "${input.status}"`, path: 'status' };
  }
  const from = lead.lifecycleStage;
  const fromIndex = compiled.stageIndex.get(from) ?? -1;
  const transition = findTransition(model, from, input.to, input.status);
  const disqualifying = (input.status ?? transition?.setsStatus) === DISQUALIFIED_STATUS;
  const fromStage = model.lifecycle.stages[fromIndex];
  if (disqualifying) {
    if (from === 'customer' || fromStage?.ownerTeam === 'customer_success') {
      return { ok: false, status: 409, message: `a ${from} cannot be disqualified` };
    }
    if (toIndex > fromIndex && !transition) {
      return { ok: false, status: 409, message: `disqualifying cannot move a lead forward to "${input.to}"` };
    }
  } else if (toIndex < fromIndex && !transition) {
    return {
      ok: false,
      status: 409,
      message: `cannot move from "${from}" back to "${input.to}": stages move forward unless a transition allows it`,
    };
  }
  // Disqualifying in place follows the model's disqualify transition from this stage, if it has one.
  const governing =
    transition ??
    (disqualifying
      ? model.lifecycle.transitions.find((t) => t.setsStatus === DISQUALIFIED_STATUS && t.from.includes(from))
      : undefined);
  if (governing?.requiresReason && !input.reason) {
    return { ok: false, status: 400, message: `"${governing.id}" needs a reason`, path: 'reason' };
  }
  const stageChanged = input.to !== from;
  let status = input.status ?? transition?.setsStatus;
  if (
    status === undefined &&
    stageChanged &&
    toIndex > fromIndex &&
    (lead.leadStatus === 'returned_not_ready' || lead.leadStatus === DISQUALIFIED_STATUS)
  ) {
    status = 'new';
  }
  const nowIso = toIso(toEpochMs(now));
  const at = input.at ?? nowIso;
  const entry: StageHistoryEntry = { stage: input.to, at };
  if (stageChanged) entry.from = from;
  if (status !== undefined) entry.status = status;
  if (input.reason) entry.reason = input.reason;
  if (transition) entry.transition = transition.id;
  const history = [...(lead.stageHistory ?? []), entry];
  const updated: Lead = {
    ...lead,
    lifecycleStage: input.to,
    stageHistory: history.length > HISTORY_LIMIT ? history.slice(history.length - HISTORY_LIMIT) : history,
    updatedAt: nowIso,
  };
  if (status !== undefined) updated.leadStatus = status;
  return transition ? { ok: true, lead: updated, entry, transition } : { ok: true, lead: updated, entry };
}
