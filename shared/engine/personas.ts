import type { AlignmentModel } from '../schemas/model';
import type { PersonaMatch } from '../schemas/score';
import { type CompiledModel, type CompiledPersona, compileModel, type LeadFacts, type PersonaHit } from './compile';
import { baseLocale, normalizeForMatch, pickText } from './text';

/**
 * How much each kind of signal counts. A persona is scored over the signals it defines, so a
 * persona with title patterns only reaches 1.0 on a full-weight title match, and one that also
 * defines department and seniority patterns needs those too.
 */
const TITLE_SHARE = 0.6;
const DEPARTMENT_SHARE = 0.25;
const SENIORITY_SHARE = 0.15;
const CACHE_LIMIT = 1000;

function textAttribute(facts: LeadFacts, key: string): string | undefined {
  const value = facts.attributes?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function matchOne(
  candidate: CompiledPersona,
  title: string,
  department: string,
  seniority: string,
): PersonaHit | undefined {
  const matched: string[] = [];
  let titleWeight = 0;
  let titleSignal = '';
  if (title !== '') {
    for (const entry of candidate.titles) {
      if (entry.weight > titleWeight && entry.regex.test(title)) {
        titleWeight = entry.weight;
        titleSignal = `title(${entry.locale}): ${entry.pattern}`;
      }
    }
  }
  if (titleSignal !== '') matched.push(titleSignal);
  let departmentHit = false;
  if (department !== '') {
    for (const entry of candidate.departments) {
      if (entry.regex.test(department)) {
        departmentHit = true;
        matched.push(`department: ${entry.pattern}`);
        break;
      }
    }
  }
  // A persona is a candidate only on a role signal (title or department); seniority alone says nothing about the role.
  if (titleWeight === 0 && !departmentHit) return undefined;
  let seniorityHit = false;
  if (seniority !== '') {
    for (const entry of candidate.seniorities) {
      if (entry.regex.test(seniority)) {
        seniorityHit = true;
        matched.push(`seniority: ${entry.pattern}`);
        break;
      }
    }
  }
  const available =
    TITLE_SHARE +
    (candidate.departments.length > 0 ? DEPARTMENT_SHARE : 0) +
    (candidate.seniorities.length > 0 ? SENIORITY_SHARE : 0);
  const earned =
    TITLE_SHARE * titleWeight + (departmentHit ? DEPARTMENT_SHARE : 0) + (seniorityHit ? SENIORITY_SHARE : 0);
  const confidence = Math.round(Math.min(1, earned / available) * 100) / 100;
  return { persona: candidate.persona, confidence, matched };
}

/**
 * Persona hits for a prospect, best first (ties by persona id). Department and seniority come
 * from `attributes.department` / `attributes.seniority` when the page gives them, else from the title.
 */
export function personaHits(compiled: CompiledModel, facts: LeadFacts): PersonaHit[] {
  const title = facts.title ? normalizeForMatch(facts.title) : '';
  const departmentAttribute = textAttribute(facts, 'department');
  const seniorityAttribute = textAttribute(facts, 'seniority');
  if (title === '' && !departmentAttribute) return [];
  const department = departmentAttribute ? normalizeForMatch(departmentAttribute) : title;
  const seniority = seniorityAttribute ? normalizeForMatch(seniorityAttribute) : title;
  const key = departmentAttribute || seniorityAttribute ? `${title}\u0000${department}\u0000${seniority}` : title;
  const cached = compiled.personaCache.get(key);
  if (cached) return cached;
  const hits: PersonaHit[] = [];
  for (const candidate of compiled.personas) {
    const hit = matchOne(candidate, title, department, seniority);
    if (hit) hits.push(hit);
  }
  hits.sort(
    (a, b) => b.confidence - a.confidence || (a.persona.id < b.persona.id ? -1 : a.persona.id > b.persona.id ? 1 : 0),
  );
  if (compiled.personaCache.size >= CACHE_LIMIT) compiled.personaCache.clear();
  compiled.personaCache.set(key, hits);
  return hits;
}

export function toPersonaMatches(hits: PersonaHit[], locale: string): PersonaMatch[] {
  const base = baseLocale(locale);
  return hits.map((hit) => ({
    id: hit.persona.id,
    name: pickText(hit.persona.name, locale, base),
    confidence: hit.confidence,
    matched: hit.matched.slice(),
  }));
}

/** Which personas the prospect matches, how well (0–1) and on which signals; best first, ties by id. */
export function matchPersonas(model: AlignmentModel, facts: LeadFacts, locale = 'en'): PersonaMatch[] {
  return toPersonaMatches(personaHits(compileModel(model), facts), locale);
}
