import { type AlignmentModel, type AlignmentModelInput, AlignmentModelSchema } from '../../../shared';

const text = (en: string) => ({ en });
const messaging = (point: string) => ({ talkingPoints: [text(point)], content: [] });
const action = (label: string, owner: 'sales' | 'marketing' | 'human') => ({
  label: text(label),
  definition: text(`${label} quadrant`),
  nextAction: text(`Next: ${label}`),
  owner,
});

/**
 * A small model whose numbers are easy to reason about: software (+40) and 200+ employees
 * (+40) give fit 100; one demo request gives interest 100; a CTO title matches the `cto` persona.
 */
export function testModel(patch: Partial<AlignmentModelInput> = {}): AlignmentModel {
  return AlignmentModelSchema.parse({
    name: 'Test model',
    glossary: [],
    icp: {
      description: text('Software companies with 200+ people'),
      rules: [
        {
          id: 'software',
          label: text('Software'),
          when: { op: 'eq', attr: 'industry', value: 'software' },
          points: 40,
        },
        { id: 'big', label: text('200+ employees'), when: { op: 'gte', attr: 'employees', value: 200 }, points: 40 },
      ],
      normalization: { min: 0, max: 80 },
    },
    personas: [
      {
        id: 'cto',
        name: text('CTO'),
        buyingRole: 'decision_maker',
        titlePatterns: [{ locale: 'en', pattern: '\\bcto\\b|chief technology' }],
        messaging: {
          awareness: messaging('Tell the CTO about risk'),
          consideration: messaging('Show the CTO the architecture'),
          decision: messaging('Offer the CTO a pilot'),
        },
      },
    ],
    behaviour: {
      rules: [{ id: 'demo', label: text('Demo request'), eventTypes: ['demo_request'], points: 50, cap: 50 }],
      halfLifeDays: 30,
      normalizationMax: 50,
    },
    quadrants: {
      fitHigh: 50,
      interestHigh: 50,
      actions: {
        hot: action('Hot', 'sales'),
        nurture: action('Nurture', 'marketing'),
        explore: action('Explore', 'human'),
        disqualify: action('Disqualify', 'marketing'),
      },
    },
    grades: [
      { grade: 'A', minFit: 75 },
      { grade: 'B', minFit: 50 },
      { grade: 'C', minFit: 25 },
      { grade: 'D', minFit: 0 },
    ],
    journeyStages: [{ id: 'awareness', label: text('Awareness'), definition: text('Just looking') }],
    lifecycle: {
      stages: [
        { id: 'lead', label: text('Lead'), definition: text('Known contact'), ownerTeam: 'marketing' },
        { id: 'sal', label: text('SAL'), definition: text('Sales accepted'), ownerTeam: 'sales' },
      ],
    },
    leadStatuses: [
      { id: 'new', label: text('New'), definition: text('Not contacted') },
      { id: 'returned_not_ready', label: text('Returned'), definition: text('Back to marketing') },
    ],
    dealStages: [
      { id: 'closed_won', label: text('Won'), definition: text('Won'), probability: 1, closed: true, won: true },
    ],
    leadTypes: [],
    sla: {
      followUpHours: { hot: 24 },
      handoffRequiredFields: [],
      connectAttempt: { touches: 6, businessDays: 10 },
      rejectionFeedbackDays: 14,
      monthlyMqlCommitment: 100,
    },
    ...patch,
  });
}
