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

	it('with --json, prints nothing more when the command printed its document, or succeeded', () => {
		const out = sink();
		const guard = guardOutput(out, sink(), {json: true, plain: true});
		guard.stdout.write('{"models": []}\n');
		guard.finish(1);
		expect(out.text()).toBe('{"models": []}\n');
		const quiet = sink();
		guardOutput(quiet, sink(), {json: true, plain: true}).finish(0);
		expect(quiet.text()).toBe('');
	});
});
