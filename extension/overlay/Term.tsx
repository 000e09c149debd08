import { type ReactNode, useId, useState } from 'react';
import { truncate } from './truncate';

export interface TermProps {
  /** What the card shows (a label, or a value such as a stage name). */
  children: ReactNode;
  /** The agreed definition from the model; without one the label is plain text. */
  definition: string | null | undefined;
  className?: string;
}

// Definitions are admin text: long ones are cut so the tooltip stays readable.
const MAX_DEFINITION_CHARS = 600;

/**
 * A label whose definition shows on hover and on keyboard focus, as a `role="tooltip"` the
 * label points to with `aria-describedby` (screen readers read it with the label). Escape hides it.
 */
export function Term({ children, definition, className }: TermProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const classes = className ? `ll-term ${className}` : 'll-term';
  if (!definition) return <span className={className}>{children}</span>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so keyboard users can read the definition
    <span
      className={classes}
      tabIndex={0}
      aria-describedby={id}
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
      onFocus={() => setOpen(true)}
      onBlur={() => setOpen(false)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
        }
      }}
    >
      {children}
      <span role="tooltip" id={id} className="ll-tooltip" dir="auto" hidden={!open}>
        {truncate(definition, MAX_DEFINITION_CHARS)}
      </span>
    </span>
  );
}
