// Characters a reader cannot see, from the server: bidi marks, zero-width spaces, a BOM mid-text
// and Unicode TAG characters (invisible ASCII) in model output reach no file and no output raw.
import fs from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {rewriteJson} from './hostileServer.js';
import {hostileLab, type HostileLab} from './hostileLab.js';

/** LRM, RLM, ALM, zero-width space, word joiner, BOM, and "IGNORE" in TAG characters. */
const INVISIBLE = '\u200e\u200f\u061c\u200b\u2060\ufeff\u{E0049}\u{E0047}\u{E004E}\u{E004F}\u{E0052}\u{E0045}';
const RAW = /[\u200e\u200f\u061c\u200b\u2060\ufeff]|[\u{E0000}-\u{E007F}]/u;

let lab: HostileLab | null = null;
afterEach(async () => {
	await lab?.close();
	lab = null;
});

describe('invisible characters from the server', () => {
	it('in model output: transcripts, tables, the results and the report hold none raw', async () => {
		lab = await hostileLab();
		lab.proxy.rules.push({
			path: '/api/chat',
			handle: rewriteJson((line) => {
				const message = line['message'] as Record<string, unknown> | undefined;
				return message && typeof message['content'] === 'string' && message['content'] !== '' ? {...line, message: {...message, content: `${message['content']}${INVISIBLE}`}} : line;
			}),
		});
		const compare = await lab.run(['compare', 'qwen2.5:14b', '--no-claude']);
		const report = await lab.run(['report']);
		expect(report.code).toBe(0);
		const files = lab.writtenFiles();
		expect(files.some((file) => file.includes('transcripts'))).toBe(true);
		const places = [
			{where: 'compare stdout+stderr', text: compare.out + compare.err},
			{where: 'report stdout+stderr', text: report.out + report.err},
			...files.map((file) => ({where: file, text: fs.readFileSync(file, 'utf8')})),
		];
		expect(places.filter((place) => RAW.test(place.text)).map((place) => place.where)).toEqual([]);
	});
});
