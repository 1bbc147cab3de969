import {afterEach, describe, expect, it} from 'vitest';
import {isPrintableInline, jsonText, REPLACEMENT, sanitizeDeep, sanitizeInline, sanitizeText} from '../../source/system/sanitize.js';
import {clearSecrets, registerSecret} from '../../source/system/redact.js';

afterEach(() => clearSecrets());

// The cases of docs/reference/terminal.md §6: what must never reach a terminal or a file raw.
describe('sanitizeText', () => {
	it.each([
		['OSC 0 window title (BEL)', 'a\u001b]0;PWNED\u0007b', 'ab'],
		['OSC 0 with spaces', 'a\u001b]0;rm -rf x\u0007b', 'ab'],
		['OSC 8 hyperlink keeps its text only', '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007', 'click'],
		['OSC 52 clipboard', 'x\u001b]52;c;ZWNobyBoaQ==\u0007y', 'xy'],
		['clear screen and scrollback', '\u001b[2J\u001b[3Jtext', 'text'],
		['title report', 'a\u001b[21tb', 'ab'],
		['lone ESC at the end', 'text\u001b', `text${REPLACEMENT}`],
		['NUL, BEL, BS, DEL', 'a\u0000b\u0007c\u0008d\u007fe', `a${REPLACEMENT}b${REPLACEMENT}c${REPLACEMENT}d${REPLACEMENT}e`],
		['CR that would overwrite the line', 'safe\rEVIL', `safe${REPLACEMENT}EVIL`],
		['CRLF becomes LF', 'one\r\ntwo', 'one\ntwo'],
		['C1 OSC', 'a\u009d0;T\u0007b', `a${REPLACEMENT}0;T${REPLACEMENT}b`],
		['bidi override (Trojan Source)', 'a\u202eb\u2066c', `a${REPLACEMENT}b${REPLACEMENT}c`],
		['bidi marks LRM, RLM, ALM', 'a\u200eb\u200fc\u061cd', `a${REPLACEMENT}b${REPLACEMENT}c${REPLACEMENT}d`],
		['zero-width space, word joiner, invisible operator', 'pa\u200bss\u2060wo\u2062rd', `pa${REPLACEMENT}ss${REPLACEMENT}wo${REPLACEMENT}rd`],
		['a BOM at the start and mid-text', '\ufeffBUY\ufeff', `${REPLACEMENT}BUY${REPLACEMENT}`],
		['Unicode TAG characters (invisible ASCII)', 'ok\u{E0049}\u{E0047}\u{E004E}', `ok${REPLACEMENT}${REPLACEMENT}${REPLACEMENT}`],
		['zero-width joiners kept in prose (emoji, scripts)', '👩\u200d💻 می\u200cخواهم', '👩\u200d💻 می\u200cخواهم'],
		['newline and tab kept', 'a\n\tb', 'a\n\tb'],
		['plain text unchanged', 'Buy NVDA: 12.5% — ok ✓', 'Buy NVDA: 12.5% — ok ✓'],
	])('%s', (_name, input, expected) => {
		expect(sanitizeText(input)).toBe(expected);
		// Idempotent: cleaning twice changes nothing more.
		expect(sanitizeText(sanitizeText(input))).toBe(expected);
	});

	it('leaves no ESC, NUL or C1 byte in anything it returns', () => {
		let all = '';
		for (let code = 0; code < 0x100; code++) all += `${String.fromCharCode(code)}x`;
		const out = sanitizeText(all);
		const unsafe = [...out].filter((char) => char !== '\n' && char !== '\t' && (char.charCodeAt(0) < 0x20 || (char.charCodeAt(0) >= 0x7f && char.charCodeAt(0) <= 0x9f)));
		expect(unsafe).toEqual([]);
	});

	it('sanitizeInline also flattens newlines and tabs', () => {
		expect(sanitizeInline('a\nb\tc\u001b[2J')).toBe('a b c');
		expect(isPrintableInline('qwen2.5:32b')).toBe(true);
		expect(isPrintableInline('qwen\u001b[2J')).toBe(false);
		expect(isPrintableInline('a\nb')).toBe(false);
		// On one line a joiner only makes a name look like another.
		expect(isPrintableInline('qwen\u200d2.5:32b')).toBe(false);
		expect(sanitizeInline('qwen\u200d2.5')).toBe(`qwen${REPLACEMENT}2.5`);
	});

	it('sanitizeDeep cleans every string of a plain value and keeps the rest', () => {
		const event = {type: 'delta', text: 'x\u001b]0;t\u0007', n: 3, list: ['\u0000'], nested: {ok: true, name: 'a\rb'}};
		expect(sanitizeDeep(event)).toEqual({type: 'delta', text: 'x', n: 3, list: [REPLACEMENT], nested: {ok: true, name: `a${REPLACEMENT}b`}});
	});

	it('sanitizeDeep hands a clean value back as it is and copies only what it changes, never the original', () => {
		const clean = {type: 'bench:delta', model: 'qwen2.5:32b', text: 'the bull case', at: 12.5, list: ['a', 'b'], nested: {ok: true}};
		expect(sanitizeDeep(clean)).toBe(clean);
		const dirty = {text: 'a\u001b[2Jb', nested: {ok: true}, list: ['fine', 'x\u0000']};
		const out = sanitizeDeep(dirty);
		expect(out).toEqual({text: 'ab', nested: {ok: true}, list: ['fine', `x${REPLACEMENT}`]});
		expect(out.nested).toBe(dirty.nested);
		expect(dirty.text).toBe('a\u001b[2Jb');
		expect(dirty.list[1]).toBe('x\u0000');
	});

	it('sanitizeDeep still redacts a registered key inside a value', () => {
		registerSecret('sk-ant-0123456789abcdef');
		expect(sanitizeDeep({note: 'key sk-ant-0123456789abcdef leaked'}).note).not.toContain('sk-ant-0123456789abcdef');
	});
});

describe('jsonText', () => {
	it('keeps the exact text, escaping C0, DEL, C1 and bidi so none is written raw', () => {
		const value = {text: 'a\u001b[2Jb\u0000c\u007fd\u009be\u202ef'};
		const text = jsonText(value);
		const raw = [...text.replace(/\n/g, '')].filter((char) => char.charCodeAt(0) < 0x20 || (char.charCodeAt(0) >= 0x7f && char.charCodeAt(0) <= 0x9f) || char === '\u202e');
		expect(raw).toEqual([]);
		expect(JSON.parse(text)).toEqual(value);
	});

	it('escapes the invisible characters too, TAGs as their surrogate pair', () => {
		const value = {text: 'a\u200bb\ufeffc\u200ed\u{E0041}'};
		const text = jsonText(value);
		expect(text).toContain('a\\u200bb\\ufeffc\\u200ed\\udb40\\udc41');
		expect(JSON.parse(text)).toEqual(value);
	});

	it('redacts a registered secret', () => {
		registerSecret('sk-ant-api03-abcdefghijklmnop');
		expect(jsonText({message: 'bad key sk-ant-api03-abcdefghijklmnop'})).not.toContain('abcdefghijklmnop');
	});
});
