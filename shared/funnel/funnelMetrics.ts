import {
  type FunnelConversion,
  type FunnelLead,
  type FunnelLeadInput,
  FunnelLeadSchema,
  type FunnelMetrics,
  type FunnelMetricsCore,
  type FunnelOptions,
  type FunnelOptionsInput,
  FunnelOptionsSchema,
} from './schemas';
import { calendarDaysBetween, hoursBetween, median, ratio } from './stats';

/** What the metrics need of one lead, with every instant as epoch milliseconds. */
interface LeadTimeline {
  lead: FunnelLead;
  createdAt: number;
  /** Per index of `stageOrder`: when the lead first reached that stage or any later one; null = never. */
  reachedAt: (number | null)[];
  /** Whether the first stage (visitor / subscriber) was recorded explicitly, not implied by a later stage. */
  firstStageRecorded: boolean;
  firstAttemptAt: number | null;
  /** Instants of everything the lead or sales did: attempts, activities, stage entries, rejections. */
  activityAt: number[];
}

function toTimeline(lead: FunnelLead, stageOrder: readonly string[], now: number): LeadTimeline {
  const stageIndex = new Map(stageOrder.map((stage, index) => [stage, index]));
  const reachedAt: (number | null)[] = stageOrder.map(() => null);
  let firstStageRecorded = false;
  const activityAt: number[] = [];
  // Entries after `now` have not happened yet as far as the report is concerned.
  const past = (iso: string) => {
    const t = Date.parse(iso);
    return t <= now ? t : null;
  };
  for (const entry of lead.stageHistory) {
    const at = past(entry.at);
    const index = stageIndex.get(entry.stage);
    if (at === null) continue;
    activityAt.push(at);
    // Stages outside the funnel order (e.g. a "nurture" side state) move nothing forward.
    if (index === undefined) continue;
    if (index === 0) firstStageRecorded = true;
    // Reaching stage `index` means passing through every earlier stage too (back-filled skips).
    for (let s = 0; s <= index; s++) {
      const current = reachedAt[s] ?? null;
      if (current === null || at < current) reachedAt[s] = at;
    }
  }
  let firstAttemptAt: number | null = null;
  for (const attempt of lead.attempts ?? []) {
    const at = past(attempt.at);
    if (at === null) continue;
    activityAt.push(at);
    if (firstAttemptAt === null || at < firstAttemptAt) firstAttemptAt = at;
  }
  for (const item of [...(lead.activities ?? []), ...(lead.rejections ?? [])]) {
    const at = past(item.at);
    if (at !== null) activityAt.push(at);
  }
  return { lead, createdAt: Date.parse(lead.createdAt), reachedAt, firstStageRecorded, firstAttemptAt, activityAt };
}

interface Context {
  options: FunnelOptions;
  now: number;
  inPeriod: (t: number) => boolean;
  periodEnd: number;
  handoffIndex: number;
}

/**
 * When a lead entered stage `index` for the funnel: the first stage (visitor / subscriber) counts
 * only when recorded, since every lead would otherwise be a "visitor" and visitor → lead would
 * always be 100 %; later stages count when reached directly or by skipping past them.
 */
function enteredAt(timeline: LeadTimeline, index: number): number | null {
  if (index === 0 && !timeline.firstStageRecorded) return null;
  return timeline.reachedAt[index] ?? null;
}

