import { type FormEvent, useEffect, useState } from 'react';
import { loadConnection, saveConnection } from '../../lib/connection';

type SaveState = 'idle' | 'saving' | 'saved' | 'error';

// Minimal connection settings; the extension engineer adds validation and the permission request.
export function ConnectionForm() {
  const [apiUrl, setApiUrl] = useState('');
  const [token, setToken] = useState('');
  const [state, setState] = useState<SaveState>('idle');

  useEffect(() => {
    loadConnection().then((connection) => {
      if (!connection) return;
      setApiUrl(connection.apiUrl);
      setToken(connection.token);
    });
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setState('saving');
    try {
      await saveConnection({ apiUrl: apiUrl.trim(), token: token.trim() });
      setState('saved');
    } catch {
      setState('error');
    }
  }

  return (
    <form onSubmit={onSubmit}>
      <h1>Leadlens connection</h1>
      <label>
        API URL
        <input name="apiUrl" type="url" value={apiUrl} onChange={(e) => setApiUrl(e.target.value)} />
      </label>
      <label>
        Token
        <input name="token" type="password" value={token} onChange={(e) => setToken(e.target.value)} />
      </label>
      <button type="submit" data-testid="save-connection" disabled={state === 'saving'}>
        Save
      </button>
      <output data-testid="connection-status" data-state={state}>
        {state === 'saved' ? 'Saved' : state === 'error' ? 'Could not save' : ''}
      </output>
    </form>
  );
}
