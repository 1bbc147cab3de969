// Plans and applies the pipeline patch: src/hybrid_llm.py, src/run_analysis.py and
// tests/test_hybrid_llm.py. Nothing is written until the caller confirms the shown diff; each
// changed file is backed up first; vendor/ is never touched.
import fs from 'node:fs';
import path from 'node:path';
import {createTwoFilesPatch} from 'diff';
import {assertSafeTarget, createFileExclusive, writeFileSafe} from '../../system/safeWrite.js';
import {assertSafeConfigName, assertSafeModelName} from './naming.js';
import {patchHybridLlm} from './patchHybridLlm.js';
import {encodePythonSource, readPythonSource, type PythonEncoding} from './pythonSource.js';
import {configsSnippet} from './pythonStyle.js';
import {patchRunAnalysis, choicesSnippet} from './patchRunAnalysis.js';
import {patchTests, testSnippet} from './patchTests.js';
import type {FilePatchResult} from './patchTypes.js';
import {HYBRID_FIELDS, type HybridConfigsDocument} from './types.js';

export const PIPELINE_FILES = {
	configs: 'src/hybrid_llm.py',
	cli: 'src/run_analysis.py',
	tests: 'tests/test_hybrid_llm.py',
} as const;
export const BACKUP_SUFFIX = '.trifecta.bak';

export type FileChange = {
	file: string;
	relative: string;
	before: string;
	after: string;
	diff: string;
	added: string[];
	/** The file's own encoding (see pythonSource.ts): what `after` is written in. */
	encoding: PythonEncoding;
	/** The bytes `before` was read from: a file that no longer has them is not written. */
	beforeBytes: Buffer;
};
export type FileNote = {relative: string; reason: string};
export type FileSnippet = FileNote & {snippet: string};

export type PipelinePatchPlan = {
	pipelineDir: string;
	/** false when the directory holds no src/hybrid_llm.py: nothing to patch, the JSON is all. */
	found: boolean;
	changes: FileChange[];
	unchanged: FileNote[];
	snippets: FileSnippet[];
};

export type AppliedPatch = {written: string[]; backups: string[]};

/** Every value that goes into Python source is re-checked here, whatever built the document. */
function assertSafeDocument(document: HybridConfigsDocument): void {
	assertSafeModelName(document.model);
	for (const entry of document.configs) {
		assertSafeConfigName(entry.name);
		for (const field of HYBRID_FIELDS) {
			const value = entry.config[field];
			if (field.endsWith('_provider')) {
				if (value !== 'anthropic' && value !== 'ollama') throw new Error(`Refusing provider ${JSON.stringify(value)}: only "anthropic" and "ollama" are written.`);
			} else {
				assertSafeModelName(value);
			}
		}
	}
}

/** Resolves a pipeline file, refusing anything that lands in vendor/ or outside the directory. */
function resolveTarget(root: string, relative: string): string | FileNote {
	const file = path.join(root, relative);
	const real = fs.realpathSync(file);
	const inside = path.relative(fs.realpathSync(root), real);
	if (inside.startsWith('..') || path.isAbsolute(inside)) return {relative, reason: 'it resolves outside the pipeline directory; not touched'};
	if (inside.split(path.sep)[0] === 'vendor') return {relative, reason: 'it resolves into vendor/, which trifecta never touches'};
	return real;
}

