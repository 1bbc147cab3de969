// The CLI users run (dist/cli.js) as one bundle plus a chunk per dynamic import, beside it in
// dist/. Why: Ink alone is 500+ ES modules (es-toolkit's compat barrel for one throttle), and
// Node 20 resolves, reads and compiles each one at every start: bundled, the wizard's first frame
// costs a few files instead. The SDKs and the stores stay external: they load only when a
// request or a results file needs them, and they read files relative to their own packages.
// The per-module tsc output in dist/ stays for the benchmark harness (test/bench/ingestClient.mjs).
import {readdirSync, rmSync} from 'node:fs';
import {build} from 'esbuild';

const external = ['@anthropic-ai/sdk', 'openai', 'ollama', 'conf', 'proper-lockfile'];

// Chunk names carry a content hash: the previous build's would pile up.
for (const file of readdirSync('dist')) if (/^chunk-\w+\.js$/.test(file)) rmSync(`dist/${file}`);

await build({
	entryPoints: {cli: 'source/cli.tsx'},
	outdir: 'dist',
	chunkNames: 'chunk-[hash]',
	bundle: true,
	splitting: true,
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
});
