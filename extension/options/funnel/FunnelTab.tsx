import { useCallback, useEffect, useId, useState } from 'react';
import type { FunnelMetrics, FunnelMetricsCore, FunnelSegmentDimension } from '../../../shared';
import { callOrThrow, useOptionsApi } from '../api';
import { downloadText } from '../download';
import { type OptionsMessageKey, type Translate, useOt } from '../i18n';
import { BarChart } from './BarChart';
import { funnelToCsv } from './funnelCsv';

const SEGMENTS: readonly (FunnelSegmentDimension | '')[] = ['', 'industry', 'source', 'persona', 'leadType'];
const SEGMENT_LABELS: Record<FunnelSegmentDimension | '', OptionsMessageKey> = {
  '': 'funnel.segment.none',
  industry: 'funnel.segment.industry',
  source: 'funnel.segment.source',
  persona: 'funnel.segment.persona',
  leadType: 'funnel.segment.leadType',
};

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)} %`);
const number = (value: number | null) =>
  value === null ? '—' : value.toLocaleString(undefined, { maximumFractionDigits: 1 });

/** `YYYY-MM-DD` of a day `days` ago (UTC). */
function dayOffset(days: number, now = Date.now()): string {
  return new Date(now - days * 86_400_000).toISOString().slice(0, 10);
}

/** The shared funnel for a period, optionally per segment: stage counts, conversions, SLA, rejections. */
export function FunnelTab() {
  const t = useOt();
  const api = useOptionsApi();
  const id = useId();
  const [from, setFrom] = useState(() => dayOffset(90));
  const [to, setTo] = useState('');
  const [segment, setSegment] = useState<FunnelSegmentDimension | ''>('');
  const [metrics, setMetrics] = useState<FunnelMetrics | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    const params = new URLSearchParams();
    if (from) params.set('from', from);
    if (to) params.set('to', to);
    if (segment) params.set('segment', segment);
    setLoading(true);
    try {
      const query = params.toString();
      const { body } = await callOrThrow<FunnelMetrics>(api, 'GET', `/v1/metrics/funnel${query ? `?${query}` : ''}`);
      setMetrics(body);
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setLoading(false);
    }
  }, [api, from, to, segment]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('funnel.title')}</h2>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void load();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('funnel.from')}</label>
          <input id={`${id}-from`} type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('funnel.to')}</label>
          <input id={`${id}-to`} type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-segment`}>{t('funnel.segment')}</label>
          <select
            id={`${id}-segment`}
            value={segment}
            onChange={(event) => setSegment(event.target.value as FunnelSegmentDimension | '')}
          >
            {SEGMENTS.map((s) => (
              <option key={s} value={s}>
                {t(SEGMENT_LABELS[s])}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={loading}>
          {t('funnel.refresh')}
        </button>
        <button
          type="button"
          disabled={!metrics}
          onClick={() => metrics && downloadText('leadlens-funnel.csv', funnelToCsv(metrics), 'text/csv')}
        >
          {t('funnel.downloadCsv')}
        </button>
      </form>
      {problem ? <p className="problem">{problem}</p> : null}
      {metrics ? (
        <div data-testid="funnel-dashboard">
          <FunnelCore core={metrics} title={t('funnel.all', { leads: metrics.leads })} t={t} />
          {metrics.segments.map((s) => (
            <details key={s.value ?? '(none)'}>
              <summary>{t('funnel.segmentTitle', { value: s.value ?? t('funnel.noValue'), leads: s.leads })}</summary>
              <FunnelCore core={s} title={s.value ?? t('funnel.noValue')} t={t} />
            </details>
          ))}
        </div>
      ) : null}
    </section>
  );
}

function FunnelCore(props: { core: FunnelMetricsCore; title: string; t: Translate }) {
  const { core, title, t } = props;
  const steps = core.conversions.filter((c) => c.kind === 'step');
  const overall = core.conversions.filter((c) => c.kind === 'overall');
  return (
    <div className="funnel-core">
      <h3>{title}</h3>
      <BarChart
        title={t('funnel.entered')}
        bars={core.stages.map((stage) => ({
          key: stage.stage,
          label: stage.stage,
          value: stage.entered,
          detail: t('funnel.enteredDetail', {
            stage: stage.stage,
            count: stage.entered,
            days: number(stage.days.median),
          }),
        }))}
      />
      <BarChart
        title={t('funnel.conversions')}
        format={(v) => `${v.toFixed(1)} %`}
        bars={[...steps, ...overall].map((c) => ({
          key: `${c.from}-${c.to}`,
          label: `${c.from} → ${c.to}`,
          value: (c.rate ?? 0) * 100,
          detail: t('funnel.conversionDetail', {
            from: c.from,
            to: c.to,
            count: c.count,
            of: c.of,
            rate: percent(c.rate),
          }),
        }))}
      />
      <dl className="metrics">
        <dt>{t('funnel.activeRate')}</dt>
        <dd>
          {percent(core.activeRate.rate)} ({core.activeRate.count}/{core.activeRate.of})
        </dd>
        <dt>{t('funnel.salesCycle')}</dt>
        <dd>{t('funnel.days', { days: number(core.salesCycleDays.median) })}</dd>
        <dt>{t('funnel.slaCompliance')}</dt>
        <dd>
          {percent(core.sla.compliance.rate)} ({core.sla.compliance.count}/{core.sla.compliance.of})
        </dd>
        <dt>{t('funnel.firstTouch')}</dt>
        <dd>{t('funnel.hours', { hours: number(core.sla.firstTouchHours.median) })}</dd>
        <dt>{t('funnel.rejectionRate')}</dt>
        <dd>
          {percent(core.rejections.rate.rate)} ({core.rejections.rate.count}/{core.rejections.rate.of})
        </dd>
      </dl>
      {core.rejections.reasons.length > 0 ? (
        <BarChart
          title={t('funnel.rejectionReasons')}
          bars={core.rejections.reasons.map((r) => ({
            key: r.reason,
            label: r.reason.length > 24 ? `${r.reason.slice(0, 23)}…` : r.reason,
            value: r.count,
            detail: `${r.reason}: ${r.count}`,
          }))}
        />
      ) : null}
    </div>
  );
}
