import { useId, useMemo, useState } from 'react';
import {
  type AlignmentModel,
  type Lead,
  type LeadEvent,
  localize,
  type ScoreResult,
  score,
  validateModel,
} from '../../../shared';
import { useUiLocale } from '../../i18n';
import { callOrThrow, useOptionsApi } from '../api';
import { useOt } from '../i18n';
import { StoredLeadsImpact } from './StoredLeadsImpact';
import { builtInSamples, type SampleLead } from './sampleLeads';

interface PreviewRow {
  sample: SampleLead;
  published: ScoreResult | null;
  draft: ScoreResult | null;
}

function scoreSafely(model: AlignmentModel | null, sample: SampleLead, now: number, locale: string) {
  if (!model) return null;
  try {
    return score(model, sample.lead, sample.events, new Date(now), { locale });
  } catch {
    return null;
  }
}

/**
 * Sample leads scored with the published model and with the draft, side by side, so an admin
 * sees what a change does before anyone else does. Real leads can be added by email, and the
 * stored leads as a whole are compared on the server.
 */
export function PreviewPanel(props: {
  draft: unknown;
  published: AlignmentModel | null;
  now?: number;
  /** The stored-leads comparison is an admin route; reps and marketers only see the sample leads. */
  canEdit?: boolean;
}) {
  const t = useOt();
  const locale = useUiLocale();
  const api = useOptionsApi();
  const id = useId();
  const [now] = useState(() => props.now ?? Date.now());
  const [extra, setExtra] = useState<SampleLead[]>([]);
  const [email, setEmail] = useState('');
  const [lookupProblem, setLookupProblem] = useState<string | null>(null);
  const validation = useMemo(() => validateModel(props.draft), [props.draft]);
  const draftModel = validation.ok ? validation.model : null;

  const rows: PreviewRow[] = useMemo(
    () =>
      [...builtInSamples(now), ...extra].map((sample) => ({
        sample,
        published: scoreSafely(props.published, sample, now, locale),
        draft: scoreSafely(draftModel, sample, now, locale),
      })),
    [now, extra, props.published, draftModel, locale],
  );

  async function addByEmail() {
    const address = email.trim();
    if (address === '') return;
    setLookupProblem(null);
    try {
      const { body } = await callOrThrow<{ lead: Lead; events?: LeadEvent[] }>(
        api,
        'GET',
        `/v1/leads/lookup?email=${encodeURIComponent(address)}`,
      );
      setExtra((list) => [
        ...list.filter((s) => s.key !== body.lead.email),
        { key: body.lead.email, label: body.lead.name ?? body.lead.email, lead: body.lead, events: body.events ?? [] },
      ]);
      setEmail('');
    } catch (error) {
      setLookupProblem(error instanceof Error ? error.message : String(error));
    }
  }

  const cell = (result: ScoreResult | null, model: AlignmentModel | null) => {
    if (!result) return <td>{t('preview.unavailable')}</td>;
    const persona = result.personas[0];
    const stageName = (stage: string) => {
      const found = model?.lifecycle.stages.find((s) => s.id === stage);
      return found ? localize(found.label, locale) : stage;
    };
    return (
      <td data-quadrant={result.quadrant} data-score={result.score}>
        <span className={`quadrant q-${result.quadrant}`}>{t(`quadrant.${result.quadrant}`)}</span>{' '}
        {t('preview.scoreLine', { score: result.score, fit: result.fit, interest: result.interest })}
        <br />
        {t('preview.stageLine', {
          stage: stageName(result.stage),
          suggested: result.suggestedStage ? stageName(result.suggestedStage) : '—',
        })}
        <br />
        {persona
          ? t('preview.personaLine', { persona: persona.name, percent: Math.round(persona.confidence * 100) })
          : t('preview.noPersona')}
      </td>
    );
  };

  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('preview.title')}</h3>
      {!draftModel ? <p className="hint problem">{t('preview.draftInvalid')}</p> : null}
      <table className="preview" data-testid="preview-table">
        <thead>
          <tr>
            <th scope="col">{t('preview.lead')}</th>
            <th scope="col">{t('preview.published')}</th>
            <th scope="col">{t('preview.draft')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const changed =
              row.published && row.draft
                ? row.published.quadrant !== row.draft.quadrant ||
                  row.published.score !== row.draft.score ||
                  row.published.personas[0]?.id !== row.draft.personas[0]?.id ||
                  row.published.suggestedStage !== row.draft.suggestedStage
                : false;
            return (
              <tr key={row.sample.key} data-changed={changed}>
                <th scope="row">
                  {typeof row.sample.label === 'string' ? row.sample.label : t(row.sample.label.key)}
                  {changed ? <span className="badge">{t('preview.changed')}</span> : null}
                </th>
                {cell(row.published, props.published)}
                {cell(row.draft, draftModel)}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('preview.addByEmail')}</label>
          <input id={`${id}-email`} type="email" value={email} onChange={(event) => setEmail(event.target.value)} />
        </div>
        <button type="button" onClick={() => void addByEmail()}>
          {t('preview.add')}
        </button>
      </div>
      {lookupProblem ? <p className="problem">{lookupProblem}</p> : null}
      {props.canEdit !== false ? <StoredLeadsImpact draft={draftModel} published={props.published} /> : null}
    </section>
  );
}
