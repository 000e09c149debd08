import { useEffect, useState } from 'react';
import { type ConnectionStatus, onBackgroundPush, sendToBackground } from './messages';

/**
 * Whether Leadlens is connected (for the popup and options): `unconfigured`, `connected` or
 * `unauthorized` (reconnect), with the API origin and model version. Never the token.
 */
export function useConnectionStatus(): ConnectionStatus | null {
  const [status, setStatus] = useState<ConnectionStatus | null>(null);
  useEffect(() => {
    let live = true;
    sendToBackground({ type: 'connection/status' })
      .then((answer) => live && setStatus(answer))
      .catch(() => undefined);
    const stop = onBackgroundPush((push) => {
      if (push.type === 'push/connectionChanged') setStatus(push.status);
    });
    return () => {
      live = false;
      stop();
    };
  }, []);
  return status;
}
