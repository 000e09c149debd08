import { type FormEvent, useId, useState } from 'react';
// The schema module itself, not the shared barrel: the barrel would load every schema and the
// default model into the content script.
import { ATTEMPT_CHANNELS } from '../../shared/schemas/vocabulary';
import { useT } from '../i18n';
import type { AttemptDraft, LeadOutboxSummary } from '../lib/useLeadInsight';

type Channel = AttemptDraft['channel'];
const CHANNELS = ATTEMPT_CHANNELS;

export interface CardActions {
  logAttempt: (attempt: AttemptDraft) => Promise<unknown>;
  accept: () => Promise<unknown>;
  returnLead: (reason: string) => Promise<unknown>;
  retry?: () => Promise<unknown>;
}

export interface LeadActionsProps {
  actions: CardActions;
  outbox: LeadOutboxSummary;
  /** Whether the person is a stored lead (actions need its id). */
  stored: boolean;
  /** Channel that fits the site (email on Gmail/Outlook, LinkedIn on a profile). */
  defaultChannel?: Channel;
  /** The model lets sales accept a lead in its current stage (e.g. an MQL). */
  canAccept?: boolean;
  /** The model lets sales return a lead in its current stage to marketing. */
  canReturn?: boolean;
}

/**
 * Log a connect attempt, accept (→ SAL) or return with a required reason. Each goes through
 * the background's outbox: the card shows it as queued until the API confirms, and failures stay
 * visible until retried.
 */
export function LeadActions({
  actions,
  outbox,
  stored,
  defaultChannel = 'email',
  canAccept = true,
  canReturn = true,
}: LeadActionsProps) {
  const t = useT();
  const [channel, setChannel] = useState<Channel>(defaultChannel);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState('');
  const ids = { channel: useId(), reason: useId(), reasonError: useId() };

  if (!stored) return <p className="ll-muted">{t('action.notStored')}</p>;

  async function run(kind: 'attempt' | 'accept' | 'return', send: () => Promise<unknown>) {
    setBusy(true);
    setFailure('');
    try {
      await send();
      setMessage(t('action.queued', { what: t(`action.kind.${kind}`) }));
      return true;
    } catch (error) {
      // A full browser store is the one failure the rep can act on (free space), so it is said in their language.
      const storageFull = (error as { code?: unknown } | null)?.code === 'storage_full';
      setFailure(storageFull ? t('action.storageFull') : error instanceof Error ? error.message : String(error));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function submitReturn(event: FormEvent) {
    event.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed) {
      setReasonMissing(true);
      return;
    }
    if (await run('return', () => actions.returnLead(trimmed))) {
      setReturning(false);
      setReason('');
      setReasonMissing(false);
    }
  }

  const pendingHere = outbox.items.filter((item) => item.state === 'pending');
  const failedHere = outbox.items.filter((item) => item.state === 'failed');

  return (
    <div className="ll-actions">
      <div className="ll-row">
        <label htmlFor={ids.channel} className="ll-visually-hidden">
          {t('action.channel')}
        </label>
        <select
          id={ids.channel}
          className="ll-select"
          value={channel}
          onChange={(event) => setChannel(event.target.value as Channel)}
        >
          {CHANNELS.map((option) => (
            <option key={option} value={option}>
              {t(`channel.${option}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="ll-button"
          disabled={busy}
          data-action="log-attempt"
          onClick={() => void run('attempt', () => actions.logAttempt({ channel }))}
        >
          {t('action.logAttempt')}
        </button>
      </div>
      {canAccept || canReturn ? (
        <div className="ll-row">
          {canAccept ? (
            <button
              type="button"
              className="ll-button ll-primary"
              disabled={busy}
              data-action="accept"
              onClick={() => void run('accept', () => actions.accept())}
            >
              {t('action.accept')}
            </button>
          ) : null}
          {canReturn ? (
            <button
              type="button"
              className="ll-button"
              disabled={busy}
              aria-expanded={returning}
              data-action="return"
              onClick={() => setReturning((open) => !open)}
            >
              {t('action.return')}
            </button>
          ) : null}
        </div>
      ) : null}
      {returning && canReturn ? (
        <form className="ll-return" onSubmit={(event) => void submitReturn(event)} noValidate>
          <label htmlFor={ids.reason}>{t('action.returnReason')}</label>
          <textarea
            id={ids.reason}
            className="ll-textarea"
            required
            maxLength={2000}
            value={reason}
            aria-invalid={reasonMissing}
            aria-describedby={reasonMissing ? ids.reasonError : undefined}
            onChange={(event) => {
              setReason(event.target.value);
              if (event.target.value.trim()) setReasonMissing(false);
            }}
          />
          {reasonMissing ? (
            <p id={ids.reasonError} className="ll-error" role="alert">
              {t('action.reasonRequired')}
            </p>
          ) : null}
          <div className="ll-row">
            <button type="submit" className="ll-button ll-primary" disabled={busy} data-action="return-submit">
              {t('action.returnSubmit')}
            </button>
            <button type="button" className="ll-button" onClick={() => setReturning(false)}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      <div role="status" className="ll-outbox" data-pending={pendingHere.length} data-failed={failedHere.length}>
        {message ? <p className="ll-muted">{message}</p> : null}
        {pendingHere.length > 0 ? (
          <p className="ll-muted">{t('action.pending', { count: pendingHere.length })}</p>
        ) : null}
        {outbox.paused ? <p className="ll-warning">{t('action.paused')}</p> : null}
      </div>
      {failure ? (
        <p className="ll-error" role="alert">
          {failure}
        </p>
      ) : null}
      {failedHere.length > 0 ? (
        <div className="ll-row">
          <p className="ll-error" role="alert">
            {t('action.failed', { count: failedHere.length, message: failedHere.at(-1)?.lastError ?? '' })}
          </p>
          {actions.retry ? (
            <button type="button" className="ll-button ll-small" onClick={() => void actions.retry?.()}>
              {t('action.retry')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
