import { useId, useState } from 'react';
import { useOt } from '../i18n';
import { DiffTable } from './DiffTable';
import { diffModels } from './modelDiff';
import type { ModelDraftState } from './useModelDraft';

/** Publish the draft with a note; when someone else published first, show what changed and offer a rebase. */
export function PublishPanel(props: { state: ModelDraftState; canEdit: boolean }) {
  const { state, canEdit } = props;
  const t = useOt();
  const id = useId();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'problem'; text: string } | null>(null);

  async function onPublish() {
    setBusy(true);
    setMessage(null);
    const outcome = await state.publish(note.trim());
    setBusy(false);
    switch (outcome.kind) {
      case 'published':
        setNote('');
        setMessage({ kind: 'ok', text: t('publish.done', { version: outcome.version }) });
        break;
      case 'invalid':
        setMessage({ kind: 'problem', text: t('publish.invalid', { count: outcome.errors.length }) });
        break;
      case 'conflict':
        setMessage({ kind: 'problem', text: t('publish.conflict', { version: outcome.current.version }) });
        break;
      case 'failed':
        setMessage({ kind: 'problem', text: outcome.message });
        break;
    }
  }

  const yourChanges = state.base ? diffModels(state.base.model, state.draft) : [];
  return (
    <section className="publish" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('publish.title')}</h3>
      <p>
        {state.base ? t('publish.basedOn', { version: state.base.version }) : t('publish.noBase')}{' '}
        {state.published && state.base && state.published.version !== state.base.version
          ? t('publish.newerLive', { version: state.published.version })
          : null}
      </p>
      <DiffTable changes={yourChanges} caption={t('publish.yourChanges')} testId="draft-changes" />
      {canEdit ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-note`}>{t('publish.note')}</label>
            <input
              id={`${id}-note`}
              name="publishNote"
              type="text"
              maxLength={2000}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </div>
          <div className="row">
            <button
              type="button"
              data-testid="publish-model"
              onClick={onPublish}
              disabled={busy || !state.valid || state.conflict !== null}
              aria-describedby={!state.valid ? `${id}-blocked` : undefined}
            >
              {busy ? t('publish.publishing') : t('publish.publish')}
            </button>
            <button type="button" onClick={state.discard} disabled={!state.dirty}>
              {t('publish.discard')}
            </button>
          </div>
          {!state.valid ? (
            <p id={`${id}-blocked`} className="hint problem" data-testid="publish-blocked">
              {t('publish.blocked', { count: state.errors.length })}
            </p>
          ) : null}
        </>
      ) : (
        <p className="hint">{t('model.readOnly')}</p>
      )}
      <output data-testid="publish-result" data-result={message?.kind ?? ''} aria-live="polite">
        {message?.text ?? ''}
      </output>
      {state.conflict && state.base ? (
        <section className="conflict" data-testid="publish-conflict" aria-label={t('conflict.title')}>
          <h4>{t('conflict.title')}</h4>
          <p>{t('conflict.explain', { mine: state.base.version, theirs: state.conflict.version })}</p>
          <DiffTable
            changes={diffModels(state.base.model, state.conflict.model)}
            caption={t('conflict.theirChanges', { version: state.conflict.version })}
            testId="conflict-their-changes"
          />
          <DiffTable changes={yourChanges} caption={t('conflict.yourChanges')} testId="conflict-your-changes" />
          <div className="row">
            <button type="button" data-testid="rebase-draft" onClick={state.rebase}>
              {t('conflict.rebase')}
            </button>
            <button type="button" onClick={state.discard}>
              {t('conflict.discardMine')}
            </button>
          </div>
        </section>
      ) : null}
      {state.lastRebaseConflicts.length > 0 ? (
        <div className="hint" data-testid="rebase-conflicts">
          <p>{t('conflict.kept', { count: state.lastRebaseConflicts.length })}</p>
          <ul>
            {state.lastRebaseConflicts.map((path) => (
              <li key={path}>
                <code>{path}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
