// `trifecta configs [model] [--write] [--yes] [--pipeline-dir DIR]`: the hybrid configs for the
// recommended (or named) model, always saved to results/hybrid-configs.json; with --write, patched
// into the pipeline after showing the diff. Needs no Ollama, so it never calls input.services().
import fs from 'node:fs';
import {createInterface} from 'node:readline/promises';
import {createResultsStore} from '../../output/resultsStore.js';
import {buildHybridConfigs} from '../../output/configs/build.js';
import {writeHybridConfigsJson} from '../../output/configs/json.js';
import {applyPipelinePatch, formatPlanDiff, planPipelinePatch} from '../../output/configs/patchPipeline.js';
import {formatConfigs, formatPlanNotes} from '../../output/configs/format.js';
import type {HybridConfigsDocument} from '../../output/configs/types.js';
import type {CommandIO, CommandModule} from '../types.js';
import {userMessage} from '../../system/userMessage.js';
import {jsonText} from '../../system/sanitize.js';

export type Ask = (question: string, io: CommandIO) => Promise<boolean>;

const askOnTerminal: Ask = async (question, io) => {
	const prompt = createInterface({input: io.stdin, output: io.stderr});
	try {
		return /^y(es)?$/i.test((await prompt.question(question)).trim());
	} finally {
		prompt.close();
	}
};

export function createConfigsCommand(deps: {ask?: Ask} = {}): CommandModule {
	const ask = deps.ask ?? askOnTerminal;
	return {
		async run({args, flags, io}) {
			const store = createResultsStore(flags.resultsDir, {simulated: flags.demo});
			if (!fs.existsSync(store.path)) {
				io.stderr.write(`No results file at ${store.path}. Run the experiment first (trifecta, or trifecta run), or pass --results-dir.\n`);
				return 1;
			}
			let document: HybridConfigsDocument;
			try {
				document = buildHybridConfigs(store.read(), args[0]);
			} catch (error) {
				io.stderr.write(`${userMessage(error)}\n`);
				return args[0] === undefined ? 1 : 2;
			}
			const jsonFile = writeHybridConfigsJson(store.dir, document);
			// With --json, stdout carries the one JSON document; everything else goes to stderr.
			const out = flags.json ? io.stderr : io.stdout;
			const finish = (patch: object | null) => {
				if (flags.json) io.stdout.write(`${jsonText(patch ? {...document, patch} : document)}\n`);
				return 0;
			};
			if (!flags.json) out.write(`${formatConfigs(document)}\nSaved to ${jsonFile}\n`);
			if (!flags.write) return finish(null);

			const plan = planPipelinePatch(flags.pipelineDir, document);
			if (!plan.found) {
				out.write(`No pipeline in ${plan.pipelineDir} (src/hybrid_llm.py not found): nothing to patch. The configs are in ${jsonFile}.\n`);
				return finish({found: false, written: [], backups: []});
			}
			const notes = formatPlanNotes(plan);
			if (notes) out.write(`\n${notes}`);
			const summary = {found: true, unchanged: plan.unchanged, snippets: plan.snippets};
			if (plan.changes.length === 0) {
				out.write('Nothing to write: the pipeline already has these configs (or needs the hand edits above).\n');
				return finish({...summary, written: [], backups: []});
			}
			out.write(`\n${formatPlanDiff(plan)}\n`);
			if (!flags.yes) {
				if (!io.interactive) {
					io.stderr.write(`Writing the configs into ${plan.pipelineDir} needs confirmation and there is no terminal to ask on: nothing was written. Review the diff above and rerun with --yes to apply it.\n`);
					return 3;
				}
				if (!(await ask(`Apply these changes to ${plan.changes.length} file(s) in ${plan.pipelineDir}? [y/N] `, io))) {
					out.write('Nothing written.\n');
					return finish({...summary, written: [], backups: []});
				}
			}
			const applied = applyPipelinePatch(plan);
			out.write(`Written: ${applied.written.join(', ')}\nBackups (the files as they were before trifecta first changed them): ${applied.backups.join(', ')}\n`);
			return finish({...summary, ...applied});
		},
	};
}

export const configsCommand: CommandModule = createConfigsCommand();
