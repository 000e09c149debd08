import type { AlignmentModel, Quadrant } from '../../shared';
import { useT, useUiLocale } from '../i18n';
import { quadrantDefinition } from './definitions';
import { Term } from './Term';

export interface QuadrantMatrixProps {
  model: AlignmentModel | null;
  quadrant: Quadrant;
  fit: number;
  interest: number;
  interestKnown: boolean;
}

// Fit rises upwards, interest towards the inline end: hot sits top-end, as in DESIGN.md §3.
const CELLS: readonly Quadrant[] = ['nurture', 'hot', 'disqualify', 'explore'];

const clampPercent = (value: number) => Math.min(100, Math.max(0, value));
// The dot stays inside the frame (fit 0 would sit on the border, under the axis labels).
const dotPercent = (value: number) => Math.min(95, Math.max(5, value));

/** The 2×2 fit/interest matrix with the lead's dot; each quadrant's name shows its definition. */
export function QuadrantMatrix({ model, quadrant, fit, interest, interestKnown }: QuadrantMatrixProps) {
  const t = useT();
  const locale = useUiLocale();
  const fitHigh = model?.quadrants.fitHigh ?? 50;
  const interestHigh = model?.quadrants.interestHigh ?? 50;
  return (
    <fieldset className="ll-matrix">
      <legend className="ll-visually-hidden">{t('matrix.label')}</legend>
      <div className="ll-matrix-grid">
        {CELLS.map((cell) => {
          const definition = quadrantDefinition(model, cell, locale);
          return (
            <div key={cell} className={cell === quadrant ? 'll-cell ll-cell-active' : 'll-cell'} data-cell={cell}>
              <Term definition={definition?.definition}>{definition?.label ?? t(`quadrant.${cell}`)}</Term>
            </div>
          );
        })}
        {/* The thresholds are where the model draws the lines, not always the middle. */}
        <span
          className="ll-matrix-line ll-matrix-line-fit"
          style={{ insetBlockStart: `${100 - clampPercent(fitHigh)}%` }}
          aria-hidden="true"
        />
        <span
          className="ll-matrix-line ll-matrix-line-interest"
          style={{ insetInlineStart: `${clampPercent(interestHigh)}%` }}
          aria-hidden="true"
        />
        <span
          className={interestKnown ? 'll-dot' : 'll-dot ll-dot-unknown'}
          role="img"
          aria-label={t('matrix.dot', { fit, interest: interestKnown ? interest : '?' })}
          style={{
            insetBlockStart: `${100 - dotPercent(fit)}%`,
            insetInlineStart: `${dotPercent(interestKnown ? interest : 0)}%`,
          }}
        />
      </div>
      <div className="ll-matrix-axes" aria-hidden="true">
        <span>{t('matrix.fitAxis')}</span>
        <span>{t('matrix.interestAxis')}</span>
      </div>
    </fieldset>
  );
}
