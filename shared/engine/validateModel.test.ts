import { describe, expect, it } from 'vitest';
import { defaultModel } from '../model/defaultModel';
import { copyModel } from './testSupport';
import { validateModel } from './validateModel';

function errorsOf(mutate: (model: ReturnType<typeof copyModel>) => void) {
  const model = copyModel(defaultModel);
  mutate(model);
  const result = validateModel(model);
  if (result.ok) throw new Error('expected the model to be rejected');
  return result.errors;
}

const paths = (errors: { path: string }[]) => errors.map((error) => error.path);

describe('validateModel', () => {
  it('accepts the default model and applies defaults', () => {
    const result = validateModel(JSON.parse(JSON.stringify(defaultModel)));
    expect(result.ok).toBe(true);
    const { fitWeight: _dropped, ...withoutWeight } = copyModel(defaultModel);
    const defaulted = validateModel(withoutWeight);
    expect(defaulted.ok && defaulted.model.fitWeight).toBe(0.5);
  });

  it('reports schema errors with dotted paths', () => {
    expect(
      paths(
        errorsOf((m) => {
          (m.personas[0]?.titlePatterns[1] as { pattern: unknown }).pattern = 42;
          (m.quadrants as { fitHigh: number }).fitHigh = 120;
        }),
      ),
    ).toEqual(['personas.0.titlePatterns.1.pattern', 'quadrants.fitHigh']);
    expect(paths(validateModel(null).ok ? [] : (validateModel(null) as { errors: { path: string }[] }).errors)).toEqual(
      ['(root)'],
    );
  });

  it('rejects regular expressions that do not compile', () => {
    expect(
      paths(
        errorsOf((m) => {
          (m.personas[2]?.titlePatterns[0] as { pattern: string }).pattern = '(unclosed';
        }),
      ),
    ).toEqual(['personas.2.titlePatterns.0.pattern']);
    expect(
      paths(
        errorsOf((m) => {
          m.personas[1]?.seniorityPatterns.splice(0, 1, '[z-a]');
        }),
      ),
    ).toEqual(['personas.1.seniorityPatterns.0']);
    expect(
      paths(
        errorsOf((m) => {
          const rule = m.icp.rules.find((r) => r.id === 'title_manager');
          if (rule?.when.op === 'all' && rule.when.of[1]?.op === 'not' && rule.when.of[1].of.op === 'matches')
            rule.when.of[1].of.pattern = '\\';
        }),
      ),
    ).toEqual([`icp.rules.${defaultModel.icp.rules.findIndex((r) => r.id === 'title_manager')}.when.of.1.of.pattern`]);
  });

  it('rejects duplicate ids and missing required ids', () => {
    expect(
      errorsOf((m) => {
        (m.personas[3] as { id: string }).id = 'it_leader';
      }),
    ).toEqual([{ path: 'personas.3.id', message: 'duplicate id "it_leader" (also at personas.0)' }]);
    expect(
      errorsOf((m) => {
        m.leadStatuses = m.leadStatuses.filter((s) => s.id !== 'attempting_contact');
      }),
    ).toEqual([{ path: 'leadStatuses', message: 'missing required id "attempting_contact"' }]);
    expect(
      paths(
        errorsOf((m) => {
          m.dealStages.pop();
        }),
      ),
    ).toEqual(['dealStages']);
  });

  it('rejects references to stages and statuses that do not exist', () => {
    const sal = defaultModel.lifecycle.stages.findIndex((s) => s.id === 'sal');
    expect(
      paths(
        errorsOf((m) => {
          const transition = m.lifecycle.transitions[2];
          if (!transition) return;
          transition.from = ['mql', 'salx'];
          transition.setsStatus = 'gone';
          m.sla.clockStartsAtStage = 'nope';
          m.lifecycle.stages[sal]?.entryCriteria.push({
            id: 'by_deal',
            label: { en: 'x' },
            emphasis: 'other',
            active: true,
            when: { op: 'in', attr: 'dealStage', values: ['quote_created', 'quote_sent'] },
          });
        }),
      ),
    ).toEqual([
      `lifecycle.stages.${sal}.entryCriteria.0.when.values.1`,
      'lifecycle.transitions.2.from.1',
      'lifecycle.transitions.2.setsStatus',
      'sla.clockStartsAtStage',
    ]);
  });

  it('checks normalisation bounds, metric conditions in fit rules and hand-off fields', () => {
    expect(
      errorsOf((m) => {
        m.icp.normalization = { min: 50, max: 50 };
      }),
    ).toEqual([{ path: 'icp.normalization.max', message: 'must be greater than icp.normalization.min' }]);
    expect(
      paths(
        errorsOf((m) => {
          (m.icp.rules[0] as { when: unknown }).when = { op: 'metric', metric: 'fit', gte: 10 };
        }),
      ),
    ).toEqual(['icp.rules.0.when.metric']);
    expect(
      paths(
        errorsOf((m) => {
          m.sla.handoffRequiredFields.push('favouriteColour');
        }),
      ),
    ).toEqual([`sla.handoffRequiredFields.${defaultModel.sla.handoffRequiredFields.length}`]);
    expect(
      paths(
        errorsOf((m) => {
          (m.quadrants as { interestHigh: number }).interestHigh = -1;
        }),
      ),
    ).toEqual(['quadrants.interestHigh']);
  });
});
