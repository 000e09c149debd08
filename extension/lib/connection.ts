import { browser } from 'wxt/browser';

/** Where the extension finds the Leadlens API and how it authenticates. */
export interface Connection {
  apiUrl: string;
  token: string;
}

// Two top-level keys (not one object) so e2e tests and the background can watch each on its own.
export const CONNECTION_KEYS = ['apiUrl', 'token'] as const;

export async function loadConnection(): Promise<Connection | null> {
  const stored = await browser.storage.local.get([...CONNECTION_KEYS]);
  const { apiUrl, token } = stored as Partial<Record<(typeof CONNECTION_KEYS)[number], unknown>>;
  if (typeof apiUrl !== 'string' || typeof token !== 'string' || apiUrl === '' || token === '') return null;
  return { apiUrl, token };
}

export async function saveConnection(connection: Connection): Promise<void> {
  await browser.storage.local.set({ apiUrl: connection.apiUrl, token: connection.token });
}

export async function clearConnection(): Promise<void> {
  await browser.storage.local.remove([...CONNECTION_KEYS]);
}
