import type { FunnelMedian, FunnelRatio } from './schemas';

export function ratio(count: number, of: number): FunnelRatio {
  return { count, of, rate: of === 0 ? null : count / of };
}

export function median(values: readonly number[]): FunnelMedian {
  if (values.length === 0) return { count: 0, median: null };
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const value =
    sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { count: values.length, median: value };
}

const DAY_MS = 86_400_000;

/**
 * Whole calendar days (UTC) from one instant to another: the difference of their UTC dates.
 * Date-only sources (a "first contact date") and timestamps (a "won at") then compare fairly,
 * instead of the time of day of one side adding a fraction to every duration.
 */
export function calendarDaysBetween(fromMs: number, toMs: number): number {
  return Math.floor(toMs / DAY_MS) - Math.floor(fromMs / DAY_MS);
}

export function hoursBetween(fromMs: number, toMs: number): number {
  return (toMs - fromMs) / 3_600_000;
}
