import type {
  AlignmentModel,
  LocalizedText,
  Persona,
  PersonaMatch,
  Quadrant,
  ScoreResult,
  WhyItem,
} from '../../shared';
// The zod-free module itself, not the shared barrel: the barrel would load every schema and the
// default model into the content script.
import { localize } from '../../shared/engine/text';

/** A label and the agreed definition behind it, both in the reader's language. */
export interface Definition {
  label: string;
  definition: string;
}

function fromItem(
  item: { label: LocalizedText; definition: LocalizedText } | undefined,
  locale: string,
): Definition | null {
  return item ? { label: localize(item.label, locale), definition: localize(item.definition, locale) } : null;
}

/** The glossary entry `id` (e.g. `fit`, `sla`, `persona`), or null when the model has none. */
export function glossaryTerm(model: AlignmentModel | null, id: string, locale: string): Definition | null {
  const term = model?.glossary.find((entry) => entry.id === id);
  return term ? { label: localize(term.term, locale), definition: localize(term.definition, locale) } : null;
}

export function glossaryDefinition(model: AlignmentModel | null, id: string, locale: string): string {
  return glossaryTerm(model, id, locale)?.definition ?? '';
}

export function lifecycleStage(model: AlignmentModel | null, id: string, locale: string): Definition | null {
  return fromItem(
    model?.lifecycle.stages.find((stage) => stage.id === id),
    locale,
  );
}

export function leadStatus(model: AlignmentModel | null, id: string, locale: string): Definition | null {
  return fromItem(
    model?.leadStatuses.find((status) => status.id === id),
    locale,
  );
}

export function journeyStage(model: AlignmentModel | null, id: string, locale: string): Definition | null {
  return fromItem(
    model?.journeyStages.find((stage) => stage.id === id),
    locale,
  );
}

export function quadrantDefinition(
  model: AlignmentModel | null,
  quadrant: Quadrant,
  locale: string,
): Definition | null {
  const action = model?.quadrants.actions[quadrant];
  return action ? fromItem(action, locale) : null;
}

/** The persona's own description, falling back to the glossary's "persona". */
export function personaDefinition(model: AlignmentModel | null, id: string, locale: string): string {
  const persona = model?.personas.find((candidate) => candidate.id === id);
  const own = persona?.description ? localize(persona.description, locale) : '';
  return own || glossaryDefinition(model, 'persona', locale);
}

/** The lowest fit of `grade` in the model's grade table, or null. */
export function gradeMinFit(model: AlignmentModel | null, grade: string): number | null {
  return model?.grades.find((candidate) => candidate.grade === grade)?.minFit ?? null;
}

/**
 * What a matched signal is about ("title (ja)", "department", "seniority") without the
 * admin's regular expression, which means nothing to a rep; the full text stays in the title.
 */
export function signalKind(signal: string): string {
  const colon = signal.indexOf(':');
  const kind = (colon > 0 ? signal.slice(0, colon) : signal).trim();
  return kind.replace(/\(([a-z-]+)\)$/i, ' ($1)');
}

/** The persona's name in the reader's language; the score's text when the model lacks it. */
export function personaName(model: AlignmentModel | null, match: PersonaMatch, locale: string): string {
  const persona = model?.personas.find((candidate) => candidate.id === match.id);
  return persona ? localize(persona.name, locale) : match.name;
}

/**
 * Talking points and content in the reader's language, read from the model for the personas and
 * journey stage the score picked (the score's own texts are in the language it was computed in).
 */
export function localizedMessaging(
  model: AlignmentModel | null,
  score: ScoreResult,
  locale: string,
): { talkingPoints: ScoreResult['talkingPoints']; content: ScoreResult['content'] } {
  const personaIds = [...new Set([...score.talkingPoints, ...score.content].map((item) => item.personaId))];
  const personas = personaIds.map((id) => model?.personas.find((candidate) => candidate.id === id));
  if (!model || personas.some((persona) => persona === undefined)) {
    return { talkingPoints: score.talkingPoints, content: score.content };
  }
  const talkingPoints: ScoreResult['talkingPoints'] = [];
  const content: ScoreResult['content'] = [];
  for (const persona of personas as Persona[]) {
    const messaging = persona.messaging[score.journeyStage];
    for (const point of messaging.talkingPoints) {
      talkingPoints.push({ personaId: persona.id, journeyStage: score.journeyStage, text: localize(point, locale) });
    }
    for (const item of messaging.content) {
      content.push({
        personaId: persona.id,
        title: localize(item.title, locale),
        ...(item.url !== undefined ? { url: item.url } : {}),
      });
    }
  }
  return { talkingPoints, content };
}

/** A "why" line's rule label in the reader's language, from the model's fit and behaviour rules. */
export function ruleLabel(model: AlignmentModel | null, item: WhyItem, locale: string): string {
  const rules = item.kind === 'fit' ? model?.icp.rules : model?.behaviour.rules;
  const rule = rules?.find((candidate) => candidate.id === item.rule);
  return rule ? localize(rule.label, locale) : item.label || item.rule;
}

/** The quadrant's next action in the reader's language. */
export function nextAction(model: AlignmentModel | null, score: ScoreResult, locale: string): string {
  const action = model?.quadrants.actions[score.quadrant];
  return action ? localize(action.nextAction, locale) : score.nextAction;
}
