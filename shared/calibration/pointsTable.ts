import { type ActionBucketing, bucketOf } from './actionBuckets';
import type { CalibrationLead } from './schemas';

export interface BucketStats {
  leads: number;
  customers: number;
  /** Close rate after shrinkage toward the average (`shrunkCloseRate`); the points follow from it. */
  adjustedCloseRate: number;
  points: number;
}

export interface PointsTable {
  leads: number;
  customers: number;
  averageCloseRate: number;
  actions: { bucketing: ActionBucketing; buckets: Map<string, BucketStats> }[];
}

/**
 * Close rate pulled toward the average by `shrinkage` pseudo-leads: (customers + m·avg) ÷ (leads + m).
 * Big buckets keep their own rate; tiny ones stay near the average, so a 2-of-2 fluke earns few points.
 */
export function shrunkCloseRate(customers: number, leads: number, average: number, shrinkage: number): number {
  return (customers + shrinkage * average) / (leads + shrinkage);
}

function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/**
 * Points of a bucket = round(scale · (logit(rate) − logit(average))): the log-odds lift of the
 * bucket's (shrunk) close rate over the average. For a fixed average it is a strictly increasing
 * function of lift = rate ÷ average (0 at lift 1, positive above, negative below), and summing it over
 * a lead's actions is the naive-Bayes log-odds of conversion, which is why the sum ranks leads well.
 * Rates are clamped away from 0 and 1 so a bucket that is always/never won stays finite.
 */
export function pointsFromCloseRate(rate: number, average: number, scale: number): number {
  const eps = 1e-4;
  const clamp = (p: number) => Math.min(1 - eps, Math.max(eps, p));
  return Math.round(scale * (logit(clamp(rate)) - logit(clamp(average))));
}

export function fitPointsTable(
  leads: readonly CalibrationLead[],
  bucketings: readonly ActionBucketing[],
  shrinkage: number,
  pointsScale: number,
): PointsTable {
  const customers = leads.reduce((sum, lead) => sum + (lead.converted ? 1 : 0), 0);
  const average = leads.length === 0 ? 0 : customers / leads.length;
  const actions = bucketings.map((bucketing) => {
    const buckets = new Map<string, BucketStats>();
    for (const lead of leads) {
      const key = bucketOf(bucketing, lead.actions[bucketing.action]);
      const stats = buckets.get(key) ?? { leads: 0, customers: 0, adjustedCloseRate: 0, points: 0 };
      stats.leads++;
      if (lead.converted) stats.customers++;
      buckets.set(key, stats);
    }
    for (const stats of buckets.values()) {
      stats.adjustedCloseRate = shrunkCloseRate(stats.customers, stats.leads, average, shrinkage);
      stats.points = pointsFromCloseRate(stats.adjustedCloseRate, average, pointsScale);
    }
    return { bucketing, buckets };
  });
  return { leads: leads.length, customers, averageCloseRate: average, actions };
}

/** A lead's score: the sum of its buckets' points. Values never seen when fitting score 0 (average). */
export function scoreWithPoints(table: PointsTable, lead: CalibrationLead): number {
  let score = 0;
  for (const { bucketing, buckets } of table.actions) {
    score += buckets.get(bucketOf(bucketing, lead.actions[bucketing.action]))?.points ?? 0;
  }
  return score;
}
