import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type FieldError, type ModelVersion, validateModel } from '../../../shared';
import { ApiCallError, callOrThrow, type OptionsApi } from '../api';
import type { DraftBase, DraftStore } from './draftStore';
import { rebaseDraft } from './modelDiff';
import type { ModelPath } from './paths';
import { setAt } from './paths';

export type PublishOutcome =
  | { kind: 'published'; version: number }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'conflict'; current: DraftBase }
  | { kind: 'failed'; message: string };

export interface ModelDraftState {
  loading: boolean;
  /** Why the published model could not be loaded (the draft still works offline). */
  loadError: string | null;
  published: DraftBase | null;
  base: DraftBase | null;
  draft: unknown;
  errors: FieldError[];
  valid: boolean;
  /** The draft differs from the version it started from. */
  dirty: boolean;
  savedAt: number | null;
  conflict: DraftBase | null;
  lastRebaseConflicts: string[];
  setValue: (path: ModelPath, value: unknown) => void;
  change: (update: (draft: unknown) => unknown) => void;
  replaceDraft: (draft: unknown) => void;
  discard: () => void;
  publish: (note: string) => Promise<PublishOutcome>;
  rebase: () => void;
  reloadPublished: () => Promise<void>;
}

function toBase(version: ModelVersion, etag: string | null): DraftBase {
  return { version: version.version, etag: etag ?? version.etag, model: version.model };
}

/**
 * The admin's draft of the model: loaded from the local draft store (or the published model),
 * saved on every change, validated with the shared `validateModel`, published with If-Match
 * against the version it started from, and rebased when someone published in between.
 */
export function useModelDraft(api: OptionsApi, store: DraftStore, now: () => number = Date.now): ModelDraftState {
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [published, setPublished] = useState<DraftBase | null>(null);
  const [base, setBase] = useState<DraftBase | null>(null);
  const [draft, setDraft] = useState<unknown>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [conflict, setConflict] = useState<DraftBase | null>(null);
  const [lastRebaseConflicts, setLastRebaseConflicts] = useState<string[]>([]);
  // Writes go out in order; the latest state is what a reload must find.
  const latest = useRef<{ draft: unknown; base: DraftBase | null }>({ draft: null, base: null });
  const saveQueue = useRef<Promise<void>>(Promise.resolve());

  const persist = useCallback(
    (nextDraft: unknown, nextBase: DraftBase | null) => {
      latest.current = { draft: nextDraft, base: nextBase };
      const at = now();
      saveQueue.current = saveQueue.current
        .then(() => store.save(nextDraft, nextBase, at))
        .then(() => setSavedAt(at))
        .catch(() => undefined);
    },
    [store, now],
  );

  const fetchPublished = useCallback(async (): Promise<DraftBase> => {
    const { body, etag } = await callOrThrow<ModelVersion>(api, 'GET', '/v1/model');
    return toBase(body, etag);
  }, [api]);

  useEffect(() => {
    let live = true;
    (async () => {
      const stored = await store.load().catch(() => null);
      let current: DraftBase | null = null;
      try {
        current = await fetchPublished();
      } catch (error) {
        if (live) setLoadError(error instanceof Error ? error.message : String(error));
      }
      if (!live) return;
      setPublished(current);
      if (stored) {
        setDraft(stored.draft);
        setBase(stored.base ?? current);
        setSavedAt(stored.updatedAt);
        latest.current = { draft: stored.draft, base: stored.base ?? current };
      } else if (current) {
        setDraft(structuredClone(current.model));
        setBase(current);
        latest.current = { draft: current.model, base: current };
      }
      setLoading(false);
    })();
    return () => {
      live = false;
    };
  }, [store, fetchPublished]);

  const validation = useMemo(() => (draft === null ? null : validateModel(draft)), [draft]);
  const errors = validation && !validation.ok ? validation.errors : [];
  const dirty = useMemo(
    () => draft !== null && base !== null && JSON.stringify(draft) !== JSON.stringify(base.model),
    [draft, base],
  );

  const change = useCallback(
    (update: (current: unknown) => unknown) => {
      const next = update(latest.current.draft);
      setDraft(next);
      persist(next, latest.current.base);
    },
    [persist],
  );
  const setValue = useCallback((path: ModelPath, value: unknown) => change((d) => setAt(d, path, value)), [change]);
  const replaceDraft = useCallback((next: unknown) => change(() => next), [change]);

  const discard = useCallback(() => {
    const target = published ?? base;
    if (!target) return;
    setBase(target);
    setDraft(structuredClone(target.model));
    setConflict(null);
    persist(structuredClone(target.model), target);
  }, [published, base, persist]);

  const publish = useCallback(
    async (note: string): Promise<PublishOutcome> => {
      const checked = validateModel(latest.current.draft);
      if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
      const from = latest.current.base;
      const result = await api.call('POST', '/v1/model/versions', {
        body: { model: checked.model, note },
        ...(from ? { ifMatch: from.etag } : {}),
      });
      if (result.ok) {
        const next = toBase(result.body as ModelVersion, result.etag);
        setPublished(next);
        setBase(next);
        setDraft(structuredClone(next.model));
        setConflict(null);
        persist(structuredClone(next.model), next);
        return { kind: 'published', version: next.version };
      }
      if (result.status === 412) {
        try {
          const current = await fetchPublished();
          setPublished(current);
          setConflict(current);
          return { kind: 'conflict', current };
        } catch (error) {
          return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
        }
      }
      if (result.errors.length > 0) {
        // The API's paths are prefixed with `model.`; the editor's are not.
        return {
          kind: 'invalid',
          errors: result.errors.map((e) => ({ ...e, path: e.path.replace(/^model\.?/, '') || '(root)' })),
        };
      }
      return { kind: 'failed', message: new ApiCallError(result).message };
    },
    [api, fetchPublished, persist],
  );

  const rebase = useCallback(() => {
    const current = conflict;
    const from = latest.current.base;
    if (!current || !from) return;
    const rebased = rebaseDraft(from.model, latest.current.draft, current.model);
    setLastRebaseConflicts(rebased.conflicts);
    setBase(current);
    setDraft(rebased.model);
    setConflict(null);
    persist(rebased.model, current);
  }, [conflict, persist]);

  /**
   * Fetches the live version again (after a rollback, or when the background says the model
   * changed). A draft without edits follows it; a draft with edits keeps its base, so the
   * next publish shows the conflict instead of silently dropping someone's change.
   */
  const reloadPublished = useCallback(async () => {
    try {
      const current = await fetchPublished();
      setPublished(current);
      setLoadError(null);
      const { draft: mine, base: from } = latest.current;
      const untouched = from !== null && JSON.stringify(mine) === JSON.stringify(from.model);
      if (untouched && from.etag !== current.etag) {
        setBase(current);
        setDraft(structuredClone(current.model));
        persist(structuredClone(current.model), current);
      }
    } catch (error) {
      setLoadError(error instanceof Error ? error.message : String(error));
    }
  }, [fetchPublished, persist]);

  return {
    loading,
    loadError,
    published,
    base,
    draft,
    errors,
    valid: validation?.ok ?? false,
    dirty,
    savedAt,
    conflict,
    lastRebaseConflicts,
    setValue,
    change,
    replaceDraft,
    discard,
    publish,
    rebase,
    reloadPublished,
  };
}
