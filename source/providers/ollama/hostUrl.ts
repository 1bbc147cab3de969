// The same normalisation ollama-js applies (docs/reference/libs.md §4), so messages name the URL that
// is actually contacted: a missing scheme becomes http://, a bare host gets :11434, ':5555' means
// 127.0.0.1:5555, and a trailing slash is dropped.
const DEFAULT_PORT = '11434';

export function normalizeOllamaHost(host: string | undefined): string {
	let value = (host ?? '').trim();
	if (!value) return `http://127.0.0.1:${DEFAULT_PORT}`;
	let explicitScheme = value.includes('://');
	if (value.startsWith(':')) {
		value = `http://127.0.0.1${value}`;
		explicitScheme = true;
	}
	if (!explicitScheme) value = `http://${value}`;
	const url = new URL(value);
	const port = url.port || (explicitScheme ? (url.protocol === 'https:' ? '443' : '80') : DEFAULT_PORT);
	const formatted = `${url.protocol}//${url.hostname}:${port}${url.pathname}`;
	return formatted.endsWith('/') ? formatted.slice(0, -1) : formatted;
}
