import {describe, expect, it} from 'vitest';
import {declaredEncoding, encodePythonSource} from '../../source/output/configs/pythonSource.js';

describe('declaredEncoding (PEP 263)', () => {
	it.each([
		['# -*- coding: latin-1 -*-\nx = 1\n', 'latin-1'],
		['#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-1 :\n', 'iso-8859-1'],
		['\n# coding=utf-8\n', 'utf-8'],
		['\u00ef\u00bb\u00bf# coding: utf-8\n', 'utf-8'],
		// Line 2 counts only below a comment or blank line.
		['import os\n# coding: latin-1\n', null],
		['x = 1\n', null],
		['"""# coding: latin-1"""\n', null],
		['# one\n# two\n# coding: latin-1\n', null],
		['# coding latin-1\n', null],
	])('%j → %s', (text, expected) => {
		expect(declaredEncoding(Buffer.from(text, 'latin1'))).toBe(expected);
	});
});

describe('encodePythonSource', () => {
	it('writes Latin-1 byte for byte, and refuses what the encoding cannot hold', () => {
		expect(encodePythonSource('façade', 'latin1')?.equals(Buffer.from([0x66, 0x61, 0xe7, 0x61, 0x64, 0x65]))).toBe(true);
		expect(encodePythonSource('ok €', 'latin1')).toBeNull();
		expect(encodePythonSource('é', 'ascii')).toBeNull();
		expect(encodePythonSource('é', 'utf8')?.equals(Buffer.from([0xc3, 0xa9]))).toBe(true);
	});
});
