import { describe, expect, it } from 'vitest';
import { defaultModel } from '../model/defaultModel';
import { leadOutcome, modelImpact } from './modelImpact';
import { score } from './score';
import { copyModel, event, NOW, NOW_MS } from './testSupport';

const INDUSTRIES = ['Banking', 'Software', 'Retail', undefined];
const EMPLOYEES = [12_000, 2_000, 300, 4, undefined];
const COUNTRIES = ['JP', 'US', 'BR', undefined];
const BEHAVIOUR = [[], ['page_view'], ['demo_request', 'pricing_view', 'pricing_view', 'form_submit']];

/** Every combination of the ICP's dimensions, idle and busy, at the stages a suggestion can move. */
const leads = INDUSTRIES.flatMap((industry, a) =>
  EMPLOYEES.flatMap((employees, b) =>
    COUNTRIES.flatMap((country, c) =>
      BEHAVIOUR.map((types, d) => {
        const id = `l${a}${b}${c}${d}`;
        const email = `${id}@corp.example.com`;
        return {
          id,
          email,
          facts: { id, email, industry, employees, country, lifecycleStage: d === 2 ? 'subscriber' : 'lead' },
          events: types.map((type, i) => event(type, i + 1, email)),
        };
      }),
    ),
  ),
);

const raised = copyModel(defaultModel);
raised.quadrants.fitHigh = 80;
raised.quadrants.interestHigh = 40;

describe('modelImpact', () => {
  it('reads quadrant and suggested stage exactly as score() does', () => {
    for (const model of [defaultModel, raised]) {
      for (const lead of leads) {
        const full = score(model, lead.facts, lead.events, NOW);
        expect(leadOutcome(model, lead.facts, lead.events, NOW_MS), lead.id).toEqual({
          quadrant: full.quadrant,
          stage: full.suggestedStage ?? null,
        });
      }
    }
  });

  it('counts changed leads and transitions, most frequent first, with at most the asked-for examples', () => {
    const impact = modelImpact(defaultModel, raised, leads, NOW, 3);
    let quadrantChanged = 0;
    let stageChanged = 0;
    let changed = 0;
    for (const lead of leads) {
      const from = score(defaultModel, lead.facts, lead.events, NOW);
      const to = score(raised, lead.facts, lead.events, NOW);
      const q = from.quadrant !== to.quadrant;
      const s = (from.suggestedStage ?? null) !== (to.suggestedStage ?? null);
      quadrantChanged += q ? 1 : 0;
      stageChanged += s ? 1 : 0;
      changed += q || s ? 1 : 0;
    }
    expect(quadrantChanged).toBeGreaterThan(0);
    expect(impact).toMatchObject({ leadsCompared: leads.length, quadrantChanged, stageChanged, changed });
    expect(impact.quadrantTransitions.reduce((n, t) => n + t.count, 0)).toBe(quadrantChanged);
    expect(impact.stageTransitions.reduce((n, t) => n + t.count, 0)).toBe(stageChanged);
    const counts = impact.quadrantTransitions.map((t) => t.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(impact.quadrantTransitions.every((t) => t.from !== t.to)).toBe(true);
    expect(impact.examples).toHaveLength(3);
  });

  it('finds nothing to change between a model and itself', () => {
    expect(modelImpact(defaultModel, copyModel(defaultModel), leads, NOW)).toMatchObject({
      leadsCompared: leads.length,
      quadrantChanged: 0,
      stageChanged: 0,
      changed: 0,
      quadrantTransitions: [],
      stageTransitions: [],
      examples: [],
    });
  });
});
