// keep_alive as Ollama reads it: a number of seconds, a Go duration string ("5m", "1h30m",
// "300ms"), 0 to unload now, a negative value to keep the model forever; absent means 5 minutes.

export type KeepAlive = {kind: 'unload'} | {kind: 'forever'} | {kind: 'for'; ms: number};

const DEFAULT: KeepAlive = {kind: 'for', ms: 5 * 60_000};
const UNIT_MS: Record<string, number> = {ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000};

function fromMs(ms: number): KeepAlive {
	if (ms === 0) return {kind: 'unload'};
	if (ms < 0) return {kind: 'forever'};
	return {kind: 'for', ms};
}

export function parseKeepAlive(value: unknown): KeepAlive {
	if (typeof value === 'number' && Number.isFinite(value)) return fromMs(value * 1000);
	if (typeof value !== 'string' || value.trim() === '') return DEFAULT;
	const text = value.trim();
	if (/^-?\d+(\.\d+)?$/.test(text)) return fromMs(Number(text) * 1000);
	const sign = text.startsWith('-') ? -1 : 1;
	const parts = [...text.replace(/^[-+]/, '').matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
	if (parts.length === 0) return DEFAULT;
	const ms = parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * (UNIT_MS[unit ?? 's'] ?? 1000), 0);
	return fromMs(sign * ms);
}

/** Ollama shows keep_alive:-1 as a far-future expiry (year ~2318). */
export const FOREVER_ISO = '2318-01-01T00:00:00Z';
