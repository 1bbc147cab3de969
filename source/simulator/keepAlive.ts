// keep_alive as Ollama reads it (api/types.go Duration.UnmarshalJSON): a JSON number of seconds,
// or a string Go's time.ParseDuration accepts ("5m", "1h30m", "300ms", "0"); 0 unloads now, a
// negative value keeps the model forever; absent means 5 minutes. Anything else fails the request's
// JSON binding, which the handlers answer with 400 and the parse error (a bare "300" has no unit).

export type KeepAlive = {kind: 'unload'} | {kind: 'forever'} | {kind: 'for'; ms: number} | {kind: 'invalid'; message: string};

const DEFAULT: KeepAlive = {kind: 'for', ms: 5 * 60_000};
const UNIT_MS: Record<string, number> = {ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000};

function fromMs(ms: number): KeepAlive {
	if (ms === 0) return {kind: 'unload'};
	if (ms < 0) return {kind: 'forever'};
	return {kind: 'for', ms};
}

const GO_DURATION = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;

export function parseKeepAlive(value: unknown): KeepAlive {
	if (value === undefined || value === null) return DEFAULT;
	if (typeof value === 'number' && Number.isFinite(value)) return fromMs(value * 1000);
	if (typeof value !== 'string') return {kind: 'invalid', message: `Unsupported type: '${Array.isArray(value) ? '[]interface {}' : typeof value}'`};
	if (value === '0' || value === '+0' || value === '-0') return {kind: 'unload'};
	if (!GO_DURATION.test(value)) {
		const unitless = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(value);
		return {kind: 'invalid', message: `time: ${unitless ? 'missing unit in duration' : 'invalid duration'} ${JSON.stringify(value)}`};
	}
	const sign = value.startsWith('-') ? -1 : 1;
	const parts = [...value.replace(/^[-+]/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)];
	const ms = parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * (UNIT_MS[unit === 'μs' ? 'µs' : (unit ?? 's')] ?? 1000), 0);
	return fromMs(sign * ms);
}

/** Ollama shows keep_alive:-1 as a far-future expiry (year ~2318). */
export const FOREVER_ISO = '2318-01-01T00:00:00Z';
