// Go's time.Duration.String(), so our verbose block matches `ollama run --verbose` byte for byte.

/** Drops trailing zeros of a fraction; returns '' when nothing is left. */
function fraction(value: number, digits: number): string {
	const text = value.toString().padStart(digits, '0').replace(/0+$/, '');
	return text === '' ? '' : `.${text}`;
}

/** Formats integer nanoseconds the way Go prints a time.Duration (5.043500667s, 325.953ms, 1m2s). */
export function formatGoDuration(nanoseconds: number): string {
	const ns = Math.round(Math.abs(nanoseconds));
	const sign = nanoseconds < 0 && ns > 0 ? '-' : '';
	if (ns === 0) return '0s';
	if (ns < 1e3) return `${sign}${ns}ns`;
	if (ns < 1e6) return `${sign}${Math.floor(ns / 1e3)}${fraction(ns % 1e3, 3)}µs`;
	if (ns < 1e9) return `${sign}${Math.floor(ns / 1e6)}${fraction(ns % 1e6, 6)}ms`;
	const totalSeconds = Math.floor(ns / 1e9);
	const seconds = `${totalSeconds % 60}${fraction(ns % 1e9, 9)}s`;
	const totalMinutes = Math.floor(totalSeconds / 60);
	if (totalMinutes === 0) return `${sign}${seconds}`;
	const hours = Math.floor(totalMinutes / 60);
	const minutes = `${totalMinutes % 60}m`;
	return hours > 0 ? `${sign}${hours}h${minutes}${seconds}` : `${sign}${minutes}${seconds}`;
}
