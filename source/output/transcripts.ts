// Full response texts, one markdown file per subject and role, beside the results JSON.
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {isValidModelName, modelFolderName} from '../domain/modelName.js';
import {sanitizeInline, sanitizeText} from '../system/sanitize.js';
import {role as roleSchema, type Role} from '../domain/schema.js';
import {writeFileAtomic} from './atomicWrite.js';
import {UnsafeNameError} from './errors.js';

export type TranscriptMeta = {
	simulated: boolean;
	date?: Date;
	/** Market scenario id; the first market keeps the plain <role>.md name. */
	scenario?: string;
	/** 2 for the baseline's second sample (the noise floor). */
	sample?: number;
};

const HEADER_END = '\n---\n';

/**
 * The longest folder name kept as it is. File systems refuse a name past 255 bytes (APFS, ext4,
 * NTFS), and a valid model name may run to 700 characters, up to three times that once encoded.
 */
export const MAX_FOLDER_CHARS = 120;
/** Characters of the encoded name kept before the hash of a shortened folder name. */
const KEPT_CHARS = 100;

/** A subject (model name or `claude:<model>`) as a single path segment. */
export function safeSubjectName(subject: string): string {
	if (!isValidModelName(subject)) {
		throw new UnsafeNameError(subject, 'the model name', 'it is not an Ollama model name ([namespace/]model[:tag]: letters, digits, ".", "_", "-").');
	}
	// ':' is not allowed in Windows file names and '/' would create a folder; the encoding is injective.
	const folder = modelFolderName(subject);
	if (folder.length <= MAX_FOLDER_CHARS) return folder;
	// Shortened: the readable start (never half a %XX escape) and a hash of the whole name, so two
	// names still get two folders. '=' never occurs in an encoded name, so no unshortened folder
	// can take a shortened one's name.
	const start = folder.slice(0, KEPT_CHARS).replace(/%[0-9A-F]?$/, '');
	return `${start}=${createHash('sha256').update(subject).digest('hex').slice(0, 16)}`;
}

/** Writes transcripts/<safe subject>/<role>.md; returns the path relative to resultsDir (always '/'-separated). */
export function writeTranscript(resultsDir: string, subject: string, role: Role, text: string, meta: TranscriptMeta): string {
	const safeRole = roleSchema.parse(role);
	if (meta.scenario !== undefined && !/^[a-z0-9][a-z0-9-]{0,60}$/.test(meta.scenario)) {
		throw new UnsafeNameError(meta.scenario, 'the scenario name', 'it must be lower-case letters, digits and "-".');
	}
	const scenario = meta.scenario === undefined || meta.scenario === 'market-context' ? '' : `.${meta.scenario}`;
	const sample = meta.sample !== undefined && meta.sample > 1 ? `.sample${Math.floor(meta.sample)}` : '';
	const relative = `transcripts/${safeSubjectName(subject)}/${safeRole}${scenario}${sample}.md`;
	const header = [
		`# ${sanitizeInline(subject)}: ${safeRole}`,
		'',
		...(meta.simulated ? ['**SIMULATED**: produced by the built-in simulator, not by a real model.', ''] : []),
		`- model: ${sanitizeInline(subject)}`,
		`- role: ${safeRole}`,
		`- date: ${(meta.date ?? new Date()).toISOString()}`,
		'',
		'---',
		'',
	].join('\n');
	// The model's text came from a server: escapes removed and controls made visible before it is stored.
	const body = sanitizeText(text);
	writeFileAtomic(path.join(resultsDir, ...relative.split('/')), `${header}${body}${body.endsWith('\n') ? '' : '\n'}`, {root: resultsDir});
	return relative;
}

/** The response text of a transcript written by writeTranscript (its header removed); null when unreadable. */
export function readTranscript(resultsDir: string, relative: string): string | null {
	if (!/^transcripts\/[^/]+\/[a-z0-9.-]+\.md$/.test(relative)) return null;
	try {
		const content = fs.readFileSync(path.join(resultsDir, ...relative.split('/')), 'utf8');
		const at = content.indexOf(HEADER_END);
		return at < 0 ? null : content.slice(at + HEADER_END.length).replace(/\n$/, '');
	} catch {
		return null;
	}
}
