import { browser } from 'wxt/browser';
import type {
  BackgroundEnvelope,
  BackgroundPush,
  BackgroundRequest,
  BackgroundRequestType,
  BackgroundResponses,
} from './messages';

/*
 * How pages (content scripts, popup, options) talk to the background. Kept apart from the
 * request schemas in ./messages: a content script runs on every page load of the supported
 * sites, and evaluating zod schemas there would cost each of those pages main-thread time for
 * validation that only the background does. Import types from ./messages, functions from here.
 */

const PUSH_TYPES = new Set<BackgroundPush['type']>([
  'push/modelChanged',
  'push/insightChanged',
  'push/outboxChanged',
  'push/connectionChanged',
]);

export function isBackgroundPush(message: unknown): message is BackgroundPush {
  return (
    typeof message === 'object' &&
    message !== null &&
    PUSH_TYPES.has((message as { type?: unknown }).type as BackgroundPush['type'])
  );
}

export class BackgroundError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BackgroundError';
  }
}

/** Sends one request to the background and unwraps its answer; throws `BackgroundError` on failure. */
export async function sendToBackground<T extends BackgroundRequestType>(
  request: Extract<BackgroundRequest, { type: T }>,
): Promise<BackgroundResponses[T]> {
  const envelope = (await browser.runtime.sendMessage(request)) as
    | BackgroundEnvelope<BackgroundResponses[T]>
    | undefined;
  if (!envelope) throw new BackgroundError('no_answer', 'The Leadlens background did not answer.');
  if (!envelope.ok) throw new BackgroundError(envelope.error.code, envelope.error.message);
  return envelope.data;
}

/** Listens for background pushes; returns the function that stops listening. */
export function onBackgroundPush(listener: (push: BackgroundPush) => void): () => void {
  const handle = (message: unknown) => {
    if (isBackgroundPush(message)) listener(message);
    // Returning nothing: pushes need no answer, and other listeners stay free to answer requests.
  };
  browser.runtime.onMessage.addListener(handle);
  return () => browser.runtime.onMessage.removeListener(handle);
}
