import { sendToBackground } from './backgroundClient';
import type { ModelInfo } from './messages';

/*
 * The published model as this page last heard it from the background, shared by the card
 * (`useAlignmentModel`) and the content script's first question (`prefetchInsight`), which asks
 * for the model in the same message as the person's data: the card's first data render then has
 * the model's labels and definitions, instead of re-rendering when a separate `model/get`
 * answers a moment later (one message and one render of the whole card less per page load).
 */

/** undefined: not heard yet; null: the background has no model. */
let held: ModelInfo | null | undefined;
/** Questions under way that will bring the model with their answer. */
let coming = 0;
const listeners = new Set<() => void>();

/** What identifies a model the background may send: re-sent only when this differs. */
export interface ModelStamp {
  version: number;
  fetchedAt: number;
}

export function heldModel(): ModelInfo | null | undefined {
  return held;
}

export function heldModelStamp(): ModelStamp | null {
  return held ? { version: held.version, fetchedAt: held.fetchedAt } : null;
}

/** Keeps `info` (the same object as before when it is the same model, so nothing re-renders for it). */
export function holdModel(info: ModelInfo | null): void {
  if (info === held) return;
  if (info && held && info.version === held.version && info.fetchedAt === held.fetchedAt) return;
  held = info;
  for (const listener of listeners) listener();
}

export function subscribeToHeldModel(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** A question that brings the model is under way (see `modelIsComing`); returns its end. */
export function expectModel(): () => void {
  coming += 1;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    coming -= 1;
  };
}

/** Whether an answer under way will bring the model, so asking for it separately would be a second message. */
export function modelIsComing(): boolean {
  return coming > 0;
}

/** Forgets the held model (tests; a content script being torn down). */
export function forgetHeldModel(): void {
  held = undefined;
  coming = 0;
  for (const listener of listeners) listener();
}

/** Asks the background for its model now and holds the answer. */
export function loadModel(): Promise<void> {
  return sendToBackground({ type: 'model/get' })
    .then(holdModel)
    .catch(() => undefined);
}
