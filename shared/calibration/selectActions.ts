import { fitBucketing } from './actionBuckets';
import { auc } from './auc';
import { fitPointsTable, scoreWithPoints } from './pointsTable';
import type { ActionKind, CalibrationLead } from './schemas';
import { seededRandom } from './seededSplit';

export interface ActionSelectionOptions {
  folds: number;
  /** Smallest gain in mean cross-validated AUC that earns an action its place in the score. */
  minGain: number;
  numericBins: number;
  shrinkage: number;
  pointsScale: number;
  seed: number;
}

/**
 * Chooses which actions the points score adds up, by greedy forward selection on k-fold
 * cross-validated AUC within the given leads: start empty, add the action whose points raise the
 * mean AUC most, stop when no action adds at least `minGain`.
 *
 * Why: summing log-odds lift over every action counts overlapping evidence twice (Lead Source
 * largely repeats Lead Origin; page views per visit repeats visits), which costs ranking quality.
 * Leaving the overlapping actions out keeps every point a plain function of lift and lets the
 * sum rank as well as a logistic regression. Selection never looks outside the given leads, so a
 * held-out evaluation of the whole procedure stays honest.
 */
export function selectActions(
  leads: readonly CalibrationLead[],
  kinds: readonly { action: string; kind: ActionKind }[],
  options: ActionSelectionOptions,
): string[] {
  if (leads.length < options.folds * 2) return kinds.map((k) => k.action);
  // Deterministic fold assignment: a seeded permutation dealt round-robin.
  const random = seededRandom(options.seed ^ 0x5eed);
  const order = leads.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const foldOf = new Array<number>(leads.length);
  order.forEach((leadIndex, position) => {
    foldOf[leadIndex] = position % options.folds;
  });

  // Points of an action depend only on that action's buckets, so each action's contribution to
  // every validation lead is computed once per fold and the greedy search only adds vectors.
  const folds = Array.from({ length: options.folds }, (_, fold) => {
    const fit = leads.filter((_, i) => foldOf[i] !== fold);
    const validation = leads.filter((_, i) => foldOf[i] === fold);
    const bucketings = fitBucketing(fit, kinds, options.numericBins);
    const contributions = bucketings.map((bucketing) => {
      const table = fitPointsTable(fit, [bucketing], options.shrinkage, options.pointsScale);
      return validation.map((lead) => scoreWithPoints(table, lead));
    });
    return {
      labels: validation.map((lead) => lead.converted),
      contributions,
      sum: new Array<number>(validation.length).fill(0),
    };
  });
  const usable = folds.every((fold) => fold.labels.some(Boolean) && fold.labels.some((label) => !label));
  if (!usable) return kinds.map((k) => k.action);

  const chosen: number[] = [];
  let bestAuc = 0.5;
  while (chosen.length < kinds.length) {
    let candidate = -1;
    let candidateAuc = bestAuc + options.minGain;
    for (let a = 0; a < kinds.length; a++) {
      if (chosen.includes(a)) continue;
      let total = 0;
      for (const fold of folds) {
        const contribution = fold.contributions[a] as number[];
        total += auc(
          fold.sum.map((s, i) => s + (contribution[i] as number)),
          fold.labels,
        );
      }
      const meanAuc = total / folds.length;
      if (meanAuc > candidateAuc) {
        candidate = a;
        candidateAuc = meanAuc;
      }
    }
    if (candidate < 0) break;
    chosen.push(candidate);
    bestAuc = candidateAuc;
    for (const fold of folds) {
      const contribution = fold.contributions[candidate] as number[];
      fold.sum = fold.sum.map((s, i) => s + (contribution[i] as number));
    }
  }
  return chosen.map((a) => (kinds[a] as { action: string }).action);
}
