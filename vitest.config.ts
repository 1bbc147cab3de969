import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		exclude: ['test/bench/**', 'node_modules/**', 'dist/**'],
		environment: 'node',
		testTimeout: 20_000,
		hookTimeout: 20_000,
		// Colour codes in frames would make every frame assertion brittle.
		env: {FORCE_COLOR: '0', NO_COLOR: '1'},
		pool: 'forks',
	},
});
