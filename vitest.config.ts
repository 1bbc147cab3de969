import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		exclude: ['test/bench/**', 'node_modules/**', 'dist/**'],
		environment: 'node',
		testTimeout: 20_000,
		hookTimeout: 20_000,
		// Colour codes in frames would make every frame assertion brittle. CI=true (as CI sets it)
		// would switch Ink to final-frame-only output, and the live-screen tests look at the frames.
		env: {FORCE_COLOR: '0', NO_COLOR: '1', CI: 'false'},
		pool: 'forks',
	},
});
