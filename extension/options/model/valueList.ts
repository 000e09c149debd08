/** One value of a comma-separated list as typed; `quoted` values stay text even when they look like numbers. */
export interface ListedValue {
  value: string;
  quoted: boolean;
}

/**
 * Splits what an admin typed into a list field: values separated by commas, surrounding spaces
 * ignored, and a value that itself contains a comma (an industry such as "Banking, financial
 * services") written in double quotes, with `""` for a quote inside. An unclosed quote runs to
 * the end, so the value is already there while it is being typed.
 */
export function splitValueList(raw: string): ListedValue[] {
  const values: ListedValue[] = [];
  let unquoted = '';
  let quotedText: string | null = null;
  let inQuotes = false;
  const endValue = () => {
    const value = quotedText !== null ? quotedText + unquoted.trim() : unquoted.trim();
    if (value !== '') values.push({ value, quoted: quotedText !== null });
    unquoted = '';
    quotedText = null;
  };
  for (let i = 0; i < raw.length; i++) {
    const character = raw[i] as string;
    if (inQuotes) {
      if (character !== '"') quotedText += character;
      else if (raw[i + 1] === '"') {
        quotedText += '"';
        i++;
      } else inQuotes = false;
    } else if (character === '"' && quotedText === null && unquoted.trim() === '') {
      inQuotes = true;
      quotedText = '';
      unquoted = '';
    } else if (character === ',') endValue();
    else unquoted += character;
  }
  endValue();
  return values;
}

const LOOKS_TYPED = /^(-?\d+(\.\d+)?|true|false)$/;

/** The list as `splitValueList` reads it back: quotes only where a value needs them. */
export function formatValueList(values: readonly unknown[]): string {
  return values
    .map((value) => {
      if (typeof value !== 'string') return String(value);
      const needsQuotes = /[",]/.test(value) || value !== value.trim() || LOOKS_TYPED.test(value);
      return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
    })
    .join(', ');
}
