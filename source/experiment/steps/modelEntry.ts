// A model's entry in the results draft, created with the catalog's facts when the step is the
// first to record it (compare or tools can run before any pull or benchmark).
import {catalogEntry} from '../../models/catalog.js';
import {upsertModel} from '../../output/resultsStore.js';
import type {ModelResult, ResultsFile} from '../../domain/schema.js';

export function modelEntry(draft: ResultsFile, name: string): ModelResult {
	const known = catalogEntry(name);
	return upsertModel(
		draft,
		name,
		known
			? {sizeBytes: known.sizeBytes, parameterSize: known.parameterSize, quantization: known.quantization, capabilities: [...known.capabilities]}
			: {},
	);
}
