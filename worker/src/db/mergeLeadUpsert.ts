import type { LeadUpsert, StageHistoryEntry } from '../../../shared';
import { linkedinKey } from './linkedinKey';

/** A lead as stored in the `leads` table (snake_case columns, JSON text for attributes). */
export interface LeadRow {
  id: string;
  email: string;
  name: string | null;
  title: string | null;
  company: string | null;
  domain: string | null;
  industry: string | null;
  employees: number | null;
  country: string | null;
  linkedin_url: string | null;
  linkedin_key: string | null;
  source: string | null;
  lead_type: string | null;
  lifecycle_stage: string;
  lead_status: string | null;
  owner: string | null;
  attributes: string | null;
  stage_entered_at: string;
  created_at: string;
  updated_at: string;
}

/** A stage history entry as stored: UTC time, optional from/status/reason of a transition. */
export type StageEntry = StageHistoryEntry;

export interface LeadUpsertPlan {
  row: LeadRow;
  created: boolean;
  /** Stage history entries to add (idempotent: the table's key is lead, stage and time). */
  history: StageEntry[];
  /** Set when the row asked for an earlier stage than the stored one: stages move back only by a transition. */
  keptStage?: string;
}

/** ISO 8601 with any offset → UTC `toISOString()` form, so stored text sorts as time. */
export function toUtcIso(at: string): string {
  return new Date(at).toISOString();
}

const plainFields = ['name', 'title', 'company', 'domain', 'industry', 'employees', 'source', 'owner'] as const;

/**
 * Merges one validated upsert row over the stored lead (or creates one). Fields the row leaves out keep
 * their stored values; attributes merge key by key (a null value removes the key); the lifecycle stage
 * only moves forward in the model's stage order.
 */
export function mergeLeadUpsert(
  input: LeadUpsert,
  options: {
    existing: LeadRow | undefined;
    /** Whether the row named a stage itself (the schema's default `lead` must not demote a stored lead). */
    explicitStage: boolean;
    stageOrder: readonly string[];
    newId: string;
    now: string;
  },
): LeadUpsertPlan {
  const { existing, stageOrder, now } = options;
  const rank = (stage: string) => stageOrder.indexOf(stage);
  const history: StageEntry[] = (input.stageHistory ?? []).map((entry) => ({ ...entry, at: toUtcIso(entry.at) }));
  const latestOf = (entries: StageEntry[]) =>
    entries.reduce<StageEntry | undefined>(
      (latest, e) =>
        !latest || e.at > latest.at || (e.at === latest.at && rank(e.stage) > rank(latest.stage)) ? e : latest,
      undefined,
    );
  const requested = options.explicitStage ? input.lifecycleStage : latestOf(history)?.stage;

  let stage: string;
  let moved: boolean;
  let keptStage: string | undefined;
  if (!existing) {
    stage = requested ?? input.lifecycleStage;
    moved = true;
  } else if (requested !== undefined && rank(requested) > rank(existing.lifecycle_stage)) {
    stage = requested;
    moved = true;
  } else {
    stage = existing.lifecycle_stage;
    moved = false;
    if (requested !== undefined && requested !== stage) keptStage = stage;
  }
  const enteredFromHistory = latestOf(history.filter((e) => e.stage === stage))?.at;
  const stageEnteredAt = enteredFromHistory ?? (moved ? now : (existing?.stage_entered_at ?? now));
  if (moved && enteredFromHistory === undefined) history.push({ stage, at: now });

  const base: LeadRow = existing ?? {
    id: input.id ?? options.newId,
    email: input.email,
    name: null,
    title: null,
    company: null,
    domain: null,
    industry: null,
    employees: null,
    country: null,
    linkedin_url: null,
    linkedin_key: null,
    source: null,
    lead_type: null,
    lifecycle_stage: stage,
    lead_status: null,
    owner: null,
    attributes: null,
    stage_entered_at: stageEnteredAt,
    created_at: earliest(history) ?? now,
    updated_at: now,
  };
  const row: LeadRow = { ...base, lifecycle_stage: stage, stage_entered_at: stageEnteredAt, updated_at: now };
  for (const field of plainFields) {
    const value = input[field];
    if (value !== undefined) (row as unknown as Record<string, unknown>)[field] = value;
  }
  if (input.country !== undefined) row.country = input.country;
  if (input.leadType !== undefined) row.lead_type = input.leadType;
  if (input.leadStatus !== undefined) row.lead_status = input.leadStatus;
  if (input.linkedinUrl !== undefined) {
    row.linkedin_url = input.linkedinUrl;
    row.linkedin_key = linkedinKey(input.linkedinUrl) ?? null;
  }
  if (input.attributes !== undefined) {
    const merged: Record<string, unknown> = existing?.attributes ? JSON.parse(existing.attributes) : {};
    for (const [key, value] of Object.entries(input.attributes)) {
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    row.attributes = Object.keys(merged).length > 0 ? JSON.stringify(merged) : null;
  }
  return { row, created: !existing, history, ...(keptStage ? { keptStage } : {}) };
}

function earliest(entries: StageEntry[]): string | undefined {
  return entries.reduce<string | undefined>((min, e) => (min === undefined || e.at < min ? e.at : min), undefined);
}
