import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultModel } from '../../../shared';
import { renderModelEditor } from '../test/renderModelEditor';
import type { OptionsDb } from './draftStore';

/*
 * DESIGN §1: an admin changes ICP, personas, scoring rules, thresholds, lifecycle and status
 * definitions, glossary and SLA "without touching JSON". This walks every value of the default
 * model (plus the optional fields it leaves out) and checks that some form section renders a
 * field bound to its path — so a schema field without a form shows up here by name.
 */

/** The form sections (the Preview, Publish, Coverage, Calibration and JSON tabs edit no field). */
const FORM_SECTIONS = ['Scoring', 'ICP fit rules', 'Behaviour rules', 'Personas', 'Lifecycle', 'Definitions', 'SLA'];

/** Optional fields the default model leaves out; `*` stands for every index or key there. */
const OPTIONAL_PATHS = [
  'sla.followUpHours.nurture',
  'sla.followUpHours.explore',
  'sla.followUpHours.disqualify',
  'personas.*.description.*',
  'personas.*.messaging.*.content.*.url',
  'lifecycle.transitions.*.setsStatus',
  'journeyStages.*.when.op',
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const LOCALE_KEY = /^[a-z]{2}(-[A-Z]{2})?$/;

function isLocalizedText(value: Json): value is Record<string, string> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof value.en === 'string' &&
    Object.entries(value).every(([key, text]) => LOCALE_KEY.test(key) && typeof text === 'string')
  );
}

function isCondition(value: Json): value is { op: string; [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof value.op === 'string';
}

/** Every path a form field must be bound to, for the values `model` has. */
function editablePaths(model: Json, locales: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (value: Json, path: string) => {
    if (isLocalizedText(value)) {
      // A localized text is edited one language at a time, in each of the model's languages.
      for (const locale of locales) found.push(`${path}.${locale}`);
    } else if (isCondition(value)) {
      found.push(`${path}.op`);
      for (const [key, part] of Object.entries(value)) {
        if (key === 'op') continue;
        if (key === 'of') {
          if (Array.isArray(part)) for (const [i, p] of part.entries()) walk(p, `${path}.of.${i}`);
          else walk(part, `${path}.of`);
        } else found.push(`${path}.${key}`);
      }
    } else if (Array.isArray(value)) {
      // Short strings are edited as lines of one field; items with fields in a list editor.
      found.push(path);
      if (value.some((item) => item !== null && typeof item === 'object')) {
        for (const [i, item] of value.entries()) walk(item, `${path}.${i}`);
      }
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(child, path === '' ? key : `${path}.${key}`);
    } else {
      found.push(path);
    }
  };
  walk(model, '');
  return found;
}

/** Expands `*` in a path template over the indexes and keys `model` has at that place. */
function expand(template: string, model: Json): string[] {
  const parts = template.split('.');
  const out: string[] = [];
  const visit = (value: Json | undefined, index: number, prefix: string[]) => {
    if (index === parts.length) {
      out.push(prefix.join('.'));
      return;
    }
    const part = parts[index] as string;
    if (part !== '*') {
      const child = value !== null && typeof value === 'object' && !Array.isArray(value) ? value[part] : undefined;
      visit(child, index + 1, [...prefix, part]);
      return;
    }
    // A `*` as the last part of a localized text means its languages, present or not.
    if (index === parts.length - 1 && (value === undefined || isLocalizedText(value as Json))) {
      for (const locale of defaultModel.locales) out.push([...prefix, locale].join('.'));
      return;
    }
    if (Array.isArray(value)) for (const [i, item] of value.entries()) visit(item, index + 1, [...prefix, String(i)]);
    else if (value !== null && typeof value === 'object')
      for (const [key, child] of Object.entries(value)) visit(child, index + 1, [...prefix, key]);
  };
  visit(model, 0, []);
  return out;
}

/** Opens every collapsed list item until none is left (opening one may reveal nested lists). */
async function openEverything(): Promise<void> {
  for (let round = 0; round < 10; round++) {
    const closed = [...document.querySelectorAll<HTMLDetailsElement>('details.list-item:not([open])')];
    if (closed.length === 0) return;
    for (const details of closed) {
      const summary = details.querySelector('summary');
      if (summary) fireEvent.click(summary);
    }
    await waitFor(() =>
      expect(document.querySelectorAll('details.list-item:not([open])').length).toBeLessThan(closed.length),
    );
  }
}

function boundPaths(): Set<string> {
  const paths = new Set<string>();
  for (const element of document.querySelectorAll('[data-path]')) paths.add(element.getAttribute('data-path') ?? '');
  for (const element of document.querySelectorAll('[data-list-path]'))
    paths.add(element.getAttribute('data-list-path') ?? '');
  return paths;
}

describe('model editor forms cover the whole model (DESIGN §1 without JSON)', () => {
  const opened: OptionsDb[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
  });

  it('binds a form field to every value of the model and to its optional fields', async () => {
    opened.push(renderModelEditor().db);
    await screen.findByLabelText('Fit "high" threshold');

    const bound = new Set<string>();
    for (const section of FORM_SECTIONS) {
      fireEvent.click(screen.getByRole('tab', { name: section }));
      await openEverything();
      for (const path of boundPaths()) bound.add(path);
    }

    const model = defaultModel as unknown as Json;
    const expected = [
      ...editablePaths(model, defaultModel.locales),
      ...OPTIONAL_PATHS.flatMap((template) => expand(template, model)),
    ];
    expect(expected.length).toBeGreaterThan(500);
    expect(expected.filter((path) => !bound.has(path))).toEqual([]);
  }, 60_000);
});
