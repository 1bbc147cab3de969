// The one record of the experiment on disk: validated on every read, never overwritten when it
// cannot be read, written atomically, merged by model name so one step never drops another's work.
import fs from 'node:fs';
import path from 'node:path';
import {emptyResults, resultsFile, type ModelResult, type ResultsFile} from '../domain/schema.js';
import {writeFileAtomic} from './atomicWrite.js';
import {refreshThresholdChecks} from '../analysis/thresholdCheck.js';
import {CorruptResultsError} from './errors.js';
import {jsonText} from '../system/sanitize.js';

/** The results file as the steps see it: every step writes through this. */
export interface ResultsStore {
	/** Absolute path of scaling-results.json. */
	readonly path: string;
	/** The results directory (transcripts and text tables live beside the JSON). */
	readonly dir: string;
	/** Current contents (an empty record when the file does not exist). Throws CorruptResultsError. */
	read(): ResultsFile;
	/** Read, apply the change, validate, write atomically (temp file + rename). Returns the new contents. */
	update(mutate: (draft: ResultsFile) => void): ResultsFile;
}

export const RESULTS_FILE_NAME = 'scaling-results.json';

export type ResultsStoreOptions = {
	/** Measurements come from the simulator: the record is marked SIMULATED. */
	simulated: boolean;
	/** Injectable clock for tests. */
	now?: () => Date;
};

export function resultsPath(dir: string): string {
	return path.join(path.resolve(dir), RESULTS_FILE_NAME);
}

/** Whether a results file exists in dir (the report command needs one; the store does not). */
export function resultsExist(dir: string): boolean {
	return fs.existsSync(resultsPath(dir));
}

export function createResultsStore(dir: string, options: ResultsStoreOptions): ResultsStore {
	const absoluteDir = path.resolve(dir);
	const file = resultsPath(absoluteDir);
	const now = options.now ?? (() => new Date());

	function read(): ResultsFile {
		let raw: string;
		try {
			raw = fs.readFileSync(file, 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyResults(options.simulated, now());
			throw error;
		}
		return parseResults(file, raw);
	}

	function update(mutate: (draft: ResultsFile) => void): ResultsFile {
		// read() throws on a corrupt file before anything is written, so it is never overwritten.
		const draft = structuredClone(read());
		mutate(draft);
		refreshThresholdChecks(draft);
		setSimulated(draft, options.simulated);
		draft.updatedAt = now().toISOString();
		const checked = resultsFile.safeParse(draft);
		if (!checked.success) {
			const issue = checked.error.issues[0];
			const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown';
			throw new Error(`Internal error: refusing to write an invalid results record (${where}); ${file} was left as it was.`);
		}
		writeFileAtomic(file, `${jsonText(checked.data)}\n`);
		return checked.data;
	}

	return {path: file, dir: absoluteDir, read, update};
}

export function parseResults(file: string, raw: string): ResultsFile {
	let json: unknown;
	try {
		json = JSON.parse(raw);
	} catch (error) {
		throw new CorruptResultsError(file, `it is not valid JSON (${(error as Error).message})`);
	}
	const checked = resultsFile.safeParse(json);
	if (!checked.success) {
		const issue = checked.error.issues[0];
		const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'schema mismatch';
		throw new CorruptResultsError(file, `it does not match the results schema (${where})`);
	}
	return checked.data;
}

/**
 * The model's entry, created when missing. `init` fills only what the entry lacks, so a step
 * that knows the size never erases the speed or scores another step recorded.
 */
export function upsertModel(draft: ResultsFile, name: string, init: Partial<Omit<ModelResult, 'name'>> = {}): ModelResult {
	const existing = draft.models.find((model) => model.name === name);
	if (existing) {
		for (const [key, value] of Object.entries(init) as [keyof Omit<ModelResult, 'name'>, unknown][]) {
			const current = existing[key];
			const empty = current === undefined || current === null || (Array.isArray(current) && current.length === 0);
			if (empty && value !== undefined) Object.assign(existing, {[key]: value});
		}
		return existing;
	}
	const created: ModelResult = {name, sizeBytes: null, parameterSize: null, quantization: null, capabilities: [], ...init};
	draft.models.push(created);
	return created;
}

/**
 * Facts Ollama gave (size, parameters, quantization, capabilities) replace what an earlier step
 * took from the built-in catalog; unknowns (null, an empty list) never erase a known value.
 */
export function applyModelFacts(entry: ModelResult, facts: Partial<Omit<ModelResult, 'name'>>): void {
	for (const [key, value] of Object.entries(facts)) {
		if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)) Object.assign(entry, {[key]: value});
	}
}

/**
 * Sticky: once any measurement in the record came from the simulator, the whole record stays
 * SIMULATED, so a real run merged into a demo folder can never pass for real figures.
 */
export function setSimulated(draft: ResultsFile, simulated: boolean): void {
	draft.simulated = draft.simulated || simulated;
}
