import { MAX_DISPLAY_CHARS, truncate } from './truncate';

export interface PlainTextProps {
  value: string;
  max?: number;
  className?: string;
}

/**
 * Text from a page or the model: always a React text node (never markup), capped in length,
 * isolated from the surrounding direction (`dir="auto"` + `unicode-bidi: isolate` in the CSS)
 * so a name with bidi overrides cannot reorder the card's own labels. The full text is the title.
 */
export function PlainText({ value, max = MAX_DISPLAY_CHARS, className }: PlainTextProps) {
  const shown = truncate(value, max);
  return (
    <span
      dir="auto"
      className={className ? `ll-text ${className}` : 'll-text'}
      title={shown === value ? undefined : value}
    >
      {shown}
    </span>
  );
}
