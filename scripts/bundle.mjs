// The CLI users run (dist/cli.js) as one bundle plus a chunk per dynamic import, beside it in
// dist/. Why: Ink alone is 500+ ES modules (es-toolkit's compat barrel for one throttle), and
// Node 20 resolves, reads and compiles each one at every start: bundled, the wizard's first frame
// costs a few files instead. The SDKs and the stores stay external: they load only when a
// request or a results file needs them, and they read files relative to their own packages.
// The per-module tsc output in dist/ stays for the benchmark harness, which bundles its client
// (test/bench/ingestClient.mjs) from it with the same options.
import {readdirSync, rmSync} from 'node:fs';
import {build} from 'esbuild';
import {sharedOptions} from './bundleOptions.mjs';

// Chunk names carry a content hash: the previous build's would pile up.
for (const file of readdirSync('dist')) if (/^chunk-\w+\.js$/.test(file)) rmSync(`dist/${file}`);

await build({
	...sharedOptions,
	entryPoints: {cli: 'source/cli.tsx'},
	outdir: 'dist',
	chunkNames: 'chunk-[hash]',
	splitting: true,
});
