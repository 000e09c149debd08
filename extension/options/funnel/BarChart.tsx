/** One bar: a label, its value and what a hover or focus shows. */
export interface Bar {
  key: string;
  label: string;
  value: number;
  /** Shown on hover/focus and read by screen readers. */
  detail: string;
}

/**
 * Horizontal bars in plain SVG, scaled to the largest value. Each bar is focusable and carries
 * its numbers in a <title>, so hovering or tabbing onto it shows them.
 */
export function BarChart(props: { title: string; bars: readonly Bar[]; format?: (value: number) => string }) {
  const format = props.format ?? ((v: number) => String(v));
  const max = Math.max(1, ...props.bars.map((bar) => bar.value));
  const rowHeight = 26;
  const labelWidth = 180;
  const chartWidth = 320;
  const height = props.bars.length * rowHeight + 4;
  return (
    <figure className="bar-chart">
      <figcaption>{props.title}</figcaption>
      <svg
        role="img"
        aria-label={props.title}
        width={labelWidth + chartWidth + 80}
        height={height}
        viewBox={`0 0 ${labelWidth + chartWidth + 80} ${height}`}
      >
        {props.bars.map((bar, index) => {
          const y = index * rowHeight + 2;
          const width = Math.max(1, (bar.value / max) * chartWidth);
          return (
            <g
              key={bar.key}
              tabIndex={0}
              className="bar"
              data-bar={bar.key}
              data-value={bar.value}
              aria-label={bar.detail}
            >
              <title>{bar.detail}</title>
              <text x={0} y={y + 16} className="bar-label">
                {bar.label}
              </text>
              <rect x={labelWidth} y={y} width={width} height={rowHeight - 6} rx={3} />
              <text x={labelWidth + width + 6} y={y + 16} className="bar-value">
                {format(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
