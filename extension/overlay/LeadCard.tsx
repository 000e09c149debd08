import type { ScoreResult } from '../../shared';

export type LeadCardResult = Pick<
  ScoreResult,
  'quadrant' | 'score' | 'fit' | 'interest' | 'stage' | 'personas' | 'modelVersion'
>;

export interface LeadCardProps {
  result: LeadCardResult;
}

// The data-* attributes are the overlay contract (DESIGN.md §8) that e2e tests read.
export function LeadCard({ result }: LeadCardProps) {
  const persona = result.personas[0];
  return (
    <div
      data-testid="leadlens-card"
      data-quadrant={result.quadrant}
      data-score={result.score}
      data-fit={result.fit}
      data-interest={result.interest}
      data-stage={result.stage || 'unknown'}
      data-persona={persona?.id ?? ''}
      data-model-version={result.modelVersion}
    >
      <strong>Leadlens</strong> <span>{result.quadrant}</span> <span>{result.score}</span>
      {persona ? <span> {persona.name}</span> : null}
    </div>
  );
}
