// A user name and password in ANTHROPIC_BASE_URL or OPENAI_BASE_URL: refused before anything is
// sent, as a usage error (exit 2) that shows the URL without them; the password is printed
// nowhere and written nowhere (it used to reach the screen, the results and the report).
import fs from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {filesUnder} from './hostileLab.js';
import {faultLab, SECRET_KEY, type Lab} from './harness.js';

const PASSWORD = 'Hunter2-Base-Url-Secret';

let lab: Lab | null = null;
afterEach(async () => {
	await lab?.close();
	lab = null;
});

function withCredentials(url: string): string {
	return url.replace('://', `://admin:${PASSWORD}@`);
}

function expectNowhere(current: Lab, result: {stdout: string; stderr: string}): void {
	const places = [
		{where: 'stdout', text: result.stdout},
		{where: 'stderr', text: result.stderr},
		...[...filesUnder(current.dir), ...filesUnder(current.confHome)].map((file) => ({where: file, text: fs.readFileSync(file, 'utf8')})),
	];
	expect(places.filter((place) => place.text.includes(PASSWORD)).map((place) => place.where)).toEqual([]);
}

describe('credentials in a base URL', () => {
	it.each(['ANTHROPIC_BASE_URL', 'OPENAI_BASE_URL'])('%s with admin:password@: exit 2 naming the URL without them, never printed or written', async (variable) => {
		lab = await faultLab();
		const origin = new URL(lab.sim.anthropicUrl).origin;
		const result = await lab.cli(['run', '--yes', '--json'], {env: {ANTHROPIC_API_KEY: SECRET_KEY, [variable]: withCredentials(lab.sim.anthropicUrl)}});

		expect(result.code).toBe(2);
		const {error} = JSON.parse(result.stdout) as {error: {message: string; code: number}};
		expect(error.code).toBe(2);
		expect(error.message).toContain(`${variable} must not carry a user name or password`);
		expect(error.message).toContain(`use ${origin}`);
		expect(result.stderr).toContain(`${variable} must not carry a user name or password`);
		expectNowhere(lab, result);
		// Refused before anything was sent or measured.
		expect(lab.sim.requests).toEqual([]);
		expect(fs.existsSync(lab.resultsPath)).toBe(false);
	});

	it('ANTHROPIC_BASE_URL over another scheme: exit 2, naming the host it would contact', async () => {
		lab = await faultLab();
		const result = await lab.cli(['compare', 'qwen2.5:14b'], {env: {ANTHROPIC_API_KEY: SECRET_KEY, ANTHROPIC_BASE_URL: `ftp://admin:${PASSWORD}@10.1.2.3:2121`}});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('ANTHROPIC_BASE_URL would contact 10.1.2.3:2121 over ftp; only http:// or https:// work');
		expectNowhere(lab, result);
	});
});
