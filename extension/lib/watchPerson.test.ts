import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PagePeople, SiteAdapter } from '../adapters';
import { watchPerson } from './watchPerson';

/** A site whose person is the `[data-person]` element's email. */
function fakeAdapter(): SiteAdapter & { keyCalls: number; extractCalls: number } {
  const adapter = {
    keyCalls: 0,
    extractCalls: 0,
    id: 'linkedin' as const,
    matches: () => true,
    personKey(doc: Document) {
      adapter.keyCalls++;
      return doc.querySelector('[data-person]')?.getAttribute('data-person') ?? null;
    },
    extract(doc: Document): PagePeople {
      adapter.extractCalls++;
      const email = doc.querySelector('[data-person]')?.getAttribute('data-person');
      return email ? { primary: { role: 'profile', facts: { email } }, others: [] } : { primary: null, others: [] };
    },
    anchor: () => null,
  };
  return adapter;
}

/** A page showing one person: `<main><h1 data-person="…">`. */
function showPerson(email: string) {
  const main = document.createElement('main');
  const heading = document.createElement('h1');
  heading.dataset.person = email;
  heading.textContent = email;
  main.append(heading);
  document.body.replaceChildren(main);
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchPerson', () => {
  let stop: (() => void) | undefined;
  /** Watches a fake site; `seen` collects the primary person's email at each report. */
  function startWatching(throttleMs: number) {
    const adapter = fakeAdapter();
    const seen: (string | undefined)[] = [];
    stop = watchPerson({ adapter, throttleMs, onChange: (people) => seen.push(people.primary?.facts.email) }).stop;
    return { adapter, seen };
  }
  afterEach(() => {
    stop?.();
    document.body.replaceChildren();
  });

  it('reports the person at start, again when single-page navigation swaps the person, not for other changes', async () => {
    showPerson('a@x.example');
    const { adapter, seen } = startWatching(20);
    expect(seen).toEqual(['a@x.example']);

    // Unrelated DOM churn (a feed updating): the key is looked at, nothing is reported.
    for (let i = 0; i < 20; i++) document.body.append(document.createElement('span'));
    await tick(60);
    expect(seen).toEqual(['a@x.example']);
    // Twenty mutations cost one throttled key lookup, and no extraction.
    expect(adapter.keyCalls).toBeLessThanOrEqual(3);
    expect(adapter.extractCalls).toBe(1);

    history.pushState({}, '', '/in/b/');
    (document.querySelector('h1') as HTMLElement).setAttribute('data-person', 'b@x.example');
    await tick(60);
    expect(seen).toEqual(['a@x.example', 'b@x.example']);

    document.querySelector('main')?.remove();
    await tick(60);
    expect(seen).toEqual(['a@x.example', 'b@x.example', undefined]);
  });

  it('looks at the first DOM change after a quiet period at once, and at later bursts once per throttle period', async () => {
    const { adapter, seen } = startWatching(200);
    expect(seen).toEqual([undefined]);

    // The person appears: seen by the observer's own callback, not after a debounce.
    showPerson('a@x.example');
    await tick(0);
    expect(seen).toEqual([undefined, 'a@x.example']);

    // Within the throttle period: the next person is seen when the period ends, not before.
    const calls = adapter.keyCalls;
    showPerson('b@x.example');
    showPerson('c@x.example');
    await tick(20);
    expect(seen).toEqual([undefined, 'a@x.example']);
    await tick(250);
    expect(seen).toEqual([undefined, 'a@x.example', 'c@x.example']);
    expect(adapter.keyCalls - calls).toBe(1);
  });

  it('looks at once, even within a throttle period, when the DOM changes under a new address (in-place navigation)', async () => {
    const { seen } = startWatching(10_000);
    showPerson('a@x.example');
    await Promise.resolve();
    expect(seen).toEqual([undefined, 'a@x.example']);

    // Within the throttle period, same address: waits.
    showPerson('b@x.example');
    await Promise.resolve();
    expect(seen).toEqual([undefined, 'a@x.example']);

    // A router's navigation: new person and new address in one task, seen in the observer's microtask.
    const before = location.href;
    try {
      showPerson('c@x.example');
      history.pushState({}, '', '/in/next-person');
      await Promise.resolve();
      expect(seen).toEqual([undefined, 'a@x.example', 'c@x.example']);
    } finally {
      history.replaceState({}, '', before);
    }
  });

  it('looks again on back/forward (popstate) and hash changes', async () => {
    showPerson('a@x.example');
    const adapter = fakeAdapter();
    const onChange = vi.fn();
    const watcher = watchPerson({ adapter, throttleMs: 10_000, onChange });
    stop = watcher.stop;
    const calls = adapter.keyCalls;
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await tick(10);
    expect(adapter.keyCalls).toBeGreaterThan(calls);
  });

  it('stops looking once stopped', async () => {
    showPerson('a@x.example');
    const adapter = fakeAdapter();
    const onChange = vi.fn();
    const watcher = watchPerson({ adapter, throttleMs: 10, onChange });
    watcher.stop();
    (document.querySelector('h1') as HTMLElement).setAttribute('data-person', 'b@x.example');
    await tick(40);
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});
