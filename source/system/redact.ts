// The API key never appears in anything shown or written: not whole, not a 12-character piece of
// it (an error that echoes it cut short), in any letter case. The key is registered once where it
// is read; every sink (sanitizeText, jsonText) redacts through here.

export const REDACTED = '[redacted]';
/** The shortest piece of a secret that is redacted on its own. */
export const FRAGMENT = 12;

const secrets = new Set<string>();

/** Remembers a secret so every later redactSecrets call hides it. */
export function registerSecret(secret: string): void {
	const trimmed = secret.trim();
	if (trimmed.length >= 4) secrets.add(trimmed);
}

/** For tests: forget every registered secret. */
export function clearSecrets(): void {
	secrets.clear();
}

export function redactSecrets(text: string): string {
	let out = text;
	for (const secret of secrets) out = redact(out, secret);
	return out;
}

/** `text` with `secret` and every piece of it at least FRAGMENT characters long replaced, case-insensitively. */
export function redact(text: string, secret: string): string {
	if (secret.length < 4 || text.length === 0) return text;
	const lowerText = text.toLowerCase();
	const lowerSecret = secret.toLowerCase();
	// toLowerCase can change the length of some characters (e.g. 'İ'); then only whole matches are safe to locate.
	if (lowerText.length !== text.length || secret.length < FRAGMENT) return replaceAllCaseless(text, lowerText, lowerSecret);
	const pieces = new Set<string>();
	for (let start = 0; start + FRAGMENT <= lowerSecret.length; start++) pieces.add(lowerSecret.slice(start, start + FRAGMENT));
	// Covered ranges: every window of FRAGMENT characters that is a piece of the secret.
	const covered: [number, number][] = [];
	const first = new Set([...pieces].map((piece) => piece[0]));
	for (let index = 0; index + FRAGMENT <= lowerText.length; index++) {
		if (!first.has(lowerText[index])) continue;
		if (!pieces.has(lowerText.slice(index, index + FRAGMENT))) continue;
		const last = covered.at(-1);
		if (last && index <= last[1]) last[1] = index + FRAGMENT;
		else covered.push([index, index + FRAGMENT]);
	}
	if (covered.length === 0) return text;
	let out = '';
	let at = 0;
	for (const [start, end] of covered) {
		out += text.slice(at, start) + REDACTED;
		at = end;
	}
	return out + text.slice(at);
}

function replaceAllCaseless(text: string, lowerText: string, lowerSecret: string): string {
	if (lowerText.length !== text.length) return text.split(lowerSecret).join(REDACTED).split(lowerSecret.toUpperCase()).join(REDACTED);
	let out = '';
	let at = 0;
	for (let index = lowerText.indexOf(lowerSecret); index !== -1; index = lowerText.indexOf(lowerSecret, at)) {
		out += text.slice(at, index) + REDACTED;
		at = index + lowerSecret.length;
	}
	return out + text.slice(at);
}
