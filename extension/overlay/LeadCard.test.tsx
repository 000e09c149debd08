import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LeadCard, type LeadCardResult } from './LeadCard';

const HOT_MQL: LeadCardResult = {
  quadrant: 'hot',
  score: 87,
  fit: 92,
  interest: 81,
  stage: 'mql',
  personas: [{ id: 'cfo', name: 'Finance leader', confidence: 0.9, matched: ['title'] }],
  modelVersion: 7,
};

describe('LeadCard', () => {
  it('exposes the scored result as the data attributes of the overlay contract', () => {
    render(<LeadCard result={HOT_MQL} />);
    const card = screen.getByTestId('leadlens-card');
    expect(card.dataset).toMatchObject({
      quadrant: 'hot',
      score: '87',
      fit: '92',
      interest: '81',
      stage: 'mql',
      persona: 'cfo',
      modelVersion: '7',
    });
    expect(card.textContent).toContain('Finance leader');
  });

  it('reports an unknown stage and no persona when nothing matched', () => {
    render(<LeadCard result={{ ...HOT_MQL, quadrant: 'disqualify', stage: '', personas: [] }} />);
    const card = screen.getByTestId('leadlens-card');
    expect(card.dataset.quadrant).toBe('disqualify');
    expect(card.dataset.stage).toBe('unknown');
    expect(card.dataset.persona).toBe('');
  });

  it('renders page text as text, never as markup', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const { container } = render(
      <LeadCard result={{ ...HOT_MQL, personas: [{ id: 'p', name: hostile, confidence: 1, matched: [] }] }} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByTestId('leadlens-card').textContent).toContain(hostile);
  });
});
