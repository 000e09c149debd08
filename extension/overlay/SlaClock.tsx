import type { ScoreResult } from '../../shared';
import { useT, useUiLocale } from '../i18n';
import { formatDuration } from './duration';

export interface SlaClockProps {
  sla: NonNullable<ScoreResult['sla']>;
  /** The card's clock (ms since epoch); ticking it re-renders the countdown. */
  now: number;
}

/** "Follow up within 24 h — 5 h left", counting down; red once the due time passed without a touch. */
export function SlaClock({ sla, now }: SlaClockProps) {
  const t = useT();
  const locale = useUiLocale();
  const dueAt = Date.parse(sla.dueAt);
  const hours = Number.isInteger(sla.hours) ? sla.hours : Number(sla.hours.toFixed(1));
  if (sla.met) {
    return (
      <span className="ll-sla" data-sla="met">
        {t('sla.met', { hours })}
      </span>
    );
  }
  // The score may have been computed a while ago: the clock, not the stored flag, says if it is late now.
  const breached = sla.breached || now >= dueAt;
  return (
    <span className={breached ? 'll-sla ll-sla-breached' : 'll-sla'} data-sla={breached ? 'breached' : 'running'}>
      {breached
        ? t('sla.breached', { hours, over: formatDuration(now - dueAt, locale) })
        : t('sla.due', { hours, left: formatDuration(dueAt - now, locale) })}
    </span>
  );
}
