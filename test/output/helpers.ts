// Temp directories and a fake command IO for the output tests.
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {PassThrough, Writable} from 'node:stream';
import type {CommandIO, CommandInput, GlobalFlags} from '../../source/cli/types.js';

export function tempDir(prefix = 'trifecta-output-'): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const FIXTURE_PIPELINE = path.resolve(import.meta.dirname, '../fixtures/pipeline');

/** A copy of the pipeline fixture in a temp dir (the fixture itself is never patched). */
export function pipelineCopy(): string {
	const dir = tempDir('trifecta-pipeline-');
	fs.cpSync(FIXTURE_PIPELINE, dir, {recursive: true});
	return dir;
}

/** Every file under dir with its content, for "nothing changed" assertions. */
export function snapshot(dir: string): Record<string, string> {
	const files: Record<string, string> = {};
	for (const entry of fs.readdirSync(dir, {recursive: true, withFileTypes: true})) {
		if (!entry.isFile()) continue;
		const full = path.join(entry.parentPath, entry.name);
		files[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
	}
	return files;
}

class Sink extends Writable {
	text = '';
	override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
		this.text += chunk.toString();
		done();
	}
}

export type FakeIO = CommandIO & {out: () => string; err: () => string};

export function fakeIO(interactive = false): FakeIO {
	const stdout = new Sink();
	const stderr = new Sink();
	return {stdout, stderr, stdin: new PassThrough(), interactive, out: () => stdout.text, err: () => stderr.text};
}

export function commandInput(flags: Partial<GlobalFlags>, io: CommandIO, args: string[] = []): CommandInput {
	return {
		args,
		io,
		flags: {
			host: 'http://127.0.0.1:11434',
			json: false,
			demo: false,
			yes: false,
			claude: true,
			resultsDir: 'results',
			docsDir: 'docs',
			promptsDir: 'prompts',
			pipelineDir: '.',
			write: false,
			...flags,
		},
		services: () => Promise.reject(new Error('report and configs must not need services (Ollama)')),
	};
}

/** python3's own parser is the judge of "still valid Python"; one process for all files (python starts slowly). */
export function pythonParseError(...files: string[]): string | null {
	try {
		execFileSync('python3', ['-c', 'import ast,sys\nfor f in sys.argv[1:]: ast.parse(open(f).read(), f)', ...files], {stdio: ['ignore', 'pipe', 'pipe']});
		return null;
	} catch (error) {
		return String((error as {stderr?: Buffer}).stderr ?? error);
	}
}