export function planPipelinePatch(pipelineDir: string, document: HybridConfigsDocument): PipelinePatchPlan {
	assertSafeDocument(document);
	const root = path.resolve(pipelineDir);
	const plan: PipelinePatchPlan = {pipelineDir: root, found: false, changes: [], unchanged: [], snippets: []};
	const configsFile = path.join(root, PIPELINE_FILES.configs);
	if (!fs.existsSync(configsFile)) return plan;
	plan.found = true;
	const names = document.configs.map((entry) => entry.name);

	const steps: {relative: string; optional: boolean; patch: (source: string) => FilePatchResult; snippet: string}[] = [
		{relative: PIPELINE_FILES.configs, optional: false, patch: (s) => patchHybridLlm(s, document.configs, document.model), snippet: configsSnippet(document.configs, document.model)},
		{relative: PIPELINE_FILES.cli, optional: false, patch: (s) => patchRunAnalysis(s, names), snippet: choicesSnippet(names)},
		{relative: PIPELINE_FILES.tests, optional: true, patch: (s) => patchTests(s, document.configs, document.model), snippet: testSnippet(document.configs, document.model)},
	];
	for (const step of steps) {
		const file = path.join(root, step.relative);
		if (!fs.existsSync(file)) {
			if (!step.optional) plan.snippets.push({relative: step.relative, reason: 'file not found', snippet: step.snippet});
			continue;
		}
		const resolved = resolveTarget(root, step.relative);
		const source = typeof resolved === 'string' ? readPythonSource(resolved) : null;
		const target: string | FileNote = source !== null && !source.ok ? {relative: step.relative, reason: source.reason} : resolved;
		const before = source?.ok ? source.text : '';
		const result: FilePatchResult =
			typeof target === 'string' ? step.patch(before) : {status: 'unrecognised', reason: target.reason, snippet: step.snippet};
		if (result.status === 'unchanged') plan.unchanged.push({relative: step.relative, reason: result.reason});
		else if (result.status === 'unrecognised') plan.snippets.push({relative: step.relative, reason: result.reason, snippet: result.snippet});
		else if (typeof target === 'string' && source?.ok) {
			const diff = createTwoFilesPatch(`a/${step.relative}`, `b/${step.relative}`, before, result.after, undefined, undefined, {context: 3});
			plan.changes.push({file: target, relative: step.relative, before, after: result.after, diff, added: result.added, encoding: source.encoding, beforeBytes: source.bytes});
		}
		// Without the configs themselves, new choices or tests would point at nothing: stop here.
		if (step.relative === PIPELINE_FILES.configs && result.status === 'unrecognised') {
			for (const rest of steps.slice(1)) plan.snippets.push({relative: rest.relative, reason: 'src/hybrid_llm.py was not patched', snippet: rest.snippet});
			return plan;
		}
	}
	return plan;
}

/** The unified diff of every planned change, for the user to read before confirming. */
export function formatPlanDiff(plan: PipelinePatchPlan): string {
	return plan.changes.map((change) => change.diff).join('\n');
}

/**
 * Writes the planned changes. A file that changed since planning is refused (the diff shown
 * would be a lie). The first backup is kept: it is the file as it was before trifecta ever ran.
 */
export function applyPipelinePatch(plan: PipelinePatchPlan): AppliedPatch {
	const encoded = new Map<FileChange, Buffer>();
	for (const change of plan.changes) {
		if (!fs.readFileSync(change.file).equals(change.beforeBytes)) {
			throw new Error(`${change.relative} changed since the diff was shown; nothing was written. Run the command again.`);
		}
		// Checked again at the last moment: the owner may have protected it since the plan.
		if ((fs.statSync(change.file).mode & 0o222) === 0) {
			throw new Error(`${change.relative} is read-only; nothing was written. Make it writable (chmod u+w) and run the command again.`);
		}
		const bytes = encodePythonSource(change.after, change.encoding);
		if (bytes === null) throw new Error(`The patch for ${change.relative} holds characters its ${change.encoding} encoding cannot; nothing was written.`);
		encoded.set(change, bytes);
	}
	// Every target and backup path is checked before the first write: a planted link (even a
	// dangling one) anywhere inside the pipeline folder refuses the whole patch, not half of it.
	// Targets are real paths (resolveTarget), so the root is too (macOS: /tmp is a link to /private/tmp).
	const root = plan.changes.length > 0 ? fs.realpathSync(plan.pipelineDir) : plan.pipelineDir;
	for (const change of plan.changes) {
		assertSafeTarget(change.file, root);
		assertSafeTarget(`${change.file}${BACKUP_SUFFIX}`, root);
	}
	const applied: AppliedPatch = {written: [], backups: []};
	for (const change of plan.changes) {
		const backup = `${change.file}${BACKUP_SUFFIX}`;
		// 'wx': an existing backup (the file as it was before trifecta ever ran) is kept.
		createFileExclusive(backup, fs.readFileSync(change.file), {root});
		applied.backups.push(backup);
		writeFileSafe(change.file, encoded.get(change) ?? Buffer.from(change.after), {root});
		applied.written.push(change.file);
	}
	return applied;
}

export type Confirm = (plan: PipelinePatchPlan, diff: string) => boolean | Promise<boolean>;

/** Plan, ask, apply: the whole flow for callers with their own way of asking (the wizard). */
export async function patchPipeline(
	pipelineDir: string,
	document: HybridConfigsDocument,
	confirm: Confirm,
): Promise<{plan: PipelinePatchPlan; applied: AppliedPatch | null}> {
	const plan = planPipelinePatch(pipelineDir, document);
	if (plan.changes.length === 0) return {plan, applied: null};
	const ok = await confirm(plan, formatPlanDiff(plan));
	return {plan, applied: ok ? applyPipelinePatch(plan) : null};
}
