// Small, dependency-free statistics and formatting helpers for `npm run bench`.

export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

/** Median, p95, min, max of a list of milliseconds, and the samples themselves. */
export function timing(label, values) {
  return {
    label,
    runs: values.length,
    medianMs: round(median(values), 2),
    p95Ms: round(percentile(values, 95), 2),
    minMs: round(Math.min(...values), 2),
    maxMs: round(Math.max(...values), 2),
    samplesMs: values.map((v) => round(v, 2)),
  };
}

export const round = (n, digits = 1) => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : null);

export const kb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : '—');
export const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '—');
export const ratio = (n) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : '—');
