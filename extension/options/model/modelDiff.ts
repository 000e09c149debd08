import { pathKey } from './paths';

/** One difference between two models at a leaf (or a whole array whose length changed). */
export interface ModelChange {
  path: (string | number)[];
  kind: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * What changed from `before` to `after`, leaf by leaf. Arrays of the same length are compared
 * item by item; an array that grew or shrank is one change, since "item 3 changed" would be
 * misleading after an insertion.
 */
export function diffModels(before: unknown, after: unknown, path: (string | number)[] = []): ModelChange[] {
  if (Object.is(before, after)) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => {
      if (!(key in after))
        return [{ path: [...path, key], kind: 'removed' as const, before: before[key], after: undefined }];
      if (!(key in before))
        return [{ path: [...path, key], kind: 'added' as const, before: undefined, after: after[key] }];
      return diffModels(before[key], after[key], [...path, key]);
    });
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((item, index) => diffModels(item, after[index], [...path, index]));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (before === undefined) return [{ path, kind: 'added', before, after }];
  if (after === undefined) return [{ path, kind: 'removed', before, after }];
  return [{ path, kind: 'changed', before, after }];
}

/** A short, readable rendering of a value for the diff table. */
export function describeValue(value: unknown, max = 160): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function overlaps(a: (string | number)[], b: (string | number)[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (String(a[i]) !== String(b[i])) return false;
  return true;
}

export interface RebaseResult {
  model: unknown;
  /** Places both you and the newer version changed; yours were kept. */
  conflicts: string[];
}

/**
 * "Keep my edits over the new version": replays every change from `base` to `mine` onto
 * `theirs`. Where the newer version changed the same place differently, mine wins and the
 * place is reported so the admin can look at it before publishing.
 */
export function rebaseDraft(base: unknown, mine: unknown, theirs: unknown): RebaseResult {
  const myChanges = diffModels(base, mine);
  const theirChanges = diffModels(base, theirs);
  let model = structuredClone(theirs);
  const conflicts: string[] = [];
  for (const change of myChanges) {
    const clash = theirChanges.find((their) => overlaps(their.path, change.path));
    if (clash && JSON.stringify(clash.after) !== JSON.stringify(change.after)) conflicts.push(pathKey(change.path));
    model = applyChange(model, change);
  }
  return { model, conflicts };
}

function applyChange(root: unknown, change: ModelChange): unknown {
  if (change.path.length === 0) return structuredClone(change.after);
  const [head, ...rest] = change.path as [string | number, ...(string | number)[]];
  const container = (root ?? (typeof head === 'number' ? [] : {})) as Record<string | number, unknown>;
  const copy = (Array.isArray(container) ? [...container] : { ...container }) as Record<string | number, unknown>;
  if (rest.length === 0) {
    if (change.kind === 'removed') {
      if (Array.isArray(copy)) (copy as unknown as unknown[]).splice(head as number, 1);
      else delete copy[head];
    } else copy[head] = structuredClone(change.after);
    return copy;
  }
  copy[head] = applyChange(copy[head], { ...change, path: rest });
  return copy;
}
