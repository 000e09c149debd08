import type { Quadrant, ScoreResult } from '../../../shared';

/** Fit/interest pairs that land in each quadrant of the default model (fit 60+, interest 50+ are high). */
export const QUADRANT_SAMPLES: Record<Quadrant, { fit: number; interest: number; score: number; grade: string }> = {
  hot: { fit: 92, interest: 81, score: 87, grade: 'A' },
  nurture: { fit: 74, interest: 12, score: 43, grade: 'B' },
  explore: { fit: 20, interest: 66, score: 43, grade: 'D' },
  disqualify: { fit: 10, interest: 5, score: 8, grade: 'D' },
};

/** A score as the engine returns it, for rendering tests; override what the test is about. */
export function sampleScore(overrides: Partial<ScoreResult> = {}): ScoreResult {
  return {
    ...QUADRANT_SAMPLES.hot,
    interestKnown: true,
    quadrant: 'hot',
    stage: 'mql',
    suggestedStage: 'sal',
    journeyStage: 'decision',
    personas: [
      { id: 'marketing_ops', name: 'Marketing operations lead', confidence: 0.82, matched: ['title: marketing'] },
    ],
    talkingPoints: [
      { personaId: 'marketing_ops', journeyStage: 'decision', text: 'One shared definition of an MQL for both teams.' },
      { personaId: 'marketing_ops', journeyStage: 'decision', text: 'Hand-off SLA tracked in the inbox.' },
    ],
    content: [{ personaId: 'marketing_ops', title: 'SLA playbook', url: 'https://example.com/sla' }],
    nextAction: 'Sales follows up now — first touch within 24 hours.',
    why: [
      { rule: 'industry_financial_services', label: 'Financial services', points: 25, kind: 'fit' },
      { rule: 'demo_request', label: 'Requested a demo', points: 30, kind: 'interest' },
    ],
    modelVersion: 7,
    ...overrides,
  };
}
