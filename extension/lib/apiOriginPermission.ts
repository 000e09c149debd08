import { browser } from 'wxt/browser';

/** The match pattern covering one API origin, e.g. `https://leadlens.example.com/*`. */
export function apiOriginPattern(apiUrl: string): string {
  return `${new URL(apiUrl).origin}/*`;
}

/**
 * Asks the user to let the extension reach a self-hosted API origin. Browsers only show the
 * prompt during a user gesture, so the options page must call this directly from its
 * save/test click handler, before any other `await`.
 * Resolves true when the permission is (or already was) granted.
 */
export async function requestApiOriginPermission(apiUrl: string): Promise<boolean> {
  let origins: string[];
  try {
    origins = [apiOriginPattern(apiUrl)];
  } catch {
    return false;
  }
  try {
    return await browser.permissions.request({ origins });
  } catch {
    // The origin is outside the manifest's optional host permissions: the API must allow CORS instead.
    return false;
  }
}

/** True when the extension may already reach that origin without CORS. */
export async function hasApiOriginPermission(apiUrl: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [apiOriginPattern(apiUrl)] });
  } catch {
    return false;
  }
}
