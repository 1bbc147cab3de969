import {Writable} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {guardOutput} from '../../source/cli/outputGuard.js';

function sink(): Writable & {text: () => string; columns: number} {
	const chunks: string[] = [];
	const stream = new Writable({
		write(chunk: Buffer, _encoding, callback) {
			chunks.push(chunk.toString());
			callback();
		},
	}) as Writable & {text: () => string; columns: number};
	stream.text = () => chunks.join('');
	stream.columns = 123;
	return stream;
}

describe('guardOutput', () => {
	it('without a TTY, writes no escape sequence or control character to either stream', () => {
		const out = sink();
		const err = sink();
		const guard = guardOutput(out, err, {json: false, plain: true});
		guard.stdout.write('model \u001b]0;PWNED\u0007qwen\u0000\n');
		guard.stderr.write('error: \u001b[2Jboom\r\n');
		expect(out.text()).toBe('model qwen\uFFFD\n');
		expect(err.text()).toBe('error: boom\n');
		// The rest of the stream is the stream's own.
		expect(guard.stdout.columns).toBe(123);
	});

	it('on a TTY leaves stdout to Ink and still cleans stderr lines', () => {
		const out = sink();
		const err = sink();
		const guard = guardOutput(out, err, {json: false, plain: false});
		expect(guard.stdout).toBe(out);
		guard.stderr.write('x\u001b]8;;http://e\u0007y\u001b]8;;\u0007\n');
		expect(err.text()).toBe('xy\n');
	});

	it('with --json, a failure that printed nothing on stdout prints the error document', () => {
		const out = sink();
		const err = sink();
		const guard = guardOutput(out, err, {json: true, plain: true});
		guard.stderr.write('Ollama is not running at http://127.0.0.1:1 — start it\n');
		guard.finish(1);
		expect(JSON.parse(out.text())).toEqual({error: {message: 'Ollama is not running at http://127.0.0.1:1 — start it', code: 1}});
	});

	it('with --json, a failing command’s document gets the error beside what it measured; a success is written as it is', () => {
		const out = sink();
		const guard = guardOutput(out, sink(), {json: true, plain: true});
		guard.stdout.write('{"models": [{"name": "qwen2.5:14b"}]}\n');
		// Held until the exit code is known.
		expect(out.text()).toBe('');
		guard.finish(1, 'mistral-small:22b: Ollama failed (500): boom');
		expect(JSON.parse(out.text())).toEqual({models: [{name: 'qwen2.5:14b'}], error: {message: 'mistral-small:22b: Ollama failed (500): boom', code: 1}});
		// Once only.
		guard.finish(1);
		expect(out.text().match(/"error"/g)).toHaveLength(1);

		const own = sink();
		const ownGuard = guardOutput(own, sink(), {json: true, plain: true});
		ownGuard.stdout.write('{"status": "failed", "error": {"message": "its own", "code": 1}}\n');
		ownGuard.finish(1, 'another');
		expect(JSON.parse(own.text())).toEqual({status: 'failed', error: {message: 'its own', code: 1}});

		const fine = sink();
		const fineGuard = guardOutput(fine, sink(), {json: true, plain: true});
		fineGuard.stdout.write('{"models": []}\n');
		fineGuard.finish(0);
		expect(fine.text()).toBe('{"models": []}\n');
		const quiet = sink();
		guardOutput(quiet, sink(), {json: true, plain: true}).finish(0);
		expect(quiet.text()).toBe('');
	});

	it('with --json, the error of a document without one is the last line on stderr', () => {
		const out = sink();
		const err = sink();
		const guard = guardOutput(out, err, {json: true, plain: true});
		guard.stdout.write('{"model": "qwen2.5:32b", "pull": null}\n');
		guard.stderr.write('progress\nThe pull of qwen2.5:32b failed — retry\n\n');
		guard.finish(1);
		expect(JSON.parse(out.text())).toEqual({model: 'qwen2.5:32b', pull: null, error: {message: 'The pull of qwen2.5:32b failed — retry', code: 1}});
	});
});
