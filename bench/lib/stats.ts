/** Small statistics helpers for latency samples (nanoseconds in, milliseconds out). */

/** The p-th percentile (0–100) of the samples, nearest-rank. */
export function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export interface LatencySummary {
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

/** Summarises latencies given in nanoseconds. */
export function summarize(nanos: number[]): LatencySummary {
  const sorted = Float64Array.from(nanos).sort();
  const sum = nanos.reduce((a, b) => a + b, 0);
  return {
    samples: nanos.length,
    p50Ms: percentile(sorted, 50) / 1e6,
    p99Ms: percentile(sorted, 99) / 1e6,
    maxMs: (sorted[sorted.length - 1] ?? NaN) / 1e6,
    meanMs: nanos.length ? sum / nanos.length / 1e6 : NaN,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Milliseconds elapsed since a `process.hrtime.bigint()` reading. */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Resident memory and heap after a full collection (when node runs with --expose-gc). */
export function memoryAfterGc(): { rssMb: number; heapUsedMb: number; gcExposed: boolean } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  const m = process.memoryUsage();
  return { rssMb: m.rss / 2 ** 20, heapUsedMb: m.heapUsed / 2 ** 20, gcExposed: Boolean(gc) };
}
