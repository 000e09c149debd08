import { type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { type AlignmentModel, type LeadOutcome, localize, type ModelPreview } from '../../../shared';
import { useUiLocale } from '../../i18n';
import { ApiCallError, callOrThrow, useOptionsApi } from '../api';
import { useOt } from '../i18n';

/** Typing pauses at least this long before the stored leads are compared again. */
export const IMPACT_DEBOUNCE_MS = 600;

type ImpactState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; preview: ModelPreview }
  | { kind: 'adminOnly' }
  | { kind: 'failed'; message: string };

/**
 * Asks the API how the stored leads would move if `draft` were published, once typing pauses.
 * Answers to drafts that were edited since are dropped, so the panel never shows a stale count.
 */
function useStoredLeadsImpact(draft: AlignmentModel | null): { state: ImpactState; retry: () => void } {
  const api = useOptionsApi();
  const [state, setState] = useState<ImpactState>({ kind: 'idle' });
  const [attempt, setAttempt] = useState(0);
  // Re-validation hands over a new object on every render of an unchanged draft: compare by content.
  const draftJson = useMemo(() => (draft ? JSON.stringify(draft) : null), [draft]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the request when the admin asks to compare again.
  useEffect(() => {
    if (draftJson === null) {
      setState({ kind: 'idle' });
      return;
    }
    let current = true;
    setState({ kind: 'loading' });
    const timer = setTimeout(() => {
      callOrThrow<ModelPreview>(api, 'POST', '/v1/model/preview', { body: { model: JSON.parse(draftJson) } }).then(
        ({ body }) => {
          if (current) setState({ kind: 'ready', preview: body });
        },
        (error: unknown) => {
          if (!current) return;
          if (error instanceof ApiCallError && error.result.status === 403) setState({ kind: 'adminOnly' });
          else setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
        },
      );
    }, IMPACT_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, draftJson, attempt]);

  return { state, retry: () => setAttempt((n) => n + 1) };
}

/**
 * "N of M stored leads would change quadrant, K would change stage" for the draft, with the
 * moves behind the numbers. The summary sits in a polite live region, so a screen reader
 * announces the new count after each pause in typing.
 */
export function StoredLeadsImpact(props: { draft: AlignmentModel | null; published: AlignmentModel | null }) {
  const t = useOt();
  const locale = useUiLocale();
  const id = useId();
  const { state, retry } = useStoredLeadsImpact(props.draft);
  if (!props.draft) return null;

  const stageName = (stage: string | null) => {
    if (stage === null) return t('impact.noSuggestion');
    const found = [props.draft, props.published]
      .flatMap((model) => model?.lifecycle.stages ?? [])
      .find((s) => s.id === stage);
    return found ? localize(found.label, locale) : stage;
  };
  const quadrantName = (quadrant: LeadOutcome['quadrant']) => t(`quadrant.${quadrant}`);
  const outcome = (o: LeadOutcome) =>
    t('impact.outcome', { quadrant: quadrantName(o.quadrant), stage: stageName(o.stage) });

  let status: ReactNode = null;
  let details: ReactNode = null;
  if (state.kind === 'loading') status = <p>{t('impact.loading')}</p>;
  else if (state.kind === 'adminOnly') status = <p className="hint">{t('impact.adminOnly')}</p>;
  else if (state.kind === 'failed') {
    status = <p className="problem">{t('impact.failed', { message: state.message })}</p>;
    details = (
      <button type="button" onClick={retry}>
        {t('impact.retry')}
      </button>
    );
  } else if (state.kind === 'ready') {
    const p = state.preview;
    status =
      p.leadsTotal === 0 ? (
        <p>{t('impact.noLeads')}</p>
      ) : (
        <>
          <p data-testid="impact-summary">
            {t('impact.summary', { quadrant: p.quadrantChanged, compared: p.leadsCompared, stage: p.stageChanged })}
          </p>
          {p.truncated ? (
            <p className="hint">{t('impact.truncated', { compared: p.leadsCompared, total: p.leadsTotal })}</p>
          ) : null}
        </>
      );
    details = (
      <>
        <MoveList
          id={`${id}-quadrants`}
          title={t('impact.quadrantMoves')}
          testId="impact-quadrant-moves"
          items={p.quadrantTransitions.map((m) => ({
            key: `${m.from}>${m.to}`,
            text: t('impact.move', { from: quadrantName(m.from), to: quadrantName(m.to), count: m.count }),
          }))}
        />
        <MoveList
          id={`${id}-stages`}
          title={t('impact.stageMoves')}
          testId="impact-stage-moves"
          items={p.stageTransitions.map((m) => ({
            key: `${m.from}>${m.to}`,
            text: t('impact.move', { from: stageName(m.from), to: stageName(m.to), count: m.count }),
          }))}
        />
        <MoveList
          id={`${id}-examples`}
          title={t('impact.examples')}
          items={p.examples.map((e) => ({
            key: e.leadId,
            text: t('impact.example', { email: e.email, from: outcome(e.from), to: outcome(e.to) }),
          }))}
        />
      </>
    );
  }

  return (
    <section aria-labelledby={`${id}-title`} data-testid="stored-leads-impact" aria-busy={state.kind === 'loading'}>
      <h4 id={`${id}-title`}>{t('impact.title')}</h4>
      <div aria-live="polite" aria-atomic="true" role="status">
        {status}
      </div>
      {details}
    </section>
  );
}

/** A titled list of moves (quadrant, stage, example leads); nothing when there are none. */
function MoveList(props: { id: string; title: string; testId?: string; items: { key: string; text: string }[] }) {
  if (props.items.length === 0) return null;
  return (
    <>
      <h5 id={props.id}>{props.title}</h5>
      <ul aria-labelledby={props.id} data-testid={props.testId}>
        {props.items.map((item) => (
          <li key={item.key}>{item.text}</li>
        ))}
      </ul>
    </>
  );
}
