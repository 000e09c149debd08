/** Longest text the card shows of any page or model string; CSS ellipsis handles the width. */
export const MAX_DISPLAY_CHARS = 160;

/**
 * At most `max` characters (code points, so an emoji or a surrogate pair is never cut in half),
 * with an ellipsis when cut.
 */
export function truncate(text: string, max: number = MAX_DISPLAY_CHARS): string {
  const characters = Array.from(text);
  if (characters.length <= max) return text;
  return `${characters.slice(0, Math.max(0, max - 1)).join('')}…`;
}
