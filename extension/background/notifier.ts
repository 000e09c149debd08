import { browser } from 'wxt/browser';
import type { BackgroundPush } from '../lib/messages';

/** How the background tells open pages that something changed (model, a lead, the outbox). */
export interface Notifier {
  broadcast(push: BackgroundPush): Promise<void>;
}

/**
 * Content scripts only hear `tabs.sendMessage`; the popup and options pages only hear
 * `runtime.sendMessage`. Tabs without our content script reject, which is expected.
 */
export function createBrowserNotifier(): Notifier {
  return {
    async broadcast(push) {
      const tabs = await browser.tabs.query({}).catch(() => []);
      const deliveries = tabs
        .filter((tab) => typeof tab.id === 'number' && tab.id >= 0)
        .map((tab) => swallow(() => browser.tabs.sendMessage(tab.id as number, push)));
      deliveries.push(swallow(() => browser.runtime.sendMessage(push)));
      await Promise.all(deliveries);
    },
  };
}

async function swallow(send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch {
    // No listener in that tab or page: nothing to update there.
  }
}
