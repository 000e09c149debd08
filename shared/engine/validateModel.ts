import { type FieldError, JOURNEY_STAGE_IDS, zodIssuesToFieldErrors } from '../schemas/common';
import type { Condition } from '../schemas/conditions';
import { type AlignmentModel, AlignmentModelSchema } from '../schemas/model';
import { compilePattern } from './text';

export type ModelValidation = { ok: true; model: AlignmentModel } | { ok: false; errors: FieldError[] };

/** Ids every deployment keeps (DESIGN §7): the API, funnel and overlay refer to them by name. */
const REQUIRED_IDS = {
  'lifecycle.stages': ['subscriber', 'lead', 'mql', 'sal', 'sql', 'opportunity', 'customer'],
  leadStatuses: ['new', 'attempting_contact', 'connected', 'returned_not_ready', 'disqualified'],
  dealStages: ['appointment_scheduled', 'quote_created', 'quote_presented', 'closed_won', 'closed_lost', 'on_hold'],
  journeyStages: [...JOURNEY_STAGE_IDS],
} as const;

/** Lead fields a hand-off may require (besides `attributes.<key>`). */
const LEAD_FIELDS = new Set([
  'email',
  'name',
  'title',
  'company',
  'domain',
  'industry',
  'employees',
  'country',
  'linkedinUrl',
  'source',
  'leadType',
  'leadStatus',
  'dealStage',
  'owner',
]);

const MAX_CONDITION_DEPTH = 12;

interface IdSets {
  stages: Set<string>;
  statuses: Set<string>;
  dealStages: Set<string>;
  leadTypes: Set<string>;
}

function checkUnique<T>(
  items: readonly T[],
  path: string,
  keyOf: (item: T) => string,
  field: string,
  errors: FieldError[],
) {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else
      errors.push({
        path: `${path}.${index}.${field}`,
        message: `duplicate ${field} "${key}" (also at ${path}.${first})`,
      });
  });
}

function checkPattern(pattern: string, path: string, errors: FieldError[]) {
  try {
    compilePattern(pattern);
  } catch (error) {
    errors.push({ path, message: `not a valid regular expression: ${(error as Error).message}` });
  }
}

/** Which id set a condition's attribute refers to, so `eq dealStage "closed_wom"` is caught. */
function idSetFor(attr: string, ids: IdSets): { set: Set<string>; what: string } | undefined {
  if (attr === 'lifecycleStage') return { set: ids.stages, what: 'lifecycle stage' };
  if (attr === 'leadStatus') return { set: ids.statuses, what: 'lead status' };
  if (attr === 'dealStage') return { set: ids.dealStages, what: 'deal stage' };
  if (attr === 'leadType') return { set: ids.leadTypes, what: 'lead type' };
  return undefined;
}

function checkCondition(
  condition: Condition,
  path: string,
  ids: IdSets,
  errors: FieldError[],
  options: { allowMetrics: boolean },
  depth = 1,
): void {
  if (depth > MAX_CONDITION_DEPTH) {
    errors.push({ path, message: `conditions nest at most ${MAX_CONDITION_DEPTH} levels deep` });
    return;
  }
  switch (condition.op) {
    case 'matches':
      checkPattern(condition.pattern, `${path}.pattern`, errors);
      return;
    case 'eq': {
      const target = idSetFor(condition.attr, ids);
      if (target && typeof condition.value === 'string' && !target.set.has(condition.value)) {
        errors.push({ path: `${path}.value`, message: `unknown ${target.what} "${condition.value}"` });
      }
      return;
    }
    case 'in': {
      const target = idSetFor(condition.attr, ids);
      if (!target) return;
      condition.values.forEach((value, index) => {
        if (typeof value === 'string' && !target.set.has(value)) {
          errors.push({ path: `${path}.values.${index}`, message: `unknown ${target.what} "${value}"` });
        }
      });
      return;
    }
    case 'metric':
      if (!options.allowMetrics) {
        errors.push({
          path: `${path}.metric`,
          message: 'fit rules cannot use fit, interest or score: that would be circular',
        });
      }
      return;
    case 'all':
    case 'any':
      condition.of.forEach((part, index) => {
        checkCondition(part, `${path}.of.${index}`, ids, errors, options, depth + 1);
      });
      return;
    case 'not':
      checkCondition(condition.of, `${path}.of`, ids, errors, options, depth + 1);
      return;
    default:
      return;
  }
}

