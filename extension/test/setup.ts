import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearPrefetchedInsights } from '../lib/insightPrefetch';

// Vitest globals are off, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  // Per-page state of the content script (prefetched answers, the held model) belongs to one test.
  clearPrefetchedInsights();
  fakeBrowser.reset();
});
