import type { ConnectionTestResult } from '../../lib/messages';
import type { OptionsMessageKey, Translate } from '../i18n';

export type TestOutcome = 'ok' | 'invalid' | 'unreachable' | 'unauthorized' | 'forbidden' | 'error';

const ROLE_NAMES: Record<NonNullable<ConnectionTestResult['role']>, OptionsMessageKey> = {
  admin: 'role.admin',
  marketer: 'role.marketer',
  rep: 'role.rep',
  member: 'role.member',
};

/** What "test connection" found, in words: a headline and the details that help fix it. */
export function describeTestResult(
  result: ConnectionTestResult,
  t: Translate,
): { state: TestOutcome; headline: string; details: string[] } {
  if (result.ok) {
    const details = [
      t('connection.result.modelVersion', { version: result.modelVersion ?? 0 }),
      t('connection.result.role', { role: result.role ? t(ROLE_NAMES[result.role]) : t('role.unknown') }),
    ];
    return { state: 'ok', headline: t('connection.result.ok'), details };
  }
  const error = result.error;
  const message = error?.message ? [error.message] : [];
  if (error?.kind === 'invalid') return { state: 'invalid', headline: t('connection.result.invalid'), details: [] };
  if (error?.status === 401 || error?.kind === 'unauthorized')
    return { state: 'unauthorized', headline: t('connection.result.unauthorized'), details: message };
  if (error?.status === 403)
    return { state: 'forbidden', headline: t('connection.result.forbidden'), details: message };
  if (!result.reachable && (error?.kind === 'retryable' || error?.kind === 'not_found' || error?.status === null))
    return { state: 'unreachable', headline: t('connection.result.unreachable'), details: message };
  return { state: 'error', headline: t('connection.result.error'), details: message };
}
