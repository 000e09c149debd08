import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultModel } from '../../../shared';
import { LocaleProvider } from '../../i18n';
import { CoverageGrid, coverageOf } from './CoverageGrid';

describe('coverage grid', () => {
  it('counts talking points and content per persona and journey stage', () => {
    const persona = defaultModel.personas[0];
    const rows = coverageOf(defaultModel);
    expect(rows).toHaveLength(defaultModel.personas.length);
    expect(rows[0]?.cells.find((c) => c.stage === 'decision')).toEqual({
      personaId: persona?.id,
      stage: 'decision',
      talkingPoints: persona?.messaging.decision.talkingPoints.length,
      content: persona?.messaging.decision.content.length,
    });
  });

  it('highlights cells without talking points or content', () => {
    const draft = structuredClone(defaultModel);
    const persona = draft.personas[1];
    if (!persona) throw new Error('the default model has personas');
    persona.messaging.consideration.talkingPoints = [];
    persona.messaging.awareness.content = [];
    render(
      <LocaleProvider locale="en">
        <CoverageGrid draft={draft} />
      </LocaleProvider>,
    );
    const gaps = [...screen.getByTestId('coverage-grid').querySelectorAll('td[data-gap="true"]')].map(
      (cell) => `${cell.getAttribute('data-persona')}/${cell.getAttribute('data-stage')}`,
    );
    expect(gaps).toEqual([`${persona.id}/awareness`, `${persona.id}/consideration`]);
    expect(screen.getByText('Gap: no talking points')).toBeTruthy();
    expect(screen.getByText('Gap: no content')).toBeTruthy();
  });
});