function coreMetrics(timelines: readonly LeadTimeline[], ctx: Context): FunnelMetricsCore {
  const { stageOrder, overallConversions } = ctx.options;
  const last = stageOrder.length - 1;
  // Cohort of a stage: leads that entered it within the period (the period filter of every conversion).
  const cohorts = stageOrder.map((_, index) =>
    timelines.filter((t) => {
      const at = enteredAt(t, index);
      return at !== null && ctx.inPeriod(at);
    }),
  );
  const cohortOf = (index: number) => cohorts[index] ?? [];

  const stages = stageOrder.map((stage, index) => {
    const days: number[] = [];
    if (index < last) {
      for (const t of cohortOf(index)) {
        const start = enteredAt(t, index) as number;
        const next = t.reachedAt[index + 1] ?? null;
        if (next !== null) days.push(calendarDaysBetween(start, next));
      }
    }
    return { stage, entered: cohortOf(index).length, days: median(days) };
  });

  const conversion = (fromIndex: number, toIndex: number, kind: FunnelConversion['kind']): FunnelConversion => {
    const cohort = cohortOf(fromIndex);
    const converted = cohort.filter((t) => (t.reachedAt[toIndex] ?? null) !== null).length;
    return {
      from: stageOrder[fromIndex] as string,
      to: stageOrder[toIndex] as string,
      kind,
      ...ratio(converted, cohort.length),
    };
  };
  const conversions: FunnelConversion[] = [];
  for (let index = 0; index < last; index++) conversions.push(conversion(index, index + 1, 'step'));
  for (const [from, to] of overallConversions) {
    const fromIndex = stageOrder.indexOf(from);
    const toIndex = stageOrder.indexOf(to);
    if (fromIndex >= 0 && toIndex > fromIndex + 1) conversions.push(conversion(fromIndex, toIndex, 'overall'));
  }

  const existing = timelines.filter((t) => t.createdAt < ctx.periodEnd);
  const active = existing.filter((t) => t.activityAt.some(ctx.inPeriod));

  const cycleDays: number[] = [];
  const contactToWonDays: number[] = [];
  for (const t of timelines) {
    const wonAt = t.reachedAt[last] ?? null;
    if (wonAt === null) continue;
    const firstEntry = t.reachedAt[0] as number;
    if (ctx.inPeriod(firstEntry)) cycleDays.push(calendarDaysBetween(firstEntry, wonAt));
    if (t.firstAttemptAt !== null && ctx.inPeriod(t.firstAttemptAt))
      contactToWonDays.push(calendarDaysBetween(t.firstAttemptAt, wonAt));
  }

  return {
    leads: timelines.length,
    stages,
    conversions,
    activeRate: ratio(active.length, existing.length),
    salesCycleDays: median(cycleDays),
    firstContactToWonDays: median(contactToWonDays),
    sla: slaMetrics(timelines, ctx),
    rejections: rejectionMetrics(cohortOf(ctx.handoffIndex), ctx),
  };
}

function slaMetrics(timelines: readonly LeadTimeline[], ctx: Context): FunnelMetricsCore['sla'] {
  let hotLeads = 0;
  let met = 0;
  let breached = 0;
  let pending = 0;
  const firstTouchHours: number[] = [];
  for (const t of timelines) {
    if (!t.lead.hotAt) continue;
    const hotAt = Date.parse(t.lead.hotAt);
    if (hotAt > ctx.now || !ctx.inPeriod(hotAt)) continue;
    // The first touch after the lead turned hot; earlier attempts belong to another conversation.
    let touch: number | null = null;
    for (const attempt of t.lead.attempts ?? []) {
      const at = Date.parse(attempt.at);
      if (at >= hotAt && at <= ctx.now && (touch === null || at < touch)) touch = at;
    }
    if (touch !== null) firstTouchHours.push(hoursBetween(hotAt, touch));
    const dueAt = t.lead.slaDueAt
      ? Date.parse(t.lead.slaDueAt)
      : ctx.options.slaHours !== undefined
        ? hotAt + ctx.options.slaHours * 3_600_000
        : null;
    if (dueAt === null) continue;
    hotLeads++;
    if (touch !== null && touch <= dueAt) met++;
    else if (touch !== null || dueAt <= ctx.now) breached++;
    else pending++;
  }
  return { hotLeads, compliance: ratio(met, met + breached), pending, firstTouchHours: median(firstTouchHours) };
}

