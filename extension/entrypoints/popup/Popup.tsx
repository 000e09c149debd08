import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { directionOf, LocaleProvider, useLocale, useUiLocale } from '../../i18n';
import { type ConnectionStatus, type InsightResponse, type OutboxState, onBackgroundPush } from '../../lib/messages';
import { backgroundApi, type OptionsApi, OptionsApiContext, useOptionsApi } from '../../options/api';
import { type OptionsMessageKey, useOt } from '../../options/i18n';

const STATE_LABELS: Record<ConnectionStatus['state'], OptionsMessageKey> = {
  connected: 'popup.connected',
  unconfigured: 'popup.unconfigured',
  unauthorized: 'popup.unauthorized',
};

/** The toolbar popup: is Leadlens connected, which model, what is waiting to be sent, and a quick lookup. */
export function Popup(props: { api?: OptionsApi }) {
  const locale = useLocale();
  return (
    <OptionsApiContext.Provider value={props.api ?? backgroundApi}>
      <LocaleProvider locale={locale}>
        <div dir={directionOf(locale)} lang={locale}>
          <PopupBody />
        </div>
      </LocaleProvider>
    </OptionsApiContext.Provider>
  );
}

function PopupBody() {
  const t = useOt();
  const locale = useUiLocale();
  const api = useOptionsApi();
  const id = useId();
  const [status, setStatus] = useState<ConnectionStatus | null>(null);
  const [outbox, setOutbox] = useState<OutboxState | null>(null);
  const [email, setEmail] = useState('');
  const [lookup, setLookup] = useState<{
    state: 'idle' | 'loading' | 'done' | 'error';
    answer?: InsightResponse;
    error?: string;
  }>({
    state: 'idle',
  });

  const refresh = useCallback(() => {
    api.status().then(setStatus, () => setStatus(null));
    api.outbox().then(setOutbox, () => setOutbox(null));
  }, [api]);

  useEffect(() => {
    refresh();
    try {
      return onBackgroundPush((push) => {
        if (push.type === 'push/outboxChanged') setOutbox(push.state);
        else if (push.type === 'push/connectionChanged') setStatus(push.status);
        else if (push.type === 'push/modelChanged') refresh();
      });
    } catch {
      return undefined;
    }
  }, [refresh]);

  async function onLookup(event: FormEvent) {
    event.preventDefault();
    const address = email.trim();
    if (address === '') return;
    setLookup({ state: 'loading' });
    try {
      setLookup({ state: 'done', answer: await api.insight({ email: address }, locale) });
    } catch (error) {
      setLookup({ state: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  }

  const score = lookup.answer?.insight?.score;
  const persona = score?.personas[0];
  return (
    <main className="popup">
      <h1>{t('app.name')}</h1>
      <p data-testid="popup-connection" data-state={status?.state ?? 'unknown'}>
        {status ? t(STATE_LABELS[status.state], { origin: status.apiOrigin ?? '' }) : t('status.loading')}
      </p>
      <p data-testid="popup-model-version">
        {status?.modelVersion !== null && status?.modelVersion !== undefined
          ? t('popup.modelVersion', { version: status.modelVersion })
          : t('popup.noModel')}
      </p>
      <p data-testid="popup-outbox" data-pending={outbox?.pending ?? 0} data-failed={outbox?.failed ?? 0}>
        {t('popup.outbox', { pending: outbox?.pending ?? 0, failed: outbox?.failed ?? 0 })}
        {outbox?.paused ? ` ${t('popup.outboxPaused')}` : ''}
      </p>
      <form onSubmit={onLookup}>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('popup.lookupLabel')}</label>
          <input
            id={`${id}-email`}
            name="lookupEmail"
            type="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <button type="submit" disabled={lookup.state === 'loading' || status?.state !== 'connected'}>
          {t('popup.lookup')}
        </button>
      </form>
      <div data-testid="popup-lookup" data-state={lookup.state} aria-live="polite">
        {lookup.state === 'loading' ? <p>{t('status.loading')}</p> : null}
        {lookup.state === 'error' ? <p className="problem">{lookup.error}</p> : null}
        {lookup.state === 'done' && !score ? <p>{lookup.answer?.error ?? t('popup.notFound')}</p> : null}
        {score ? (
          <dl
            className="metrics"
            data-quadrant={score.quadrant}
            data-score={score.score}
            data-stage={score.stage}
            data-persona={persona?.id ?? ''}
          >
            <dt>{t('preview.quadrant')}</dt>
            <dd className={`quadrant q-${score.quadrant}`}>{t(`quadrant.${score.quadrant}`)}</dd>
            <dt>{t('preview.score')}</dt>
            <dd>{t('preview.scoreLine', { score: score.score, fit: score.fit, interest: score.interest })}</dd>
            <dt>{t('preview.stage')}</dt>
            <dd>
              {score.stage}
              {score.suggestedStage ? ` → ${score.suggestedStage}` : ''}
            </dd>
            <dt>{t('preview.persona')}</dt>
            <dd>
              {persona
                ? t('preview.personaLine', { persona: persona.name, percent: Math.round(persona.confidence * 100) })
                : t('preview.noPersona')}
            </dd>
          </dl>
        ) : null}
      </div>
      <button type="button" onClick={() => browser.runtime.openOptionsPage()}>
        {t('popup.settings')}
      </button>
    </main>
  );
}
