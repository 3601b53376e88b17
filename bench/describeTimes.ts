function percentile(sortedValues: number[], fraction: number): number {
  const index = Math.min(sortedValues.length - 1, Math.ceil(fraction * sortedValues.length) - 1);
  return sortedValues[Math.max(0, index)] ?? Number.NaN;
}

/** A label and times (milliseconds) as one line: `p50 …, p99 …, max …`. */
export function describeTimes(label: string, times: number[]): string {
  const sorted = [...times].sort((left, right) => left - right);
  const format = (value: number) => `${value.toFixed(1)} ms`;
  return `${label}: p50 ${format(percentile(sorted, 0.5))}, p99 ${format(percentile(sorted, 0.99))}, max ${format(sorted.at(-1) ?? Number.NaN)}`;
}
