import { type MessageKey, type MessageParams, t, type UiLocale } from '../i18n';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** "5 h 20 min", "42 min", "2 d 3 h" — coarse on purpose: an SLA is read at a glance. */
export function formatDuration(ms: number, locale: UiLocale): string {
  const total = Math.max(0, ms);
  const say = (key: MessageKey, params: MessageParams) => t(key, params, locale);
  if (total >= DAY_MS) {
    return say('duration.days', { d: Math.floor(total / DAY_MS), h: Math.floor((total % DAY_MS) / HOUR_MS) });
  }
  const hours = Math.floor(total / HOUR_MS);
  const minutes = Math.floor((total % HOUR_MS) / MINUTE_MS);
  if (hours === 0) return say('duration.minutes', { m: Math.max(minutes, total > 0 ? 1 : 0) });
  if (minutes === 0 || hours >= 10) return say('duration.hours', { h: hours });
  return say('duration.hoursMinutes', { h: hours, m: minutes });
}

/** "just now", "5 min ago" … for when data was fetched. */
export function formatAge(ms: number, locale: UiLocale): string {
  if (ms < MINUTE_MS) return t('age.justNow', undefined, locale);
  if (ms < HOUR_MS) return t('age.minutes', { count: Math.floor(ms / MINUTE_MS) }, locale);
  if (ms < DAY_MS) return t('age.hours', { count: Math.floor(ms / HOUR_MS) }, locale);
  return t('age.days', { count: Math.floor(ms / DAY_MS) }, locale);
}
