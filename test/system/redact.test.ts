import {afterEach, describe, expect, it} from 'vitest';
import {clearSecrets, redact, redactSecrets, REDACTED, registerSecret} from '../../source/system/redact.js';
import {sanitizeText} from '../../source/system/sanitize.js';

const KEY = 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWx-0123456789';

afterEach(() => clearSecrets());

describe('redact', () => {
	it.each([
		['the whole key', `key ${KEY} rejected`, `key ${REDACTED} rejected`],
		['the key without its last characters', `key ${KEY.slice(0, -6)}… rejected`, `key ${REDACTED}… rejected`],
		['the key lowercased', `key ${KEY.toLowerCase()}`, `key ${REDACTED}`],
		['the key uppercased', `key ${KEY.toUpperCase()}`, `key ${REDACTED}`],
		['a 12-character piece from the middle', `saw ${KEY.slice(20, 32)} there`, `saw ${REDACTED} there`],
		['two pieces', `${KEY.slice(0, 14)} and ${KEY.slice(-13)}`, `${REDACTED} and ${REDACTED}`],
		['an 11-character piece is left (too short to identify the key)', `saw ${KEY.slice(20, 31)}`, `saw ${KEY.slice(20, 31)}`],
		['text without the key', 'The Claude API rejected the API key (401)', 'The Claude API rejected the API key (401)'],
	])('%s', (_name, text, expected) => {
		expect(redact(text, KEY)).toBe(expected);
	});

	it('short keys are redacted whole, case-insensitively', () => {
		expect(redact('k=ABCDEF and abcdef', 'abcdef')).toBe(`k=${REDACTED} and ${REDACTED}`);
	});

	it('a registered key is redacted by every sink', () => {
		registerSecret(KEY);
		expect(redactSecrets(`x ${KEY.slice(3, 40)} y`)).toBe(`x ${REDACTED} y`);
		expect(sanitizeText(`error: ${KEY.toLowerCase()}`)).toBe(`error: ${REDACTED}`);
	});
});
