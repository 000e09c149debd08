import type { AlignmentModel } from '../schemas/model';
import type { WhyItem } from '../schemas/score';
import { type CompiledModel, compileModel, type EvalState, type LeadFacts } from './compile';
import { baseLocale, pickText } from './text';

/** Raw fit points: the sum of every matching ICP rule (warning signs subtract). Remembers which rules matched for `fitWhy`. */
export function rawFitPoints(compiled: CompiledModel, state: EvalState): number {
  const rules = compiled.fitRules;
  const matched = compiled.fitMatched;
  let raw = 0;
  for (let i = 0; i < rules.length; i++) {
    const holds = (rules[i] as (s: EvalState) => boolean)(state);
    matched[i] = holds ? 1 : 0;
    if (holds) raw += compiled.model.icp.rules[i]?.points as number;
  }
  return raw;
}

/** Maps raw points onto 0–100: at or below `min` is 0, at or above `max` is 100. */
export function normalizeFit(model: AlignmentModel, raw: number): number {
  const { min, max } = model.icp.normalization;
  const share = (raw - min) / (max - min);
  return Math.round((share <= 0 ? 0 : Math.min(share, 1)) * 100);
}

/** One "why" line per fit rule that matched in the last `rawFitPoints` call. */
export function fitWhy(compiled: CompiledModel, locale: string, out: WhyItem[]): void {
  const base = baseLocale(locale);
  const rules = compiled.model.icp.rules;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as (typeof rules)[number];
    if (compiled.fitMatched[i] !== 1) continue;
    const item: WhyItem = {
      rule: rule.id,
      label: pickText(rule.label, locale, base),
      points: rule.points,
      kind: 'fit',
    };
    if (rule.warningSign) item.warningSign = true;
    out.push(item);
  }
}

/** Fit of a prospect against the ICP: 0–100, with the rules that gave or took points. */
export function scoreFit(
  model: AlignmentModel,
  facts: LeadFacts,
  locale = 'en',
): { fit: number; raw: number; why: WhyItem[] } {
  const compiled = compileModel(model);
  const state = compiled.state;
  state.facts = facts;
  const raw = rawFitPoints(compiled, state);
  const why: WhyItem[] = [];
  fitWhy(compiled, locale, why);
  state.facts = {};
  return { fit: normalizeFit(model, raw), raw, why };
}
