// `trifecta configs [model] [--write] [--commit] [--yes] [--pipeline-dir DIR]`: the hybrid configs
// for the recommended (or named) model, always saved to results/hybrid-configs.json; with --write,
// patched into the pipeline after showing the diff, then offered as a commit in the pipeline's
// repository (shown first, never made without a yes). Needs no Ollama, so it never calls input.services().
import fs from 'node:fs';
import path from 'node:path';
import {createInterface} from 'node:readline/promises';
import {createResultsStore, type ResultsStore} from '../../output/resultsStore.js';
import {nextStepOncePatched} from '../../experiment/strategy/index.js';
import {buildHybridConfigs} from '../../output/configs/build.js';
import {writeHybridConfigsJson} from '../../output/configs/json.js';
import {applyPipelinePatch, formatPlanDiff, planPipelinePatch, PIPELINE_FILES} from '../../output/configs/patchPipeline.js';
import {applyConfigsCommit, formatCommitPlan, planConfigsCommit} from '../../output/configs/commit.js';
import {changedFiles} from '../../system/git.js';
import {pipelineFor} from '../pipelineFolder.js';
import {holdingResults} from '../holdingResults.js';
import {formatConfigs, formatPlanNotes} from '../../output/configs/format.js';
import type {HybridConfigsDocument} from '../../output/configs/types.js';
import type {CommandInput, CommandIO, CommandModule} from '../types.js';
import {userMessage} from '../../system/userMessage.js';
import {jsonText, sanitizeInline} from '../../system/sanitize.js';

export type Ask = (question: string, io: CommandIO) => Promise<boolean>;

const askOnTerminal: Ask = async (question, io) => {
	const prompt = createInterface({input: io.stdin, output: io.stderr});
	try {
		return /^y(es)?$/i.test((await prompt.question(question)).trim());
	} finally {
		prompt.close();
	}
};

/**
 * The recommended model's configs are in the pipeline now: the stored next step stops asking to
 * write them (the report and the done screen show it). The command holds the results lock.
 */
function recordPatched(store: ResultsStore, model: string): void {
	if (store.read().recommendation?.model !== model) return;
	store.update((draft) => {
		const nextStep = nextStepOncePatched(draft);
		if (nextStep !== null && draft.recommendation) draft.recommendation.nextStep = nextStep;
	});
}

export function createConfigsCommand(deps: {ask?: Ask} = {}): CommandModule {
	const ask = deps.ask ?? askOnTerminal;
	return {
		async run({args, flags, io}) {
			if (flags.commit && !flags.write) {
				io.stderr.write('--commit commits the configs --write puts into the pipeline: use both (trifecta configs --write --commit).\n');
				return 2;
			}
			const store = createResultsStore(flags.resultsDir, {simulated: flags.demo});
			if (!fs.existsSync(store.path)) {
				io.stderr.write(`No results file at ${store.path}. Run the experiment first (trifecta, or trifecta run), or pass --results-dir.\n`);
				return 1;
			}
			// A bad model name is a usage error whoever holds the folder: checked before the lock.
			let document: HybridConfigsDocument;
			try {
				document = buildHybridConfigs(store.read(), args[0]);
			} catch (error) {
				io.stderr.write(`${userMessage(error)}\n`);
				return args[0] === undefined ? 1 : 2;
			}
			// hybrid-configs.json and the stored next step go into the results folder: not while
			// another trifecta (a run writing its own configs) writes there.
			return holdingResults(store.dir, io, () => writeConfigs({flags, io}, store, document, ask));
		},
	};
}

async function writeConfigs({flags, io}: Pick<CommandInput, 'flags' | 'io'>, store: ResultsStore, document: HybridConfigsDocument, ask: Ask): Promise<number> {
	const jsonFile = writeHybridConfigsJson(store.dir, document);
	// With --json, stdout carries the one JSON document; everything else goes to stderr.
	const out = flags.json ? io.stderr : io.stdout;
	// A commit that was asked for and failed is a failure, although the configs are written.
	let commitFailed = false;
	const finish = (patch: object | null) => {
		if (flags.json) io.stdout.write(`${jsonText(patch ? {...document, patch} : document)}\n`);
		return commitFailed ? 1 : 0;
	};
	if (!flags.json) out.write(`${formatConfigs(document)}\nSaved to ${jsonFile}\n`);
	if (!flags.write) return finish(null);

	const plan = planPipelinePatch(pipelineFor(flags, false).pipelineDir, document);
	if (!plan.found) {
		out.write(`No pipeline in ${plan.pipelineDir} (src/hybrid_llm.py not found): nothing to patch. The configs are in ${jsonFile}.\n`);
		return finish({found: false, written: [], backups: []});
	}
	const notes = formatPlanNotes(plan);
	if (notes) out.write(`\n${notes}`);
	const summary = {found: true, unchanged: plan.unchanged, snippets: plan.snippets};
	/** Offers the configs commit: shows it, then needs --commit --yes, or a yes on the terminal. */
	const offerCommit = async (files: string[]): Promise<object | null> => {
		const commit = planConfigsCommit(plan.pipelineDir, files, document.model);
		if (commit === null) {
			if (flags.commit) out.write(files.length === 0 ? 'Nothing to commit: the pipeline files have no changes.\n' : `${plan.pipelineDir} is not a git repository: nothing to commit.\n`);
			return null;
		}
		out.write(`\n${formatCommitPlan(commit)}\n`);
		const yes = flags.commit && flags.yes ? true : !flags.yes && io.interactive ? await ask('Commit them? [y/N] ', io) : false;
		if (!yes) {
			out.write('Not committed. To commit: trifecta configs --write --commit --yes (or the commands above).\n');
			return {committed: false, ...commit};
		}
		const result = applyConfigsCommit(commit);
		if (!result.ok) {
			commitFailed = true;
			io.stderr.write(`The commit failed: ${sanitizeInline(result.error)}. The configs are written (not staged); commit them by hand with the commands above, or fix git and run trifecta configs --write --commit --yes again.\n`);
			return {committed: false, error: result.error, ...commit};
		}
		out.write(`Committed ${result.hash}: ${commit.message}\n`);
		return {committed: true, hash: result.hash, ...commit};
	};
	if (plan.changes.length === 0) {
		out.write('Nothing to write: the pipeline already has these configs (or needs the hand edits above).\n');
		// Written earlier but never committed: --commit still commits them.
		const pending = flags.commit ? changedFiles(plan.pipelineDir, Object.values(PIPELINE_FILES)).map((file) => path.join(plan.pipelineDir, file)) : [];
		const commit = flags.commit ? await offerCommit(pending) : null;
		return finish({...summary, written: [], backups: [], ...(commit ? {commit} : {})});
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
	recordPatched(store, document.model);
	const commit = await offerCommit(applied.written);
	return finish({...summary, ...applied, ...(commit ? {commit} : {})});
}

export const configsCommand: CommandModule = createConfigsCommand();
