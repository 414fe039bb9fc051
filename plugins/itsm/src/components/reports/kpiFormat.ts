/** A share as a percentage with one decimal, `–` when there is none. */
export function formatPercent(ratio: number | null): string {
  return ratio === null ? '–' : `${Math.round(ratio * 1000) / 10} %`;
}

/** A duration in minutes below two hours, in hours above. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '–';
  const min = ms / 60_000;
  return min < 120 ? `${Math.round(min)} min` : `${Math.round(min / 6) / 10} h`;
}

/**
 * How a KPI moved between two periods, for a reader: `+3`, `−12 %`,
 * `+1.5 h`; undefined when either side has no value or nothing moved.
 */
export function formatDelta(
  now: number | null,
  before: number | null,
  kind: 'count' | 'ratio' | 'duration',
): string | undefined {
  if (now === null || before === null || now === before) return undefined;
  const diff = now - before;
  const sign = diff > 0 ? '+' : '−';
  const size = Math.abs(diff);
  if (kind === 'count') return `${sign}${size}`;
  if (kind === 'ratio') return `${sign}${Math.round(size * 1000) / 10} pt`;
  return `${sign}${formatDuration(size)}`;
}

/** A KPI's value as its kind reads. */
export function formatKpi(
  kind: 'count' | 'ratio' | 'duration',
  value: number | null,
): string {
  if (kind === 'ratio') return formatPercent(value);
  if (kind === 'duration') return formatDuration(value);
  return value === null ? '–' : String(value);
}
