import type { D1Database } from '@cloudflare/workers-types/2023-07-01';
import {
  type AlignmentModel,
  type FieldError,
  type LeadUpsert,
  LeadUpsertSchema,
  zodIssuesToFieldErrors,
} from '../../shared';
import type { RejectedRow } from './batch';
import { findLeadRows, writeLeadUpserts } from './db/leadStore';
import { type LeadRow, type LeadUpsertPlan, mergeLeadUpsert } from './db/mergeLeadUpsert';

export interface UpsertResultRow {
  index: number;
  id: string;
  email: string;
  created: boolean;
  /** The stored stage after the write (an earlier stage in the row does not demote a lead). */
  lifecycleStage: string;
}

export interface UpsertReport {
  results: UpsertResultRow[];
  rejected: RejectedRow[];
}

/** Ids the row refers to must exist in the live model (the shared definitions are the point). */
function modelReferenceErrors(row: LeadUpsert, model: AlignmentModel, index: number): FieldError[] {
  const errors: FieldError[] = [];
  const stages = model.lifecycle.stages.map((s) => s.id);
  const listed = (ids: string[]) => ids.map((id) => `"${id}"`).join(', ');
  if (!stages.includes(row.lifecycleStage)) {
    errors.push({
      path: `${index}.lifecycleStage`,
      message: `unknown lifecycle stage; the model has ${listed(stages)}`,
    });
  }
  row.stageHistory?.forEach((entry, i) => {
    if (!stages.includes(entry.stage)) {
      errors.push({
        path: `${index}.stageHistory.${i}.stage`,
        message: `unknown lifecycle stage; the model has ${listed(stages)}`,
      });
    }
  });
  const statuses = model.leadStatuses.map((s) => s.id);
  if (row.leadStatus !== undefined && !statuses.includes(row.leadStatus)) {
    errors.push({ path: `${index}.leadStatus`, message: `unknown lead status; the model has ${listed(statuses)}` });
  }
  const types = model.leadTypes.map((t) => t.id);
  if (row.leadType !== undefined && types.length > 0 && !types.includes(row.leadType)) {
    errors.push({ path: `${index}.leadType`, message: `unknown lead type; the model has ${listed(types)}` });
  }
  return errors;
}

/**
 * Validates every row, merges the valid ones over the stored leads (rows for the same email apply in
 * order), and writes them in one D1 batch. Rejected rows write nothing; accepted rows are durable on return.
 */
export async function upsertLeadRows(
  db: D1Database,
  rawRows: readonly unknown[],
  model: AlignmentModel,
  now: string,
): Promise<UpsertReport> {
  const rejected: RejectedRow[] = [];
  const valid: { index: number; row: LeadUpsert; explicitStage: boolean }[] = [];
  rawRows.forEach((raw, index) => {
    const parsed = LeadUpsertSchema.safeParse(raw);
    if (!parsed.success) {
      rejected.push({ index, errors: zodIssuesToFieldErrors(parsed.error, [index]) });
      return;
    }
    const errors = modelReferenceErrors(parsed.data, model, index);
    if (errors.length > 0) {
      rejected.push({ index, errors });
      return;
    }
    const explicitStage = typeof raw === 'object' && raw !== null && 'lifecycleStage' in raw;
    valid.push({ index, row: parsed.data, explicitStage });
  });

  const stored = await findLeadRows(
    db,
    [...new Set(valid.map((v) => v.row.email))],
    valid.flatMap((v) => (v.row.id ? [v.row.id] : [])),
  );
  const byEmail = new Map<string, LeadRow>(stored.map((r) => [r.email, r]));
  const emailById = new Map(stored.map((r) => [r.id, r.email]));
  const stageOrder = model.lifecycle.stages.map((s) => s.id);
  const plans = new Map<string, LeadUpsertPlan>();
  const accepted: { index: number; email: string; createdHere: boolean }[] = [];
  for (const { index, row, explicitStage } of valid) {
    const current = plans.get(row.email)?.row ?? byEmail.get(row.email);
    const idOwner = row.id
      ? (emailById.get(row.id) ?? [...plans.values()].find((p) => p.row.id === row.id)?.row.email)
      : undefined;
    if (row.id && ((idOwner && idOwner !== row.email) || (current && current.id !== row.id))) {
      rejected.push({
        index,
        errors: [{ path: `${index}.id`, message: 'this id belongs to another lead; leads are matched by email' }],
      });
      continue;
    }
    const plan = mergeLeadUpsert(row, {
      existing: current,
      explicitStage,
      stageOrder,
      newId: crypto.randomUUID(),
      now,
    });
    const earlier = plans.get(row.email);
    plans.set(row.email, {
      row: plan.row,
      created: earlier ? earlier.created : plan.created,
      history: [...(earlier?.history ?? []), ...plan.history],
    });
    accepted.push({ index, email: row.email, createdHere: plan.created });
  }

  const ids = await writeLeadUpserts(db, [...plans.values()]);
  const results = accepted.map(({ index, email, createdHere }) => {
    const plan = plans.get(email) as LeadUpsertPlan;
    const id = ids.get(email) ?? plan.row.id;
    // A lead created by a concurrent request between our read and write keeps its id: not created here.
    return { index, id, email, created: createdHere && id === plan.row.id, lifecycleStage: plan.row.lifecycle_stage };
  });
  rejected.sort((a, b) => a.index - b.index);
  return { results, rejected };
}
