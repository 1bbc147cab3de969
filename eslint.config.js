import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';


// Folders import only downward: cli/ -> app/ -> experiment/ -> analysis/, prompts/, output/ ->
// providers/, system/, models/ -> domain/ (docs/ARCHITECTURE.md). Each entry names the folders a layer
// may not reach into. The simulator is wired in by cli/ alone: the runner and the screens never
// know whether they talk to it.
const layers = [
	{files: ['source/app/**'], above: ['cli', 'simulator']},
	{files: ['source/experiment/**'], above: ['cli', 'app', 'simulator']},
	{files: ['source/analysis/**', 'source/prompts/**', 'source/output/**', 'source/simulator/**'], above: ['cli', 'app', 'experiment']},
	{files: ['source/providers/**', 'source/system/**', 'source/models/**'], above: ['cli', 'app', 'experiment', 'analysis', 'prompts', 'output', 'simulator']},
	{files: ['source/domain/**'], above: ['cli', 'app', 'experiment', 'analysis', 'prompts', 'output', 'simulator', 'providers', 'system', 'models']},
];
const layerRules = layers.map(({files, above}) => ({
	files,
	rules: {
		'no-restricted-imports': ['error', {
			patterns: [{
				regex: `^(\\.\\./)+(${above.join('|')})(/|\\.|$)`,
				message: `Imports go downward only (cli -> app -> experiment -> analysis/prompts/output -> providers/system/models -> domain): this folder may not import ${above.join(', ')}/. Move what both sides need below them.`,
			}],
		}],
	},
}));

export default tseslint.config(
	{ignores: ['dist/**', 'node_modules/**', 'results/**', 'coverage/**']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['**/*.{ts,tsx}'],
		plugins: {'react-hooks': reactHooks},
		rules: {
			'react-hooks/rules-of-hooks': 'error',
			'react-hooks/exhaustive-deps': 'warn',
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
			'@typescript-eslint/consistent-type-imports': 'error',
		},
	},
	{
		files: ['scripts/**/*.mjs', 'test/bench/**/*.mjs', '*.js'],
		languageOptions: {globals: {process: 'readonly', console: 'readonly', performance: 'readonly', AbortController: 'readonly'}},
	},
	...layerRules,
);
