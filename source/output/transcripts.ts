// Full response texts, one markdown file per subject and role, beside the results JSON.
import path from 'node:path';
import {isValidModelName} from '../models/catalog.js';
import {role as roleSchema, type Role} from './schema.js';
import {writeFileAtomic} from './atomicWrite.js';
import {UnsafeNameError} from './errors.js';

export type TranscriptMeta = {
	simulated: boolean;
	date?: Date;
};

/** A subject (model name or `claude:<model>`) as a single path segment. */
export function safeSubjectName(subject: string): string {
	if (!isValidModelName(subject)) {
		throw new UnsafeNameError(subject, 'the model name', 'it is not an Ollama model name (letters, digits, ".", "_", "-", one ":" tag).');
	}
	// ':' is not allowed in Windows file names and '/' would create a folder.
	return subject.replaceAll(':', '_').replaceAll('/', '_');
}

/** Writes transcripts/<safe subject>/<role>.md; returns the path relative to resultsDir (always '/'-separated). */
export function writeTranscript(resultsDir: string, subject: string, role: Role, text: string, meta: TranscriptMeta): string {
	const safeRole = roleSchema.parse(role);
	const relative = `transcripts/${safeSubjectName(subject)}/${safeRole}.md`;
	const header = [
		`# ${subject}: ${safeRole}`,
		'',
		...(meta.simulated ? ['**SIMULATED**: produced by the built-in simulator, not by a real model.', ''] : []),
		`- model: ${subject}`,
		`- role: ${safeRole}`,
		`- date: ${(meta.date ?? new Date()).toISOString()}`,
		'',
		'---',
		'',
	].join('\n');
	writeFileAtomic(path.join(resultsDir, ...relative.split('/')), `${header}${text}${text.endsWith('\n') ? '' : '\n'}`);
	return relative;
}
