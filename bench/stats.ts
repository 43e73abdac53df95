/** Latency samples and their summary (exact percentiles: every sample is kept). */
export interface Summary {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
}

export function summarize(samples: number[]): Summary {
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) => (sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number));
  const round = (ms: number) => Math.round(ms * 100) / 100;
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    mean: round(sorted.length ? sum / sorted.length : 0),
    p50: round(at(0.5)),
    p90: round(at(0.9)),
    p99: round(at(0.99)),
    p999: round(at(0.999)),
    max: round(sorted.length ? (sorted[sorted.length - 1] as number) : 0),
  };
}

export const formatSummary = (s: Summary) =>
  `n=${s.count} mean=${s.mean} p50=${s.p50} p90=${s.p90} p99=${s.p99} p99.9=${s.p999} max=${s.max} (ms)`;