function semanticErrors(model: AlignmentModel): FieldError[] {
  const errors: FieldError[] = [];
  const byId = (item: { id: string }) => item.id;
  checkUnique(model.glossary, 'glossary', byId, 'id', errors);
  checkUnique(model.icp.rules, 'icp.rules', byId, 'id', errors);
  checkUnique(model.behaviour.rules, 'behaviour.rules', byId, 'id', errors);
  checkUnique(model.personas, 'personas', byId, 'id', errors);
  checkUnique(model.journeyStages, 'journeyStages', byId, 'id', errors);
  checkUnique(model.lifecycle.stages, 'lifecycle.stages', byId, 'id', errors);
  checkUnique(model.lifecycle.transitions, 'lifecycle.transitions', byId, 'id', errors);
  checkUnique(model.leadStatuses, 'leadStatuses', byId, 'id', errors);
  checkUnique(model.dealStages, 'dealStages', byId, 'id', errors);
  checkUnique(model.leadTypes, 'leadTypes', byId, 'id', errors);
  checkUnique(model.grades, 'grades', (grade) => grade.grade, 'grade', errors);
  // Criterion ids name the reason for a suggestion (`suggestedBy`), so they are unique across stages.
  const criterionSeen = new Map<string, string>();
  model.lifecycle.stages.forEach((stage, s) => {
    stage.entryCriteria.forEach((criterion, c) => {
      const path = `lifecycle.stages.${s}.entryCriteria.${c}`;
      const first = criterionSeen.get(criterion.id);
      if (first) errors.push({ path: `${path}.id`, message: `duplicate id "${criterion.id}" (also at ${first})` });
      else criterionSeen.set(criterion.id, path);
    });
  });

  const collections: Record<keyof typeof REQUIRED_IDS, { id: string }[]> = {
    'lifecycle.stages': model.lifecycle.stages,
    leadStatuses: model.leadStatuses,
    dealStages: model.dealStages,
    journeyStages: model.journeyStages,
  };
  for (const [path, required] of Object.entries(REQUIRED_IDS) as [keyof typeof REQUIRED_IDS, readonly string[]][]) {
    const present = new Set(collections[path].map((item) => item.id));
    for (const id of required) {
      if (!present.has(id)) errors.push({ path, message: `missing required id "${id}"` });
    }
  }

  const ids: IdSets = {
    stages: new Set(model.lifecycle.stages.map((stage) => stage.id)),
    statuses: new Set(model.leadStatuses.map((status) => status.id)),
    dealStages: new Set(model.dealStages.map((stage) => stage.id)),
    leadTypes: new Set(model.leadTypes.map((type) => type.id)),
  };

  model.personas.forEach((persona, p) => {
    persona.titlePatterns.forEach((title, t) => {
      checkPattern(title.pattern, `personas.${p}.titlePatterns.${t}.pattern`, errors);
    });
    persona.departmentPatterns.forEach((pattern, d) => {
      checkPattern(pattern, `personas.${p}.departmentPatterns.${d}`, errors);
    });
    persona.seniorityPatterns.forEach((pattern, s) => {
      checkPattern(pattern, `personas.${p}.seniorityPatterns.${s}`, errors);
    });
  });
  model.icp.rules.forEach((rule, r) => {
    checkCondition(rule.when, `icp.rules.${r}.when`, ids, errors, { allowMetrics: false });
  });
  model.journeyStages.forEach((stage, j) => {
    if (stage.when) checkCondition(stage.when, `journeyStages.${j}.when`, ids, errors, { allowMetrics: true });
  });
  model.lifecycle.stages.forEach((stage, s) => {
    stage.entryCriteria.forEach((criterion, c) => {
      checkCondition(criterion.when, `lifecycle.stages.${s}.entryCriteria.${c}.when`, ids, errors, {
        allowMetrics: true,
      });
    });
  });
  model.lifecycle.transitions.forEach((transition, t) => {
    const path = `lifecycle.transitions.${t}`;
    transition.from.forEach((from, f) => {
      if (!ids.stages.has(from))
        errors.push({ path: `${path}.from.${f}`, message: `unknown lifecycle stage "${from}"` });
    });
    if (!ids.stages.has(transition.to))
      errors.push({ path: `${path}.to`, message: `unknown lifecycle stage "${transition.to}"` });
    if (transition.setsStatus !== undefined && !ids.statuses.has(transition.setsStatus)) {
      errors.push({ path: `${path}.setsStatus`, message: `unknown lead status "${transition.setsStatus}"` });
    }
  });
  if (!ids.stages.has(model.sla.clockStartsAtStage)) {
    errors.push({
      path: 'sla.clockStartsAtStage',
      message: `unknown lifecycle stage "${model.sla.clockStartsAtStage}"`,
    });
  }
  model.sla.handoffRequiredFields.forEach((field, f) => {
    if (!LEAD_FIELDS.has(field) && !/^attributes\.[A-Za-z][A-Za-z0-9_]{0,63}$/.test(field)) {
      errors.push({
        path: `sla.handoffRequiredFields.${f}`,
        message: `"${field}" is not a lead field or attributes.<key>`,
      });
    }
  });
  if (model.icp.normalization.min >= model.icp.normalization.max) {
    errors.push({ path: 'icp.normalization.max', message: 'must be greater than icp.normalization.min' });
  }
  return errors;
}

/**
 * Validates an admin's model before it is published: the schema (with defaults applied), then
 * what a schema cannot say — unique ids, the ids every deployment keeps, patterns that compile,
 * references to stages and statuses that exist. Errors carry dotted paths such as
 * `personas.0.titlePatterns.1.pattern` for the editor and problem+json.
 */
export function validateModel(input: unknown): ModelValidation {
  const parsed = AlignmentModelSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodIssuesToFieldErrors(parsed.error) };
  const errors = semanticErrors(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, model: parsed.data };
}