function rejectionMetrics(handedOff: readonly LeadTimeline[], ctx: Context): FunnelMetricsCore['rejections'] {
  const reasons = new Map<string, number>();
  let rejected = 0;
  for (const t of handedOff) {
    const rejections = (t.lead.rejections ?? []).filter((r) => Date.parse(r.at) <= ctx.now);
    if (rejections.length === 0) continue;
    rejected++;
    for (const r of rejections) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
  }
  return {
    rate: ratio(rejected, handedOff.length),
    reasons: [...reasons]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  };
}

/**
 * Funnel metrics for DESIGN §2.7 ("review and improve").
 *
 * Definitions:
 * - A lead *reached* stage S when its history has S or any later stage of `stageOrder` (skipped stages
 *   count as passed through, at the time of the first entry at or beyond S). The first stage (visitor /
 *   subscriber) counts only when recorded, so visitor → lead is null when no lead has a visitor entry.
 * - Period: a conversion S → T counts the leads that entered S within [from, to) and, of those, the ones
 *   that reached T by `now` (whenever that happened). Stage day counts and rejection rates use the
 *   same cohort (entry into the stage / the hand-off stage); sales-cycle length is filtered by the first
 *   stage entry, first-contact → won by the first attempt, SLA compliance by `hotAt`, the active rate by
 *   activity within the period among leads created before its end. Nothing after `now` counts.
 * - Days are whole calendar days in UTC; the customer stage is the last of `stageOrder`.
 * - SLA: a hot lead meets the SLA when its first attempt at or after `hotAt` comes by `slaDueAt`
 *   (or hotAt + slaHours); untouched leads whose deadline is still ahead are pending, not counted.
 */
export function funnelMetrics(leads: readonly FunnelLeadInput[], options: FunnelOptionsInput): FunnelMetrics {
  const opts = FunnelOptionsSchema.parse(options);
  const parsed = leads.map((lead) => FunnelLeadSchema.parse(lead));
  const now = Date.parse(opts.now);
  const from = opts.from ? Date.parse(opts.from) : Number.NEGATIVE_INFINITY;
  const to = opts.to ? Date.parse(opts.to) : Number.POSITIVE_INFINITY;
  const handoffIndex = opts.stageOrder.indexOf(opts.handoffStage ?? 'mql');
  const ctx: Context = {
    options: opts,
    now,
    inPeriod: (t) => t >= from && t < to && t <= now,
    periodEnd: Math.min(to, now + 1),
    // Without an MQL stage the hand-off is taken to be the entry into the second stage.
    handoffIndex: handoffIndex >= 0 ? handoffIndex : 1,
  };
  const timelines = parsed.map((lead) => toTimeline(lead, opts.stageOrder, now));

  const segments: FunnelMetrics['segments'] = [];
  if (opts.segmentBy) {
    const dimension = opts.segmentBy;
    const groups = new Map<string | null, LeadTimeline[]>();
    for (const t of timelines) {
      const value = t.lead[dimension] ?? null;
      const group = groups.get(value) ?? [];
      group.push(t);
      groups.set(value, group);
    }
    for (const [value, group] of groups) segments.push({ value, ...coreMetrics(group, ctx) });
    segments.sort(
      (a, b) => b.leads - a.leads || (a.value === null ? 1 : b.value === null ? -1 : a.value.localeCompare(b.value)),
    );
  }

  return {
    period: { from: opts.from ?? null, to: opts.to ?? null, now: opts.now },
    segmentBy: opts.segmentBy ?? null,
    ...coreMetrics(timelines, ctx),
    segments,
  };
}

/** The conversion from one stage to another, if the metrics have it. */
export function findConversion(
  metrics: Pick<FunnelMetricsCore, 'conversions'>,
  from: string,
  to: string,
): FunnelConversion | undefined {
  return metrics.conversions.find((c) => c.from === from && c.to === to);
}
