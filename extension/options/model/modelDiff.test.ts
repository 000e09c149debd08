import { describe, expect, it } from 'vitest';
import { defaultModel } from '../../../shared';
import { diffModels, rebaseDraft } from './modelDiff';

describe('model diff', () => {
  it('lists changed leaves by path, and a resized list as one change', () => {
    const after = structuredClone(defaultModel);
    after.quadrants.fitHigh = 61;
    const persona = after.personas[0];
    if (!persona) throw new Error('the default model has personas');
    persona.name.en = 'IT boss';
    after.glossary = after.glossary.slice(1);
    const changes = diffModels(defaultModel, after);
    expect(changes.map((c) => c.path.join('.'))).toEqual(['glossary', 'personas.0.name.en', 'quadrants.fitHigh']);
    expect(changes.find((c) => c.path.join('.') === 'quadrants.fitHigh')).toMatchObject({
      kind: 'changed',
      before: defaultModel.quadrants.fitHigh,
      after: 61,
    });
  });

  it('is empty for equal models and reports added and removed keys', () => {
    expect(diffModels(defaultModel, structuredClone(defaultModel))).toEqual([]);
    expect(diffModels({ a: 1 }, { b: 2 })).toEqual([
      { path: ['a'], kind: 'removed', before: 1, after: undefined },
      { path: ['b'], kind: 'added', before: undefined, after: 2 },
    ]);
  });
});

describe('rebase', () => {
  it('replays my edits over the newer version and keeps theirs elsewhere', () => {
    const mine = structuredClone(defaultModel);
    mine.quadrants.fitHigh = 66;
    const theirs = structuredClone(defaultModel);
    theirs.quadrants.interestHigh = 71;
    const result = rebaseDraft(defaultModel, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect((result.model as typeof defaultModel).quadrants).toMatchObject({ fitHigh: 66, interestHigh: 71 });
  });

  it('reports places both changed differently and keeps mine there', () => {
    const mine = structuredClone(defaultModel);
    mine.quadrants.fitHigh = 66;
    const theirs = structuredClone(defaultModel);
    theirs.quadrants.fitHigh = 55;
    const result = rebaseDraft(defaultModel, mine, theirs);
    expect(result.conflicts).toEqual(['quadrants.fitHigh']);
    expect((result.model as typeof defaultModel).quadrants.fitHigh).toBe(66);
  });
});
