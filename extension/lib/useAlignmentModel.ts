import { useEffect, useState } from 'react';
import { onBackgroundPush, sendToBackground } from './backgroundClient';
import type { ModelInfo } from './messages';

/**
 * The published model as the background holds it (definitions, glossary, personas for the
 * overlay's hover texts), re-read whenever a new version is published. Null until one is cached.
 */
export function useAlignmentModel(): ModelInfo | null {
  const [model, setModel] = useState<ModelInfo | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      sendToBackground({ type: 'model/get' })
        .then((info) => live && setModel(info))
        .catch(() => undefined);
    void load();
    const stop = onBackgroundPush((push) => {
      if (push.type === 'push/modelChanged' || push.type === 'push/connectionChanged') void load();
    });
    return () => {
      live = false;
      stop();
    };
  }, []);
  return model;
}
