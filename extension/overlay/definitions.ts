import { type AlignmentModel, type LocalizedText, localize, type Quadrant } from '../../shared';

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

export function quadrantDefinition(model: AlignmentModel | null, quadrant: Quadrant, locale: string): Definition | null {
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
