// The esbuild options every bundle of the app shares: the CLI users run (scripts/bundle.mjs) and
// the benchmark harness's client (test/bench/run.ts), so that the harness measures the same code,
// loaded the same way, as users run.
import {readFile} from 'node:fs/promises';

// Ink 6.8's full redraw (a frame as tall as the terminal, then the next one: clear the screen and
// the scrollback, write the whole <Static> history, then the frame) writes the frame without its
// trailing newline but records it with one, so the frame after it erases one line too many: the
// last line of the history (docs/reference/terminal.md §1). Ink 7 writes the frame as it records
// it; Ink 7 needs Node 22, so the bundle carries that one-word fix. An Ink without this exact line
// fails the build rather than shipping unpatched.
const INK_REDRAW = 'this.options.stdout.write(ansiEscapes.clearTerminal + this.fullStaticOutput + output);';
const inkRedrawFix = {
	name: 'ink-redraw-newline',
	setup(build) {
		build.onLoad({filter: /[\\/]ink[\\/]build[\\/]ink\.js$/}, async (args) => {
			const source = await readFile(args.path, 'utf8');
			if (!source.includes(INK_REDRAW)) throw new Error(`${args.path}: Ink's full-redraw line has changed; review the ink-redraw-newline fix in scripts/bundleOptions.mjs`);
			return {contents: source.replace(INK_REDRAW, INK_REDRAW.replace('+ output);', '+ outputToRender);')), loader: 'js'};
		});
	},
};

export const external = ['@anthropic-ai/sdk', 'openai', 'ollama', 'conf', 'proper-lockfile'];

export const sharedOptions = {
	bundle: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	external,
	// React's development builds (their checks cost several times the CPU per frame, see cli.tsx)
	// would otherwise ride along in the bundle, to be parsed at every start and never run.
	// `npm run dev` (tsx, from source) still honours NODE_ENV=development.
	define: {'process.env.NODE_ENV': '"production"'},
	// Ink imports react-devtools-core only when DEV=true; it is not installed, and never wanted here.
	alias: {'react-devtools-core': './scripts/noDevtools.mjs'},
	// Bundled CommonJS (react, meow's helpers) calls require(); ESM has none unless we make one.
	banner: {js: "import {createRequire as __trifectaRequire} from 'node:module'; const require = __trifectaRequire(import.meta.url);"},
	logLevel: 'warning',
	plugins: [inkRedrawFix],
};
