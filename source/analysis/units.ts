// Short, fixed-width renderings of bytes, rates and times for progress rows that must fit 80
// columns. Decimal units, as Ollama and ollama.com print sizes.

export function formatBytes(bytes: number): string {
	if (!Number.isFinite(bytes) || bytes < 0) return '?';
	if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
	if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
	if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
	return `${Math.round(bytes)} B`;
}

/** Bytes per second as MB/s (what download tools show). */
export function formatTransferRate(bytesPerSecond: number | null): string {
	if (bytesPerSecond === null || !Number.isFinite(bytesPerSecond)) return '– MB/s';
	return `${(bytesPerSecond / 1e6).toFixed(1)} MB/s`;
}

/** A countdown such as "2m05s" or "45s"; "–" when unknown. */
export function formatEta(seconds: number | null): string {
	if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '–';
	const whole = Math.ceil(seconds);
	if (whole < 60) return `${whole}s`;
	const minutes = Math.floor(whole / 60);
	const rest = whole % 60;
	if (minutes < 60) return `${minutes}m${String(rest).padStart(2, '0')}s`;
	const hours = Math.floor(minutes / 60);
	return `${hours}h${String(minutes % 60).padStart(2, '0')}m`;
}

export function formatTokenRate(tokensPerSecond: number | null): string {
	if (tokensPerSecond === null || !Number.isFinite(tokensPerSecond)) return '– t/s';
	return `${tokensPerSecond.toFixed(2)} t/s`;
}

export function formatPercent(fraction: number | null): string {
	if (fraction === null || !Number.isFinite(fraction)) return '–';
	return `${Math.round(fraction * 100)}%`;
}

/** First 12 hex characters of a digest, as Ollama's own status lines show it. */
export function shortDigest(digest: string): string {
	const hex = digest.startsWith('sha256:') ? digest.slice('sha256:'.length) : digest;
	return hex.slice(0, 12);
}

/** "4.1/19.9 GB": both sides in the unit of the total, to keep progress rows short. */
export function formatBytePair(completed: number, total: number): string {
	const [divisor, unit] = total >= 1e9 ? [1e9, 'GB'] : total >= 1e6 ? [1e6, 'MB'] : total >= 1e3 ? [1e3, 'kB'] : [1, 'B'];
	const digits = divisor === 1 ? 0 : 1;
	return `${(completed / divisor).toFixed(digits)}/${(total / divisor).toFixed(digits)} ${unit}`;
}
