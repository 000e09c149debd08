import { describe, expect, it } from 'vitest';
import { defaultModel } from '../model/defaultModel';
import { matchPersonas } from './personas';
import { copyModel } from './testSupport';

describe('matchPersonas', () => {
  it.each([
    ['Head of IT', 'en'],
    ['情報システム部長', 'ja'],
    ['Direttore IT', 'it'],
    ['مدير تقنية المعلومات', 'ar'],
  ])('matches the IT leader from "%s" (%s pattern)', (title, locale) => {
    const [best] = matchPersonas(defaultModel, { title });
    expect(best?.id).toBe('it_leader');
    expect(best?.confidence).toBe(1);
    expect(best?.matched.some((signal) => signal.startsWith(`title(${locale})`))).toBe(true);
  });

  it('ignores case and normalises full-width characters', () => {
    expect(matchPersonas(defaultModel, { title: 'HEAD OF IT' })[0]?.id).toBe('it_leader');
    expect(matchPersonas(defaultModel, { title: 'ＩＴ部長' })[0]?.id).toBe('it_leader');
    expect(matchPersonas(defaultModel, { title: 'ｃｆｏ' })[0]?.id).toBe('finance_controller');
  });

  it('matches other personas in several languages', () => {
    expect(matchPersonas(defaultModel, { title: '経理部長' })[0]?.id).toBe('finance_controller');
    expect(matchPersonas(defaultModel, { title: 'المدير المالي' })[0]?.id).toBe('finance_controller');
    expect(matchPersonas(defaultModel, { title: 'Responsabile operativo' })[0]?.id).toBe('operations_manager');
    expect(matchPersonas(defaultModel, { title: 'Marketing Operations Manager' }).map((m) => m.id)).toEqual([
      'marketing_ops',
    ]);
    expect(matchPersonas(defaultModel, { title: 'Software Engineer' })).toEqual([]);
    expect(matchPersonas(defaultModel, {})).toEqual([]);
  });

  it('scores partial signals lower and uses department/seniority attributes when given', () => {
    const [itManager] = matchPersonas(defaultModel, { title: 'IT Manager' });
    expect(itManager?.id).toBe('it_leader');
    expect(itManager?.confidence).toBeLessThan(1);
    expect(itManager?.confidence).toBeGreaterThan(0);
    const byDepartment = matchPersonas(defaultModel, { title: 'Specialist', attributes: { department: 'Finance' } });
    expect(byDepartment.map((m) => [m.id, m.confidence])).toEqual([['finance_controller', 0.25]]);
  });

  it('localises names and sorts best first with ties broken by id', () => {
    expect(matchPersonas(defaultModel, { title: 'Head of IT' }, 'ja')[0]?.name).toBe('情報システム責任者');
    expect(matchPersonas(defaultModel, { title: 'Head of IT' }, 'pt-BR')[0]?.name).toBe('IT leader');
    const model = copyModel(defaultModel);
    const twin = structuredClone(model.personas[0]);
    if (!twin) throw new Error('no persona');
    twin.id = 'a_twin';
    model.personas.push(twin);
    expect(matchPersonas(model, { title: 'Head of IT' }).map((m) => m.id)).toEqual(['a_twin', 'it_leader']);
  });
});
