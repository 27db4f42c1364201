import type { LatencySummary } from '../lib/stats.js';

/**
 * Latencies of several load processes pooled without shipping every sample: each process counts its samples in
 * 0.1 ms buckets (`[bucket, count]` pairs, a few thousand at most), the parent adds the counts and reads the
 * percentiles off the sum. Percentiles are then exact to 0.1 ms, the nearest-rank rule of `lib/stats.ts`.
 */
export type Histogram = Array<[bucket: number, count: number]>;

const resolutionMs = 0.1;

export function histogramOf(samples: Float64Array): Histogram {
  const counts = new Map<number, number>();
  for (const ms of samples) {
    const bucket = Math.round(ms / resolutionMs);
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  return [...counts.entries()];
}

export function mergeHistograms(histograms: Histogram[]): Histogram {
  const counts = new Map<number, number>();
  for (const histogram of histograms) for (const [bucket, count] of histogram) counts.set(bucket, (counts.get(bucket) ?? 0) + count);
  return [...counts.entries()];
}

export function summariseHistogram(histogram: Histogram): LatencySummary {
  const sorted = [...histogram].sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((n, [, count]) => n + count, 0);
  const at = (q: number) => {
    if (total === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil(q * total));
    let seen = 0;
    for (const [bucket, count] of sorted) {
      seen += count;
      if (seen >= rank) return Math.round(bucket * resolutionMs * 100) / 100;
    }
    return Number.NaN;
  };
  return { count: total, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}
