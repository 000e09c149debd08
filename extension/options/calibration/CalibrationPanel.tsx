import { useId, useState } from 'react';
import { type CalibrationResult, type CalibrationRow, leadsFromCsvRecords, parseCsvRecords } from '../../../shared';
import { callOrThrow, useOptionsApi } from '../api';
import { useOt } from '../i18n';
import { type ApplyTarget, applyCalibration } from './applySuggestions';

const rowKey = (row: CalibrationRow) => `${row.action}\u0000${row.bucket}`;
const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)} %`;
const auc = (value: number | null) => (value === null ? '—' : value.toFixed(3));

/**
 * Calibration from past outcomes: upload a CSV of past leads (actions + converted), read the
 * close rate, lift and suggested points per action, and copy chosen suggestions into the draft.
 */
export function CalibrationPanel(props: { change: (update: (draft: unknown) => unknown) => void }) {
  const t = useOt();
  const api = useOptionsApi();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState('converted');
  const [ignore, setIgnore] = useState('');
  const [missing, setMissing] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<CalibrationResult | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [mql, setMql] = useState<Set<string>>(new Set());
  const [target, setTarget] = useState<ApplyTarget>('fit');
  const [applied, setApplied] = useState<string | null>(null);

  const list = (text: string) =>
    text
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');

  async function run() {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    setApplied(null);
    try {
      const records = parseCsvRecords(await file.text());
      const leads = leadsFromCsvRecords(records, {
        outcomeColumn: outcome.trim(),
        ignoreColumns: list(ignore),
        missingValues: list(missing),
      });
      const { body } = await callOrThrow<CalibrationResult>(api, 'POST', '/v1/calibrations', { body: { leads } });
      setResult(body);
      setSelected(new Set());
      setMql(new Set(body.suggestedMql.map(rowKey)));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  function apply() {
    if (!result) return;
    const rows = result.rows.filter((row) => selected.has(rowKey(row)));
    const mqlRows = result.rows.filter((row) => mql.has(rowKey(row)));
    let outcomeText = '';
    props.change((draft) => {
      const done = applyCalibration(draft, rows, mqlRows, target);
      outcomeText = t('calibration.applied', { applied: done.applied, skipped: done.skipped });
      return done.draft;
    });
    setApplied(outcomeText);
  }

  const toggle = (set: Set<string>, key: string) => {
    const next = new Set(set);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  };

  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('calibration.title')}</h3>
      <p className="hint">{t('calibration.explain')}</p>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('calibration.file')}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-outcome`}>{t('calibration.outcome')}</label>
          <input
            id={`${id}-outcome`}
            type="text"
            value={outcome}
            onChange={(event) => setOutcome(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-ignore`}>{t('calibration.ignore')}</label>
          <input id={`${id}-ignore`} type="text" value={ignore} onChange={(event) => setIgnore(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-missing`}>{t('calibration.missing')}</label>
          <input
            id={`${id}-missing`}
            type="text"
            value={missing}
            onChange={(event) => setMissing(event.target.value)}
          />
        </div>
      </div>
      <button type="button" onClick={() => void run()} disabled={!file || busy}>
        {busy ? t('calibration.running') : t('calibration.run')}
      </button>
      {problem ? <p className="problem">{problem}</p> : null}
      {result ? (
        <>
          <p data-testid="calibration-summary">
            {t('calibration.summary', {
              leads: result.leads,
              customers: result.customers,
              rate: percent(result.averageCloseRate),
            })}{' '}
            {t('calibration.auc', {
              points: auc(result.evaluation.pointsAuc),
              baseline: auc(result.evaluation.logisticRegressionAuc),
            })}
          </p>
          {result.suggestedMql.length === 0 && result.maxPossibleLift !== null && result.maxPossibleLift < 3 ? (
            <p className="hint" data-testid="calibration-no-mql">
              {t('calibration.noMqlPossible', {
                rate: percent(result.averageCloseRate),
                max: result.maxPossibleLift.toFixed(1),
              })}
            </p>
          ) : null}
          <table className="calibration" data-testid="calibration-table">
            <thead>
              <tr>
                <th scope="col">{t('calibration.apply')}</th>
                <th scope="col">{t('calibration.asMql')}</th>
                <th scope="col">{t('calibration.action')}</th>
                <th scope="col">{t('calibration.leads')}</th>
                <th scope="col">{t('calibration.closeRate')}</th>
                <th scope="col">{t('calibration.lift')}</th>
                <th scope="col">{t('calibration.points')}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => {
                const key = rowKey(row);
                const name = `${row.action}: ${row.label}`;
                return (
                  <tr key={key} className={row.suggestedMql ? 'suggested' : undefined}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('calibration.applyRow', { name })}
                        checked={selected.has(key)}
                        onChange={() => setSelected((s) => toggle(s, key))}
                      />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('calibration.mqlRow', { name })}
                        checked={mql.has(key)}
                        onChange={() => setMql((s) => toggle(s, key))}
                      />
                    </td>
                    <th scope="row">
                      {name}
                      {row.suggestedMql ? <span className="badge">{t('calibration.suggestedMql')}</span> : null}
                    </th>
                    <td>{row.leads}</td>
                    <td>{percent(row.closeRate)}</td>
                    <td>{row.lift.toFixed(2)}</td>
                    <td>{row.points}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="row">
            <div className="field">
              <label htmlFor={`${id}-target`}>{t('calibration.target')}</label>
              <select
                id={`${id}-target`}
                value={target}
                onChange={(event) => setTarget(event.target.value as ApplyTarget)}
              >
                <option value="fit">{t('calibration.target.fit')}</option>
                <option value="behaviour">{t('calibration.target.behaviour')}</option>
              </select>
            </div>
            <button type="button" onClick={apply} disabled={selected.size === 0 && mql.size === 0}>
              {t('calibration.applySelected')}
            </button>
          </div>
          {applied ? <p aria-live="polite">{applied}</p> : null}
        </>
      ) : null}
    </section>
  );
}
