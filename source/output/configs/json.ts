// results/hybrid-configs.json: always written, whether or not the pipeline gets patched.
import path from 'node:path';
import {writeFileAtomic} from '../atomicWrite.js';
import type {HybridConfigsDocument} from './types.js';
import {jsonText} from '../../system/sanitize.js';

export const CONFIGS_FILE_NAME = 'hybrid-configs.json';

export function writeHybridConfigsJson(resultsDir: string, document: HybridConfigsDocument): string {
	const file = path.join(path.resolve(resultsDir), CONFIGS_FILE_NAME);
	writeFileAtomic(file, `${jsonText(document)}\n`);
	return file;
}
