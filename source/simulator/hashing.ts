// Everything the simulator invents (digests, ids, jitter) is derived from hashes of stable inputs,
// so two runs with the same requests produce the same bytes on the wire.
import {createHash} from 'node:crypto';

export function sha256Hex(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

/** A number in [0, 1) fixed by the seed. */
export function unitFloat(seed: string): number {
	return Number.parseInt(sha256Hex(seed).slice(0, 12), 16) / 2 ** 48;
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `length` characters of [a-z0-9] fixed by the seed (Ollama's tool-call id alphabet). */
export function shortId(seed: string, length: number): string {
	const hex = sha256Hex(seed);
	let id = '';
	for (let i = 0; i < length; i++) {
		const byte = Number.parseInt(hex.slice((i * 2) % 64, ((i * 2) % 64) + 2), 16);
		id += ID_ALPHABET[byte % ID_ALPHABET.length];
	}
	return id;
}
