import type { ScoringEvent, StageHistoryEntry } from '../schemas/lead';
import type { AlignmentModel } from '../schemas/model';
import type { ScoreResult, WhyItem } from '../schemas/score';
import { type CompiledModel, compileModel, type LeadFacts, type PersonaHit } from './compile';
import { fitWhy } from './fit';
import { interestWhy } from './interest';
import { journeyStageIn } from './journey';
import { suggestStageIn } from './lifecycle';
import { personaHits, toPersonaMatches } from './personas';
import { gradeOf, quadrantOf } from './quadrant';
import { hotSinceFromEvents, slaClock } from './sla';
import { prepareState, releaseState } from './state';
import { baseLocale, pickText } from './text';
import { toEpochMs } from './time';

export interface ScoreContext {
  /** Version of the published model, echoed in the result. */
  modelVersion?: number;
  /** Connect attempts logged for the lead (they stop the SLA clock). */
  attempts?: readonly { at: string }[];
  /** Language of the strings in the result; default 'en'. */
  locale?: string;
  /** Whether the events are the person's whole behaviour; default: there are events or the lead is stored (has an id). */
  interestKnown?: boolean;
  /** When the lead entered its current quadrant, if stored; otherwise a hot lead's start is replayed from its events. */
  quadrantSince?: string;
}

/** Personas whose talking points are shown: the best match and any tied with it. */
function topHits(hits: PersonaHit[]): PersonaHit[] {
  if (hits.length <= 1) return hits;
  const best = (hits[0] as PersonaHit).confidence;
  let end = 1;
  while (end < hits.length && (hits[end] as PersonaHit).confidence === best) end++;
  return hits.slice(0, end);
}

function messagingFor(hits: PersonaHit[], journeyStage: ScoreResult['journeyStage'], locale: string) {
  const base = baseLocale(locale);
  const talkingPoints: ScoreResult['talkingPoints'] = [];
  const content: ScoreResult['content'] = [];
  for (const hit of topHits(hits)) {
    const messaging = hit.persona.messaging[journeyStage];
    for (const point of messaging.talkingPoints) {
      talkingPoints.push({ personaId: hit.persona.id, journeyStage, text: pickText(point, locale, base) });
    }
    for (const item of messaging.content) {
      const entry: ScoreResult['content'][number] = {
        personaId: hit.persona.id,
        title: pickText(item.title, locale, base),
      };
      if (item.url !== undefined) entry.url = item.url;
      content.push(entry);
    }
  }
  return { talkingPoints, content };
}

/**
 * Scores a lead (or facts read off a page) against the model: fit, interest, blended score,
 * grade, quadrant, lifecycle suggestion, journey stage, personas with talking points, next
 * action, SLA clock and a rule-by-rule "why". Pure and deterministic: the result depends only on
 * the arguments, never on the order of `events`.
 */
export function score(
  model: AlignmentModel,
  lead: LeadFacts,
  events: readonly ScoringEvent[],
  now: Date | string,
  context: ScoreContext = {},
): ScoreResult {
  const compiled: CompiledModel = compileModel(model);
  const locale = context.locale ?? 'en';
  const nowMs = toEpochMs(now);
  const state = prepareState(compiled, lead, events, nowMs);
  const { fit, interest } = state;
  const quadrant = quadrantOf(model, fit, interest);
  const why: WhyItem[] = [];
  fitWhy(compiled, locale, why);
  interestWhy(compiled, locale, why);
  const journeyStage = journeyStageIn(compiled, state);
  const suggestion = suggestStageIn(compiled, state);
  const hits = personaHits(compiled, lead);
  const { talkingPoints, content } = messagingFor(hits, journeyStage, locale);
  const quadrantSince = context.quadrantSince ?? (quadrant === 'hot' ? hotSinceFromEvents(compiled, state) : undefined);
  releaseState(state);
  const stored = lead as { id?: string; stageHistory?: StageHistoryEntry[] };
  const sla = slaClock(model, {
    quadrant,
    lifecycleStage: lead.lifecycleStage,
    leadStatus: lead.leadStatus,
    stageHistory: stored.stageHistory,
    attempts: context.attempts,
    quadrantSince,
    now: nowMs,
  });
  const result: ScoreResult = {
    fit,
    interest,
    interestKnown: context.interestKnown ?? (events.length > 0 || stored.id !== undefined),
    score: state.score,
    grade: gradeOf(model, fit),
    quadrant,
    stage: lead.lifecycleStage ?? 'unknown',
    journeyStage,
    personas: toPersonaMatches(hits, locale),
    talkingPoints,
    content,
    nextAction: pickText(model.quadrants.actions[quadrant].nextAction, locale, baseLocale(locale)),
    why,
    modelVersion: context.modelVersion ?? 0,
  };
  if (suggestion) {
    result.suggestedStage = suggestion.stage;
    result.suggestedBy = suggestion.criterion;
  }
  if (sla) result.sla = sla;
  return result;
}
