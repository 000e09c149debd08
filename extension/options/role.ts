import type { ApiCallResult } from '../lib/messages';
import type { OptionsApi } from './api';

/** Who the saved token belongs to, as far as the API lets us tell. */
export type TokenRole = 'admin' | 'marketer' | 'rep' | 'member';

/**
 * The API has no "who am I" route, so the role is inferred from the admin-only token list:
 * 200 → admin; a 403 names the token's role in its detail ("… the token "x" has marketer"),
 * else the token is some non-admin `member`. Null when the call could not tell (offline, 401).
 */
export async function detectRole(api: OptionsApi): Promise<TokenRole | null> {
  return roleFromTokenListAnswer(await api.call('GET', '/v1/tokens'));
}

export function roleFromTokenListAnswer(result: ApiCallResult): TokenRole | null {
  if (result.ok) return 'admin';
  if (result.status !== 403) return null;
  const named = /\bhas (rep|marketer)\b/.exec(result.message ?? '')?.[1];
  return named === 'rep' || named === 'marketer' ? named : 'member';
}
