import type { ActionKind, CalibrationActionValue, CalibrationLead, NumericRange } from './schemas';

/** How one action's values fall into buckets: learned from the leads a table is fitted on. */
export interface ActionBucketing {
  action: string;
  kind: ActionKind;
  /** Numeric only: ascending cut points; bucket i holds cuts[i-1] < x ≤ cuts[i]. */
  cuts?: number[];
}

export const MISSING_BUCKET = 'missing';

/**
 * The kind of each action across all leads (never looks at outcomes): all non-null values
 * boolean → binary, all finite numbers → numeric, anything else → categorical.
 * Actions are returned in first-seen order so tables follow the input's column order.
 */
export function inferActionKinds(leads: readonly CalibrationLead[]): { action: string; kind: ActionKind }[] {
  const seen = new Map<string, { boolean: boolean; number: boolean; other: boolean }>();
  for (const lead of leads) {
    for (const [action, value] of Object.entries(lead.actions)) {
      let types = seen.get(action);
      if (!types) {
        types = { boolean: false, number: false, other: false };
        seen.set(action, types);
      }
      if (value === null) continue;
      if (typeof value === 'boolean') types.boolean = true;
      else if (typeof value === 'number' && Number.isFinite(value)) types.number = true;
      else types.other = true;
    }
  }
  return [...seen].map(([action, t]) => {
    let kind: ActionKind = 'categorical';
    if (t.boolean && !t.number && !t.other) kind = 'binary';
    else if (t.number && !t.boolean && !t.other) kind = 'numeric';
    return { action, kind };
  });
}

/**
 * Quantile cut points: the value at each 1/bins quantile, de-duplicated, keeping only cuts below
 * the maximum so no bucket is empty. A heavy point mass (e.g. 24 % of leads with 0 minutes on
 * site) becomes its own "≤ 0" bucket instead of being smeared over neighbours.
 */
export function quantileCuts(values: readonly number[], bins: number): number[] {
  if (values.length === 0) return [];
  const sorted = values.slice().sort((a, b) => a - b);
  const max = sorted[sorted.length - 1] as number;
  const cuts: number[] = [];
  for (let q = 1; q < bins; q++) {
    const cut = sorted[Math.min(sorted.length - 1, Math.ceil((q * sorted.length) / bins) - 1)] as number;
    if (cut < max && (cuts.length === 0 || cut > (cuts[cuts.length - 1] as number))) cuts.push(cut);
  }
  return cuts;
}

export function fitBucketing(
  leads: readonly CalibrationLead[],
  kinds: readonly { action: string; kind: ActionKind }[],
  numericBins: number,
): ActionBucketing[] {
  return kinds.map(({ action, kind }) => {
    if (kind !== 'numeric') return { action, kind };
    const values: number[] = [];
    for (const lead of leads) {
      const value = lead.actions[action];
      if (typeof value === 'number' && Number.isFinite(value)) values.push(value);
    }
    return { action, kind, cuts: quantileCuts(values, numericBins) };
  });
}

/** The bucket key of a value; undefined and null (not answered) share the missing bucket. */
export function bucketOf(bucketing: ActionBucketing, value: CalibrationActionValue | undefined): string {
  if (value === null || value === undefined) return MISSING_BUCKET;
  switch (bucketing.kind) {
    case 'binary':
      return value === true ? 'yes' : 'no';
    case 'numeric': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return MISSING_BUCKET;
      const cuts = bucketing.cuts ?? [];
      let index = 0;
      while (index < cuts.length && value > (cuts[index] as number)) index++;
      return `bin:${index}`;
    }
    case 'categorical':
      return `value:${String(value)}`;
  }
}

export function numericRange(bucketing: ActionBucketing, bucket: string): NumericRange | undefined {
  if (!bucket.startsWith('bin:')) return undefined;
  const index = Number(bucket.slice(4));
  const cuts = bucketing.cuts ?? [];
  return {
    above: index === 0 ? null : (cuts[index - 1] as number),
    atMost: index < cuts.length ? (cuts[index] as number) : null,
  };
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));
}

export function bucketLabel(bucketing: ActionBucketing, bucket: string): string {
  if (bucket === MISSING_BUCKET) return 'not answered';
  if (bucket.startsWith('value:')) return bucket.slice(6);
  const range = numericRange(bucketing, bucket);
  if (!range) return bucket;
  if (range.above === null && range.atMost === null) return 'any';
  if (range.above === null) return `≤ ${formatNumber(range.atMost as number)}`;
  if (range.atMost === null) return `> ${formatNumber(range.above)}`;
  return `${formatNumber(range.above)} < x ≤ ${formatNumber(range.atMost)}`;
}
