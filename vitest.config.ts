import {availableParallelism} from 'node:os';
import {defineConfig} from 'vitest/config';

// The tests that spawn the built CLI (dist/): their project builds it first when it is older than
// the sources (scripts/buildState.mjs), so they can never pass against an old build. Vitest runs a
// project's globalSetup only when one of its files is selected: a unit-test run never builds.
const DIST = ['test/e2e/**/*.test.{ts,tsx}', 'test/faults/**/*.test.{ts,tsx}', 'test/cli/doctorCli.test.ts', 'test/cli/outputStreams.test.ts'];

export default defineConfig({
	test: {
		exclude: ['test/bench/**', 'node_modules/**', 'dist/**'],
		environment: 'node',
		testTimeout: 20_000,
		hookTimeout: 20_000,
		// Colour codes in frames would make every frame assertion brittle. CI=true (as CI sets it)
		// would switch Ink to final-frame-only output, and the live-screen tests look at the frames.
		env: {FORCE_COLOR: '0', NO_COLOR: '1', CI: 'false'},
		pool: 'forks',
		// Vitest's default is one worker fewer than the cores: one worker on a 2-core machine. Most
		// tests wait on a child process, a socket or a timer rather than compute, so a worker per core
		// keeps both busy (on this project's 2-core CI machine: about 4 minutes instead of 6).
		maxWorkers: availableParallelism(),
		projects: [
			{extends: true, test: {name: 'unit', include: ['test/**/*.test.{ts,tsx}'], exclude: ['test/bench/**', 'node_modules/**', 'dist/**', ...DIST]}},
			{extends: true, test: {name: 'dist', include: DIST, globalSetup: ['test/helpers/buildDist.ts']}},
		],
	},
});
