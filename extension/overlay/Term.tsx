import { type ReactNode, useId, useLayoutEffect, useRef, useState } from 'react';
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
const CARD_PADDING = 8;

/** Shifts an open tooltip sideways so it stays inside the card (labels sit near both edges). */
function keepInsideCard(tooltip: HTMLElement | null) {
  if (!tooltip) return;
  tooltip.style.transform = '';
  const card = tooltip.closest('.ll-card')?.getBoundingClientRect();
  if (!card || card.width === 0) return;
  const box = tooltip.getBoundingClientRect();
  let shift = 0;
  if (box.right > card.right - CARD_PADDING) shift = card.right - CARD_PADDING - box.right;
  if (box.left + shift < card.left + CARD_PADDING) shift = card.left + CARD_PADDING - box.left;
  if (shift !== 0) tooltip.style.transform = `translateX(${Math.round(shift)}px)`;
}

/**
 * A label whose definition shows on hover, on keyboard focus and on tap (hidden on blur), as a `role="tooltip"` the
 * label points to with `aria-describedby` (screen readers read it with the label). Escape hides it.
 */
export function Term({ children, definition, className }: TermProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const tooltipRef = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    if (open) keepInsideCard(tooltipRef.current);
  }, [open]);
  const classes = className ? `ll-term ${className}` : 'll-term';
  if (!definition) return <span className={className}>{children}</span>;
  return (
    // A button: focusable and announced as something to explore; a tap shows the definition too.
    <button
      type="button"
      className={classes}
      aria-describedby={id}
      onClick={() => setOpen(true)}
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
      <span ref={tooltipRef} role="tooltip" id={id} className="ll-tooltip" dir="auto" hidden={!open}>
        {truncate(definition, MAX_DEFINITION_CHARS)}
      </span>
    </button>
  );
}
