// Mean ± sample standard deviation, as llama-bench reports repetitions.
import type {SampleStats} from '../domain/schema.js';

export function mean(samples: readonly number[]): number {
	if (samples.length === 0) return 0;
	// Welford's running mean avoids the overflow/cancellation of sum-then-divide on large values.
	let m = 0;
	samples.forEach((x, i) => {
		m += (x - m) / (i + 1);
	});
	return m;
}

/** Sample standard deviation (n-1); 0 for fewer than two samples. */
export function sampleSd(samples: readonly number[]): number {
	if (samples.length < 2) return 0;
	// Welford: numerically stable, unlike E[x²]-E[x]² which cancels badly for rates like 16.2001 vs 16.2002.
	let m = 0;
	let m2 = 0;
	samples.forEach((x, i) => {
		const delta = x - m;
		m += delta / (i + 1);
		m2 += delta * (x - m);
	});
	return Math.sqrt(Math.max(0, m2) / (samples.length - 1));
}

export function summarize(samples: readonly number[]): SampleStats {
	return {mean: mean(samples), sd: sampleSd(samples), samples: [...samples]};
}
