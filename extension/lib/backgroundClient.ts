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

/** The long-lived channel content scripts ask the background through (see `askOverPort`). */
export const QUESTION_PORT = 'leadlens-questions';

type Envelope = BackgroundEnvelope<unknown> | undefined;
type PortLike = ReturnType<typeof browser.runtime.connect>;

let port: PortLike | null = null;
/** False once connecting failed (no such API here): every question goes by `sendMessage`. */
let portUsable = true;
let nextQuestionId = 0;
const waitingOnPort = new Map<number, { request: unknown; resolve: (envelope: Envelope) => void }>();

function openPort(): PortLike | null {
  if (port) return port;
  if (!portUsable) return null;
  let opened: PortLike;
  try {
    opened = browser.runtime.connect({ name: QUESTION_PORT });
  } catch {
    portUsable = false;
    return null;
  }
  opened.onMessage.addListener((message: unknown) => {
    const { id, envelope } = message as { id?: unknown; envelope?: Envelope };
    if (typeof id !== 'number') return;
    const waiting = waitingOnPort.get(id);
    if (!waiting) return;
    waitingOnPort.delete(id);
    waiting.resolve(envelope);
  });
  opened.onDisconnect.addListener(() => {
    if (port === opened) port = null;
    // The background went away (a stopped service worker, an updated extension): questions still
    // open are asked again the ordinary way, which wakes the background.
    const open = [...waitingOnPort.values()];
    waitingOnPort.clear();
    for (const waiting of open) {
      (browser.runtime.sendMessage(waiting.request) as Promise<Envelope>).then(waiting.resolve, () =>
        waiting.resolve(undefined),
      );
    }
  });
  port = opened;
  return opened;
}

/**
 * Asks over one long-lived port instead of a `sendMessage` per question: a message channel is
 * opened, routed to the service worker and closed for every `sendMessage`, and on a busy page
 * each of those steps waits its turn (`npm run bench:overlay` puts that round trip at most of a
 * warm card's time). Used by content scripts (http/https pages); extension pages keep
 * `sendMessage`. Falls back to `sendMessage` when a port cannot be opened or breaks.
 */
function askOverPort(request: unknown): Promise<Envelope> | null {
  if (typeof location === 'undefined' || !/^https?:$/.test(location.protocol)) return null;
  const open = openPort();
  if (!open) return null;
  const id = ++nextQuestionId;
  return new Promise<Envelope>((resolve) => {
    waitingOnPort.set(id, { request, resolve });
    try {
      open.postMessage({ id, request });
    } catch {
      waitingOnPort.delete(id);
      if (port === open) port = null;
      (browser.runtime.sendMessage(request) as Promise<Envelope>).then(resolve, () => resolve(undefined));
    }
  });
}

/** Sends one request to the background and unwraps its answer; throws `BackgroundError` on failure. */
export async function sendToBackground<T extends BackgroundRequestType>(
  request: Extract<BackgroundRequest, { type: T }>,
): Promise<BackgroundResponses[T]> {
  const envelope = (await (askOverPort(request) ?? browser.runtime.sendMessage(request))) as
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
