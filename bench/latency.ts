/** Latency figures in milliseconds over one set of timed calls. */
export interface Latency {
  p50: number;
  p99: number;
  max: number;
}

/**
 * The nearest-rank percentiles and maximum of `times` (milliseconds), rounded to 0.01 ms.
 *
 * @returns NaN figures for an empty list.
 */
export function summariseLatency(times: readonly number[]): Latency {
  const sorted = [...times].sort((left, right) => left - right);
  const at = (fraction: number): number => {
    const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
    return Math.round((sorted[index] ?? Number.NaN) * 100) / 100;
  };
  return { p50: at(0.5), p99: at(0.99), max: at(1) };
}

/** Calls `run` once per item and returns each call's wall time in milliseconds. */
export async function timeEach<T>(items: readonly T[], run: (item: T) => unknown): Promise<number[]> {
  const times: number[] = [];
  for (const item of items) {
    const started = performance.now();
    await run(item);
    times.push(performance.now() - started);
  }
  return times;
}
