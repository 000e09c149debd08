import type { Quadrant } from '../schemas/common';
import type { AlignmentModel } from '../schemas/model';

/**
 * The fit × interest quadrant. A value exactly at a threshold counts as high
 * (`fit >= fitHigh`, `interest >= interestHigh`), so admins read thresholds as "from here on".
 */
export function quadrantOf(model: AlignmentModel, fit: number, interest: number): Quadrant {
  const fitHigh = fit >= model.quadrants.fitHigh;
  const interestHigh = interest >= model.quadrants.interestHigh;
  if (fitHigh) return interestHigh ? 'hot' : 'nurture';
  return interestHigh ? 'explore' : 'disqualify';
}

/** The best grade whose `minFit` the fit reaches; below every grade, the lowest grade. */
export function gradeOf(model: AlignmentModel, fit: number): string {
  let best: { grade: string; minFit: number } | undefined;
  let lowest: { grade: string; minFit: number } | undefined;
  for (const grade of model.grades) {
    if (fit >= grade.minFit && (!best || grade.minFit > best.minFit)) best = grade;
    if (!lowest || grade.minFit < lowest.minFit) lowest = grade;
  }
  return (best ?? lowest)?.grade ?? '';
}
