// The import direction is enforced, not just written down: ESLint (with the project's own config)
// rejects an upward import in each layer and accepts a downward one.
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {ESLint} from 'eslint';
import {describe, expect, it} from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({cwd: root});

async function importErrors(file: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, {filePath: path.join(root, file)});
	return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('the layers rule', () => {
	it.each([
		['source/experiment/steps/newStep.ts', "import {App} from '../../app/wizard/App.js';\nexport const x = App;\n"],
		['source/experiment/steps/newStep.ts', "import {describeFailure} from '../../cli/errors.js';\nexport const x = describeFailure;\n"],
		['source/app/screens/newScreen.ts', "import {parseArgs} from '../../cli/flags.js';\nexport const x = parseArgs;\n"],
		['source/output/newWriter.ts', "import {runBench} from '../experiment/steps/bench.js';\nexport const x = runBench;\n"],
		['source/providers/newProvider.ts', "import {ratesFor} from '../analysis/rates.js';\nexport const x = ratesFor;\n"],
		['source/experiment/runner/newSession.ts', "import {startSimulator} from '../../simulator/index.js';\nexport const x = startSimulator;\n"],
	])('rejects an upward import in %s', async (file, code) => {
		const errors = await importErrors(file, code);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/Imports go downward only/);
	});

	it.each([
		['source/experiment/steps/newStep.ts', "import {formatBytes} from '../../analysis/units.js';\nexport const x = formatBytes;\n"],
		['source/app/screens/newScreen.ts', "import {runBench} from '../../experiment/steps/bench.js';\nexport const x = runBench;\n"],
		['source/cli/commands/newCommand.ts', "import {App} from '../../app/wizard/App.js';\nexport const x = App;\n"],
	])('accepts a downward import in %s', async (file, code) => {
		expect(await importErrors(file, code)).toEqual([]);
	});
});
