import type { FunnelMetrics, FunnelMetricsCore } from '../../../shared';

/**
 * One CSV cell. Cells a spreadsheet would run as a formula (= + - @, also after a tab or
 * carriage return) get a leading apostrophe; quotes, commas and line breaks are quoted.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

function coreRows(segment: string, core: FunnelMetricsCore): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  for (const stage of core.stages) {
    rows.push([segment, 'stage_entered', stage.stage, '', stage.entered, null, null]);
    rows.push([segment, 'median_days_in_stage', stage.stage, '', stage.days.median, stage.days.count, null]);
  }
  for (const c of core.conversions) {
    rows.push([segment, `conversion_${c.kind}`, c.from, c.to, c.count, c.of, c.rate]);
  }
  rows.push([segment, 'active_rate', '', '', core.activeRate.count, core.activeRate.of, core.activeRate.rate]);
  rows.push([segment, 'sales_cycle_days', '', '', core.salesCycleDays.median, core.salesCycleDays.count, null]);
  rows.push([
    segment,
    'sla_compliance',
    '',
    '',
    core.sla.compliance.count,
    core.sla.compliance.of,
    core.sla.compliance.rate,
  ]);
  rows.push([
    segment,
    'sla_first_touch_hours',
    '',
    '',
    core.sla.firstTouchHours.median,
    core.sla.firstTouchHours.count,
    null,
  ]);
  rows.push([
    segment,
    'rejection_rate',
    '',
    '',
    core.rejections.rate.count,
    core.rejections.rate.of,
    core.rejections.rate.rate,
  ]);
  for (const r of core.rejections.reasons) rows.push([segment, 'rejection_reason', r.reason, '', r.count, null, null]);
  return rows;
}

/** The whole funnel (and each segment) as one long CSV table: segment, metric, from, to, value, of, rate. */
export function funnelToCsv(metrics: FunnelMetrics): string {
  const lines = [csvLine(['segment', 'metric', 'from', 'to', 'value', 'of', 'rate'])];
  for (const row of coreRows('(all)', metrics)) lines.push(csvLine(row));
  for (const segment of metrics.segments) {
    for (const row of coreRows(segment.value ?? '(none)', segment)) lines.push(csvLine(row));
  }
  return `${lines.join('\r\n')}\r\n`;
}
