import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { loadConnection, saveConnection } from './connection';

describe('connection settings', () => {
  it('is absent until saved', async () => {
    expect(await loadConnection()).toBeNull();
  });

  it('reads back what was saved to extension storage', async () => {
    await saveConnection({ apiUrl: 'https://leadlens.example.com', token: 'tok_1' });
    expect(await loadConnection()).toEqual({ apiUrl: 'https://leadlens.example.com', token: 'tok_1' });
  });

  it('ignores a malformed stored value instead of returning half a connection', async () => {
    await browser.storage.local.set({ apiUrl: 'https://leadlens.example.com' });
    expect(await loadConnection()).toBeNull();
  });
});
