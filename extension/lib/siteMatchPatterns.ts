/**
 * Match patterns of the five supported sites: the content script's matches and the manifest's
 * host permissions are this one list, so the extension never asks for a host it does not use.
 */
export const SITE_MATCH_PATTERNS = [
  '*://mail.google.com/*',
  '*://outlook.office.com/*',
  '*://outlook.live.com/*',
  '*://www.linkedin.com/*',
  '*://app.hubspot.com/*',
  '*://*.lightning.force.com/*',
];
