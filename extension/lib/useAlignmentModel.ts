import { useEffect, useSyncExternalStore } from 'react';
import { onBackgroundPush } from './backgroundClient';
import { heldModel, loadModel, modelIsComing, subscribeToHeldModel } from './heldModel';
import type { ModelInfo } from './messages';

/**
 * The published model as the background holds it (definitions, glossary, personas for the
 * overlay's hover texts), re-read whenever a new version is published. Null until one is cached.
 *
 * Kept per page (see ./heldModel): a card for the next person starts with it, and when the
 * content script's first question already brings it, no `model/get` is sent at all.
 */
export function useAlignmentModel(): ModelInfo | null {
  const model = useSyncExternalStore(subscribeToHeldModel, () => heldModel() ?? null);
  useEffect(() => {
    if (heldModel() === undefined && !modelIsComing()) void loadModel();
    return onBackgroundPush((push) => {
      if (push.type === 'push/modelChanged' || push.type === 'push/connectionChanged') void loadModel();
    });
  }, []);
  return model;
}
