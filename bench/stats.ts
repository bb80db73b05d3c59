/** The value below which `q` (0..1) of the samples fall, interpolating between neighbours. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export const median = (samples: readonly number[]) => quantile(samples, 0.5);

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Median, p10, p90, mean and count of timings in milliseconds, rounded for the report. */
export function summarize(samplesMs: readonly number[]) {
  const mean = samplesMs.reduce((sum, s) => sum + s, 0) / samplesMs.length;
  return {
    n: samplesMs.length,
    medianMs: round(median(samplesMs), 3),
    p10Ms: round(quantile(samplesMs, 0.1), 3),
    p90Ms: round(quantile(samplesMs, 0.9), 3),
    meanMs: round(mean, 3),
  };
}
