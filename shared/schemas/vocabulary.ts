/*
 * Fixed value lists, kept free of zod: the content script (which runs on every page load of the
 * five sites and carries no schema library) imports them directly; the schemas build their
 * enums from them, so each list is written once.
 */

/** How a rep tried to reach a lead. */
export const ATTEMPT_CHANNELS = ['email', 'phone', 'linkedin', 'meeting', 'sms', 'other'] as const;
