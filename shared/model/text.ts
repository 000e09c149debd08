import type { LocalizedText } from '../schemas/common';

/** Admin text in English, Japanese and, where written, Italian and Arabic. */
export function text(en: string, ja: string, it?: string, ar?: string): LocalizedText {
  const result: LocalizedText = { en, ja };
  if (it !== undefined) result.it = it;
  if (ar !== undefined) result.ar = ar;
  return result;
}
