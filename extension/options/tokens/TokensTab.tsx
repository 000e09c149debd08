import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import type { Role, TokenInfo } from '../../../shared';
import { useUiLocale } from '../../i18n';
import { ApiCallError, callOrThrow, useOptionsApi } from '../api';
import { type OptionsMessageKey, useOt } from '../i18n';

const ROLES: readonly Role[] = ['rep', 'marketer', 'admin'];
const ROLE_LABELS: Record<Role, OptionsMessageKey> = {
  rep: 'role.rep',
  marketer: 'role.marketer',
  admin: 'role.admin',
};

interface CreatedToken {
  id: string;
  name: string;
  role: Role;
  token: string;
}

/** Named API tokens: create one with a role (its secret is shown once), list them, revoke. */
export function TokensTab() {
  const t = useOt();
  const locale = useUiLocale();
  const api = useOptionsApi();
  const id = useId();
  const [tokens, setTokens] = useState<TokenInfo[] | null>(null);
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('rep');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [copied, setCopied] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const { body } = await callOrThrow<{ tokens: TokenInfo[] }>(
        api,
        'GET',
        `/v1/tokens${includeRevoked ? '?includeRevoked=true' : ''}`,
      );
      setTokens(body.tokens);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }, [api, includeRevoked]);

  useEffect(() => {
    void load();
  }, [load]);

  async function create(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') return;
    setProblem(null);
    setCopied(false);
    try {
      const { body } = await callOrThrow<CreatedToken>(api, 'POST', '/v1/tokens', {
        body: { name: name.trim(), role },
      });
      setCreated(body);
      setName('');
      await load();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  async function revoke(token: TokenInfo) {
    if (!globalThis.confirm(t('tokens.confirmRevoke', { name: token.name }))) return;
    const result = await api.call('DELETE', `/v1/tokens/${encodeURIComponent(token.id)}`);
    if (!result.ok) setProblem(new ApiCallError(result).message);
    await load();
  }

  async function copy() {
    if (!created) return;
    await navigator.clipboard.writeText(created.token);
    setCopied(true);
  }

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('tokens.title')}</h2>
      <form className="row" onSubmit={create}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('tokens.name')}</label>
          <input
            id={`${id}-name`}
            type="text"
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('tokens.role')}</label>
          <select id={`${id}-role`} value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(ROLE_LABELS[r])}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={name.trim() === ''}>
          {t('tokens.create')}
        </button>
      </form>
      {created ? (
        <div className="created-token" data-testid="created-token" role="status">
          <p>{t('tokens.shownOnce', { name: created.name })}</p>
          <label htmlFor={`${id}-secret`}>{t('tokens.secret')}</label>
          <input
            id={`${id}-secret`}
            type="text"
            readOnly
            value={created.token}
            onFocus={(event) => event.target.select()}
          />
          <button type="button" onClick={() => void copy()}>
            {copied ? t('tokens.copied') : t('tokens.copy')}
          </button>
        </div>
      ) : null}
      {problem ? <p className="problem">{problem}</p> : null}
      <div className="field checkbox">
        <input
          id={`${id}-revoked`}
          type="checkbox"
          checked={includeRevoked}
          onChange={(event) => setIncludeRevoked(event.target.checked)}
        />
        <label htmlFor={`${id}-revoked`}>{t('tokens.includeRevoked')}</label>
      </div>
      {tokens ? (
        <table data-testid="token-list">
          <thead>
            <tr>
              <th scope="col">{t('tokens.name')}</th>
              <th scope="col">{t('tokens.role')}</th>
              <th scope="col">{t('tokens.createdAt')}</th>
              <th scope="col">{t('tokens.lastUsed')}</th>
              <th scope="col">{t('tokens.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} data-token-id={token.id} data-revoked={token.revokedAt !== null}>
                <th scope="row">{token.name}</th>
                <td>{t(ROLE_LABELS[token.role])}</td>
                <td>{new Date(token.createdAt).toLocaleString(locale)}</td>
                <td>{token.lastUsedAt ? new Date(token.lastUsedAt).toLocaleString(locale) : '—'}</td>
                <td>
                  {token.revokedAt ? (
                    t('tokens.revokedAt', { when: new Date(token.revokedAt).toLocaleString(locale) })
                  ) : (
                    <button type="button" className="danger" onClick={() => void revoke(token)}>
                      {t('tokens.revoke', { name: token.name })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
