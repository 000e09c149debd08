import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundPush } from '../../lib/messages';
import { LeadlensDb } from '../db';
import { type BackgroundServices, createBackgroundServices } from '../services';
import { API_URL, type FakeApi } from './fakeApi';

export interface TestBackground {
  services: BackgroundServices;
  pushes: BackgroundPush[];
  /** Times the outbox asked to be woken at. */
  wakes: number[];
  clock: { now: number };
  dbName: string;
}

/** Saves a connection the way the options page does. */
export async function saveTestConnection(token: string, apiUrl = API_URL): Promise<void> {
  await fakeBrowser.storage.local.set({ apiUrl, token });
}

/**
 * Background services over a fresh IndexedDB database, the fake API, a settable clock and a
 * recording notifier. Pass `dbName` to build a second instance over the same database, as a
 * restarted service worker would.
 */
export function createTestBackground(api: FakeApi, dbName = `leadlens-test-${crypto.randomUUID()}`): TestBackground {
  const clock = { now: api.now() };
  api.now = () => clock.now;
  const pushes: BackgroundPush[] = [];
  const wakes: number[] = [];
  const services = createBackgroundServices({
    db: new LeadlensDb(dbName),
    fetch: api.fetch,
    now: () => clock.now,
    notifier: {
      broadcast: async (push) => {
        pushes.push(push);
      },
    },
    scheduleOutboxWake: (at) => wakes.push(at),
    random: () => 0.5,
  });
  return { services, pushes, wakes, clock, dbName };
}

/** Lets queued promise callbacks and IndexedDB work run (fake-indexeddb settles on timers). */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
