import { type FormEvent, useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { LANGUAGE_STORAGE_KEY, SUPPORTED_LOCALES } from '../../i18n';
import { requestApiOriginPermission } from '../../lib/apiOriginPermission';
import { loadConnection, saveConnection } from '../../lib/connection';
import type { ConnectionTestResult } from '../../lib/messages';
import { useOptionsApi } from '../api';
import { type OptionsMessageKey, useOt } from '../i18n';
import { describeTestResult } from './testResult';

type SaveState = 'idle' | 'saving' | 'saved' | 'error';
type TestState = { phase: 'idle' } | { phase: 'testing' } | { phase: 'done'; result: ConnectionTestResult };

const LANGUAGE_CHOICES = ['auto', ...SUPPORTED_LOCALES] as const;
const LANGUAGE_NAMES: Record<(typeof LANGUAGE_CHOICES)[number], OptionsMessageKey> = {
  auto: 'connection.languageAuto',
  en: 'language.en',
  ja: 'language.ja',
  it: 'language.it',
  ar: 'language.ar',
};

/**
 * Where the API is and which token to use, a live check of both, the UI language and
 * "disconnect". Saving asks for the API origin's host permission straight from the click,
 * because browsers only prompt during a user gesture.
 */
export function ConnectionTab(props: { onConnectionChanged?: () => void }) {
  const { onConnectionChanged } = props;
  const t = useOt();
  const api = useOptionsApi();
  const ids = useId();
  const [apiUrl, setApiUrl] = useState('');
  const [token, setToken] = useState('');
  const [save, setSave] = useState<SaveState>('idle');
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const [permissionDenied, setPermissionDenied] = useState(false);
  const [test, setTest] = useState<TestState>({ phase: 'idle' });
  const [language, setLanguage] = useState<string>('auto');
  const [disconnected, setDisconnected] = useState(false);

  useEffect(() => {
    let live = true;
    loadConnection().then((connection) => {
      if (!live || !connection) return;
      setApiUrl(connection.apiUrl);
      setToken(connection.token);
    });
    browser.storage.local.get(LANGUAGE_STORAGE_KEY).then((stored) => {
      const value = stored[LANGUAGE_STORAGE_KEY];
      if (live && typeof value === 'string' && (LANGUAGE_CHOICES as readonly string[]).includes(value))
        setLanguage(value);
    });
    return () => {
      live = false;
    };
  }, []);

  function validUrl(value: string): boolean {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const url = apiUrl.trim();
    const secret = token.trim();
    if (!validUrl(url) || secret === '') {
      setSave('error');
      setSaveProblem(t(validUrl(url) ? 'connection.tokenRequired' : 'connection.urlInvalid'));
      return;
    }
    // First thing in the click: the prompt needs the user gesture. Not awaited before saving,
    // since the API answers CORS anyway; the permission only spares the preflight.
    const permission = requestApiOriginPermission(url);
    setSave('saving');
    setSaveProblem(null);
    try {
      await saveConnection({ apiUrl: url, token: secret });
      setSave('saved');
      setDisconnected(false);
      onConnectionChanged?.();
    } catch (error) {
      setSave('error');
      setSaveProblem(error instanceof Error ? error.message : String(error));
    }
    setPermissionDenied(!(await permission));
  }

  async function onTest() {
    const url = apiUrl.trim();
    const secret = token.trim();
    if (!validUrl(url) || secret === '') {
      setTest({
        phase: 'done',
        result: {
          ok: false,
          reachable: false,
          authorized: false,
          modelVersion: null,
          role: null,
          error: { kind: 'invalid', message: '', status: null },
        },
      });
      return;
    }
    void requestApiOriginPermission(url);
    setTest({ phase: 'testing' });
    try {
      setTest({ phase: 'done', result: await api.testConnection(url, secret) });
    } catch (error) {
      setTest({
        phase: 'done',
        result: {
          ok: false,
          reachable: false,
          authorized: false,
          modelVersion: null,
          role: null,
          error: { kind: 'error', message: error instanceof Error ? error.message : String(error), status: null },
        },
      });
    }
  }

  async function onLanguage(value: string) {
    setLanguage(value);
    if (value === 'auto') await browser.storage.local.remove(LANGUAGE_STORAGE_KEY);
    else await browser.storage.local.set({ [LANGUAGE_STORAGE_KEY]: value });
  }

  async function onDisconnect() {
    await api.disconnect();
    setToken('');
    setSave('idle');
    setTest({ phase: 'idle' });
    setDisconnected(true);
    onConnectionChanged?.();
  }

  const described = test.phase === 'done' ? describeTestResult(test.result, t) : null;

  return (
    <section aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('connection.title')}</h2>
      <form onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={`${ids}-url`}>{t('connection.apiUrl')}</label>
          <input
            id={`${ids}-url`}
            name="apiUrl"
            type="url"
            inputMode="url"
            autoComplete="url"
            placeholder="https://leadlens.example.com"
            value={apiUrl}
            onChange={(event) => setApiUrl(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-token`}>{t('connection.token')}</label>
          <input
            id={`${ids}-token`}
            name="token"
            type="password"
            autoComplete="off"
            value={token}
            onChange={(event) => setToken(event.target.value)}
          />
        </div>
        <div className="row">
          <button type="submit" data-testid="save-connection" disabled={save === 'saving'}>
            {t('connection.save')}
          </button>
          <button type="button" data-testid="test-connection" onClick={onTest} disabled={test.phase === 'testing'}>
            {t('connection.test')}
          </button>
          <button type="button" data-testid="disconnect" onClick={onDisconnect}>
            {t('connection.disconnect')}
          </button>
        </div>
        <output data-testid="connection-status" data-state={save} aria-live="polite">
          {save === 'saved'
            ? t('connection.saved')
            : save === 'saving'
              ? t('connection.saving')
              : save === 'error'
                ? (saveProblem ?? t('connection.saveFailed'))
                : disconnected
                  ? t('connection.disconnected')
                  : ''}
        </output>
        {permissionDenied && save === 'saved' ? <p className="hint">{t('connection.permissionDenied')}</p> : null}
      </form>

      <div data-testid="connection-test-result" data-result={described?.state ?? test.phase} aria-live="polite">
        {test.phase === 'testing' ? <p>{t('connection.testing')}</p> : null}
        {described ? (
          <div className={described.state === 'ok' ? 'result ok' : 'result problem'}>
            <p>
              <strong>{described.headline}</strong>
            </p>
            {described.details.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        ) : null}
      </div>

      <div className="field">
        <label htmlFor={`${ids}-language`}>{t('connection.language')}</label>
        <select
          id={`${ids}-language`}
          name="language"
          value={language}
          onChange={(event) => void onLanguage(event.target.value)}
        >
          {LANGUAGE_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(LANGUAGE_NAMES[choice])}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
