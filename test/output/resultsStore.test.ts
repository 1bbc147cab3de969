import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {createResultsStore, setSimulated, upsertModel, RESULTS_FILE_NAME} from '../../source/output/resultsStore.js';
import {CorruptResultsError} from '../../source/output/errors.js';
import {emptyResults} from '../../source/domain/schema.js';
import {completeResults} from './fixtureResults.js';
import {tempDir} from './helpers.js';

describe('results store', () => {
	it('reads an empty record when the file does not exist, without creating it', () => {
		const dir = tempDir();
		const store = createResultsStore(dir, {simulated: true});
		const results = store.read();
		expect(results.models).toEqual([]);
		expect(results.simulated).toBe(true);
		expect(store.path).toBe(path.join(dir, RESULTS_FILE_NAME));
		expect(fs.existsSync(store.path)).toBe(false);
	});

	it('writes atomically: the file appears complete and no temp file is left behind', () => {
		const dir = tempDir();
		const store = createResultsStore(dir, {simulated: false, now: () => new Date('2026-02-01T00:00:00.000Z')});
		store.update((draft) => {
			upsertModel(draft, 'qwen2.5:32b', {sizeBytes: 19_851_349_669});
		});
		expect(fs.readdirSync(dir)).toEqual([RESULTS_FILE_NAME]);
		const onDisk = JSON.parse(fs.readFileSync(store.path, 'utf8'));
		expect(onDisk.models[0]).toMatchObject({name: 'qwen2.5:32b', sizeBytes: 19_851_349_669});
		expect(onDisk.updatedAt).toBe('2026-02-01T00:00:00.000Z');
	});

	it('merges by model name: updating one model keeps the others and the fields it did not touch', () => {
		const dir = tempDir();
		const store = createResultsStore(dir, {simulated: false});
		const fixture = completeResults();
		store.update((draft) => Object.assign(draft, fixture));
		store.update((draft) => {
			const entry = upsertModel(draft, 'qwen2.5:32b', {sizeBytes: 1, parameterSize: 'changed'});
			entry.practical = false;
		});
		const after = store.read();
		expect(after.models.map((model) => model.name)).toEqual(['qwen2.5:14b', 'qwen2.5:32b', 'llama3.3:70b']);
		const qwen32 = after.models[1];
		// init only fills what is missing: the measured size and the speed survive.
		expect(qwen32?.sizeBytes).toBe(19_851_349_669);
		expect(qwen32?.parameterSize).toBe('32.8B');
		expect(qwen32?.speed?.evalRate.mean).toBe(12.3);
		expect(qwen32?.reasoning?.trader?.score).toBe(8.7);
		expect(qwen32?.practical).toBe(false);
		expect(after.models[2]?.speed?.evalRate.mean).toBe(6.4);
		expect(after.baseline?.reasoning.trader?.score).toBe(9.8);
	});

	it('upsertModel creates a new entry with empty facts and fills missing ones later', () => {
		const draft = emptyResults(false);
		const created = upsertModel(draft, 'command-r:35b');
		expect(created).toEqual({name: 'command-r:35b', sizeBytes: null, parameterSize: null, quantization: null, capabilities: []});
		upsertModel(draft, 'command-r:35b', {sizeBytes: 5, capabilities: ['tools']});
		expect(draft.models).toHaveLength(1);
		expect(draft.models[0]).toMatchObject({sizeBytes: 5, capabilities: ['tools']});
	});

	it('marks the record SIMULATED once a simulated run writes to it, and keeps it so', () => {
		const dir = tempDir();
		createResultsStore(dir, {simulated: true}).update(() => undefined);
		const real = createResultsStore(dir, {simulated: false});
		real.update(() => undefined);
		expect(real.read().simulated).toBe(true);
		const draft = emptyResults(false);
		setSimulated(draft, false);
		expect(draft.simulated).toBe(false);
		setSimulated(draft, true);
		expect(draft.simulated).toBe(true);
	});

	it('throws CorruptResultsError naming the file for bad JSON, and never overwrites it', () => {
		const dir = tempDir();
		const store = createResultsStore(dir, {simulated: false});
		fs.writeFileSync(store.path, '{"schemaVersion": 1, "models": [');
		expect(() => store.read()).toThrow(CorruptResultsError);
		expect(() => store.update(() => undefined)).toThrow(store.path);
		try {
			store.read();
		} catch (error) {
			expect((error as Error).message).toContain('not valid JSON');
			expect((error as Error).message).toContain('--results-dir');
			expect((error as Error).message).toMatch(/[Mm]ove it aside/);
		}
		expect(fs.readFileSync(store.path, 'utf8')).toBe('{"schemaVersion": 1, "models": [');
	});

	it('throws CorruptResultsError for valid JSON that does not match the schema, naming the field', () => {
		const dir = tempDir();
		const store = createResultsStore(dir, {simulated: false});
		const bad = {...emptyResults(false), models: [{name: 'x', sizeBytes: 'big'}]};
		fs.writeFileSync(store.path, JSON.stringify(bad));
		const before = fs.readFileSync(store.path, 'utf8');
		expect(() => store.update(() => undefined)).toThrow(/models\.0/);
		expect(fs.readFileSync(store.path, 'utf8')).toBe(before);
	});

	it('refuses to write a record the mutation made invalid, leaving the file as it was', () => {
		const dir = tempDir();
		const store = createResultsStore(dir, {simulated: false});
		store.update((draft) => upsertModel(draft, 'qwen2.5:14b'));
		const before = fs.readFileSync(store.path, 'utf8');
		expect(() =>
			store.update((draft) => {
				(draft as {schemaVersion: number}).schemaVersion = 99;
			}),
		).toThrow(/schemaVersion/);
		expect(fs.readFileSync(store.path, 'utf8')).toBe(before);
	});
});
