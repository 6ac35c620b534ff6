/**
 * The shape every benchmark module shares. This machine is shared and noisy, so a figure is only
 * meaningful next to a floor measured in the same run: the runner prints both and their ratio.
 */
export interface BenchFigure {
  /** What was measured, e.g. "deadlines per complaint". */
  name: string;
  value: number;
  unit: string;
  /** The same kind of work at its bare minimum, measured in the same run. */
  floor?: { name: string; value: number };
  /** The ratio value/floor the project aims to stay under. */
  goal?: number;
}

export interface Bench {
  title: string;
  run(): Promise<BenchFigure[]>;
}

/** Median and 95th percentile of a sample, for latency figures. */
export function percentiles(samples: readonly number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95) };
}
