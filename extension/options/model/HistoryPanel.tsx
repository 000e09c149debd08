import { useCallback, useEffect, useId, useState } from 'react';
import type { ModelVersion, ModelVersionSummary } from '../../../shared';
import { useUiLocale } from '../../i18n';
import { ApiCallError, callOrThrow, useOptionsApi } from '../api';
import { useOt } from '../i18n';
import { DiffTable } from './DiffTable';
import { diffModels, type ModelChange } from './modelDiff';

/** Published versions with who, when and why; a diff between any two; rollback for admins. */
export function HistoryPanel(props: { canEdit: boolean; liveVersion: number | null; onRolledBack: () => void }) {
  const { canEdit, liveVersion, onRolledBack } = props;
  const t = useOt();
  const locale = useUiLocale();
  const api = useOptionsApi();
  const id = useId();
  const [versions, setVersions] = useState<ModelVersionSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [diff, setDiff] = useState<ModelChange[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const { body } = await callOrThrow<{ versions: ModelVersionSummary[] }>(
        api,
        'GET',
        '/v1/model/versions?limit=100',
      );
      setVersions(body.versions);
      setProblem(null);
      const [newest, previous] = body.versions;
      if (newest) setTo((v) => v ?? newest.version);
      if (previous) setFrom((v) => v ?? previous.version);
      else if (newest) setFrom((v) => v ?? newest.version);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }, [api]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the live version moves
  useEffect(() => {
    void load();
  }, [load, liveVersion]);

  async function compare() {
    if (from === null || to === null) return;
    try {
      const [a, b] = await Promise.all(
        [from, to].map((v) => callOrThrow<ModelVersion>(api, 'GET', `/v1/model/versions/${v}`)),
      );
      if (a && b) setDiff(diffModels(a.body.model, b.body.model));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  async function rollback(version: number) {
    if (!globalThis.confirm(t('history.confirmRollback', { version }))) return;
    const current = await api.call('GET', '/v1/model');
    const result = await api.call('POST', '/v1/model/rollback', {
      body: { version, note: t('history.rollbackNote', { version }) },
      ...(current.etag ? { ifMatch: current.etag } : {}),
    });
    if (result.ok) {
      setStatus(t('history.rolledBack', { version, live: (result.body as ModelVersion).version }));
      onRolledBack();
      await load();
    } else setStatus(new ApiCallError(result).message);
  }

  const options = (versions ?? []).map((v) => (
    <option key={v.version} value={v.version}>
      {t('history.versionOption', { version: v.version, note: v.note || '—' })}
    </option>
  ));

  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('history.title')}</h3>
      {problem ? <p className="problem">{problem}</p> : null}
      {versions === null && !problem ? <p>{t('status.loading')}</p> : null}
      {versions && versions.length > 0 ? (
        <table data-testid="version-history">
          <thead>
            <tr>
              <th scope="col">{t('history.version')}</th>
              <th scope="col">{t('history.when')}</th>
              <th scope="col">{t('history.who')}</th>
              <th scope="col">{t('history.note')}</th>
              {canEdit ? <th scope="col">{t('history.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version} data-version={v.version}>
                <td>
                  {v.version}
                  {v.version === liveVersion ? ` (${t('history.live')})` : ''}
                  {v.rollbackOf !== null ? ` ${t('history.rollbackOf', { version: v.rollbackOf })}` : ''}
                </td>
                <td>{v.publishedAt ? new Date(v.publishedAt).toLocaleString(locale) : '—'}</td>
                <td>{v.publishedBy ?? '—'}</td>
                <td>{v.note || '—'}</td>
                {canEdit ? (
                  <td>
                    {v.version !== liveVersion ? (
                      <button type="button" onClick={() => void rollback(v.version)}>
                        {t('history.rollback', { version: v.version })}
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {versions && versions.length > 0 ? (
        <div className="row">
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('history.from')}</label>
            <select id={`${id}-from`} value={from ?? ''} onChange={(event) => setFrom(Number(event.target.value))}>
              {options}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('history.to')}</label>
            <select id={`${id}-to`} value={to ?? ''} onChange={(event) => setTo(Number(event.target.value))}>
              {options}
            </select>
          </div>
          <button type="button" onClick={() => void compare()}>
            {t('history.compare')}
          </button>
        </div>
      ) : null}
      {diff ? (
        <DiffTable
          changes={diff}
          caption={t('history.diffCaption', { from: from ?? 0, to: to ?? 0 })}
          testId="history-diff"
        />
      ) : null}
      <output aria-live="polite">{status ?? ''}</output>
    </section>
  );
}
