import { browser } from 'wxt/browser';
import { QUESTION_PORT } from '../lib/backgroundClient';
import { CONNECTION_KEYS } from '../lib/connection';
import { createMessageHandler } from './messageHandlers';
import {
  type BackgroundServiceOptions,
  type BackgroundServices,
  createBackgroundServices,
  describeConnection,
} from './services';
import { backgroundStepLog, wallNow } from './stepLog';

export const MODEL_SYNC_ALARM = 'leadlens-model-sync';
export const OUTBOX_ALARM = 'leadlens-outbox';
/** 30 s (the shortest period Chrome allows) keeps a published model under a minute from every tab. */
export const MODEL_SYNC_PERIOD_MINUTES = 0.5;
// While the worker is alive, short retries use a timer; the alarm is the fallback that survives a stop.
const MAX_TIMER_WAKE_MS = 60_000;

/**
 * Starts the background: message handling, model sync, outbox delivery. Listeners are added
 * synchronously because an MV3 service worker only receives events whose listeners were
 * registered in its first turn.
 */
export function startBackground(options: BackgroundServiceOptions = {}): BackgroundServices {
  let outboxTimer: ReturnType<typeof setTimeout> | undefined;
  const services = createBackgroundServices({
    ...options,
    scheduleOutboxWake:
      options.scheduleOutboxWake ??
      ((at) => {
        const delay = Math.max(0, at - services.now());
        browser.alarms.create(OUTBOX_ALARM, { when: at });
        if (delay <= MAX_TIMER_WAKE_MS) {
          clearTimeout(outboxTimer);
          outboxTimer = setTimeout(() => void services.outbox.drain(), delay);
        }
      }),
  });
  const handleMessage = createMessageHandler(services, browser.runtime.getURL('/'));

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const answer = handleMessage(message, sender);
    if (!answer) return undefined;
    // Chrome wants sendResponse plus `true`; where no sendResponse is given, a promise is the answer.
    if (typeof sendResponse === 'function') {
      answer.then(sendResponse);
      return true;
    }
    return answer;
  });

  listenForQuestionPorts(handleMessage);

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === MODEL_SYNC_ALARM) {
      void services.modelSync.sync().catch(() => undefined);
      void services.insights.evictExpired().catch(() => undefined);
      // The same tick retries queued writes, in case the network came back before their own alarm.
      void services.outbox.drain();
    } else if (alarm.name === OUTBOX_ALARM) {
      void services.outbox.drain();
    }
  });

  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !CONNECTION_KEYS.some((key) => key in changes)) return;
    void onConnectionSaved(services, 'apiUrl' in changes);
  });

  void ensureAlarm();
  // Cached leads past their maximum age go even while the API is unreachable.
  void services.insights.evictExpired().catch(() => undefined);
  void services.modelSync.sync().catch(() => undefined);
  void services.outbox.drain();
  return services;
}

/** A new URL or token: forget the refusal, resync, resume the outbox, tell pages. */
async function onConnectionSaved(services: BackgroundServices, apiUrlChanged: boolean): Promise<void> {
  await services.authState.clear();
  services.insights.forgetFailures();
  // Another API means another company's leads and model: none of the cache applies.
  if (apiUrlChanged) {
    await services.db.transaction('rw', services.db.leads, services.db.model, async () => {
      await services.db.leads.clear();
      await services.db.model.clear();
    });
    // After the tables are empty, so no read in between brings an old row back into memory.
    services.insights.forgetHeldRows();
    services.modelSync.forgetHeld();
  }
  await services.modelSync.sync().catch(() => undefined);
  await services.notifier.broadcast({ type: 'push/connectionChanged', status: await describeConnection(services) });
  await services.outbox.drain();
}

async function ensureAlarm(): Promise<void> {
  // Re-creating an existing alarm restarts its period, which frequent worker restarts could starve.
  const existing = await browser.alarms.get(MODEL_SYNC_ALARM);
  if (!existing) {
    browser.alarms.create(MODEL_SYNC_ALARM, {
      periodInMinutes: MODEL_SYNC_PERIOD_MINUTES,
      delayInMinutes: MODEL_SYNC_PERIOD_MINUTES,
    });
  }
}

/**
 * Content scripts ask over one long-lived port (see `askOverPort`): same handler, same checks
 * (the port's sender is the page, as for a message), answers matched by the question's id.
 */
function listenForQuestionPorts(handleMessage: ReturnType<typeof createMessageHandler>): void {
  try {
    browser.runtime.onConnect.addListener((port) => {
      if (port.name !== QUESTION_PORT) return;
      port.onMessage.addListener((message: unknown) => {
        const { id, request } = (message ?? {}) as { id?: unknown; request?: unknown };
        if (typeof id !== 'number') return;
        const steps = backgroundStepLog();
        const received = steps ? wallNow() : 0;
        // Not a request (a push shape, a foreign message): answered with nothing, so the page stops waiting.
        const answer = handleMessage(request, port.sender ?? {}) ?? Promise.resolve(undefined);
        void answer.then((envelope) => {
          const ready = steps ? wallNow() : 0;
          try {
            port.postMessage({ id, envelope });
          } catch {
            // The page went away before its answer: nothing to deliver.
          }
          const type = (request as { type?: unknown } | undefined)?.type;
          steps?.push({ type: String(type), received, ready, posted: wallNow() });
        });
      });
    });
  } catch {
    // No ports here (test fakes): pages fall back to one message per question.
  }
}
