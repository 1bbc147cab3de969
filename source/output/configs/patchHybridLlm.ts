// Inserts the new entries into CONFIGS in src/hybrid_llm.py, copying an existing entry's layout.
import {BACKEND_URL_FIELD, HYBRID_FIELDS, type HybridConfigEntry} from './types.js';
import {indentOfLine, lastCodeChar, lineStart, matchingBracket, splitTopLevel, startsLine, stripComments} from './pythonScan.js';
import {configsSnippet, renderEntries, type EntryStyle} from './pythonStyle.js';
import type {FilePatchResult} from './patchTypes.js';

const CONFIGS_ASSIGNMENT = /^([ \t]*)CONFIGS[ \t]*(?::[^=\n]+)?=[ \t]*\{/m;
const FIRST_ENTRY = /^([ \t]+)(["'])([A-Za-z_][A-Za-z0-9_]*)\2[ \t]*:[ \t]*HybridLLMConfig\(/m;

type Located = {open: number; close: number};

function locateConfigs(source: string): Located | string {
	const match = CONFIGS_ASSIGNMENT.exec(source);
	if (!match) return 'no `CONFIGS = {` dict literal found';
	const open = match.index + match[0].length - 1;
	const close = matchingBracket(source, open);
	if (close === -1) return 'the CONFIGS dict is not closed';
	return {open, close};
}

function detectStyle(source: string, dict: Located): EntryStyle | string {
	const body = source.slice(dict.open + 1, dict.close);
	const entry = FIRST_ENTRY.exec(body);
	if (!entry) return 'CONFIGS has no `"name": HybridLLMConfig(...)` entry to copy the style from';
	const callOpen = dict.open + 1 + entry.index + entry[0].length - 1;
	const callClose = matchingBracket(source, callOpen);
	if (callClose === -1 || callClose > dict.close) return 'an entry of CONFIGS is not closed';
	const inner = source.slice(callOpen + 1, callClose);
	const args = splitTopLevel(inner).map((part) => stripComments(part).trim());
	const names = args.map((arg) => /^([A-Za-z_]\w*)\s*=/.exec(arg)?.[1] ?? null);
	const known = new Set<string>(HYBRID_FIELDS);
	if (names.some((name) => name === null || !known.has(name)) || new Set(names).size !== HYBRID_FIELDS.length) {
		return 'the existing entry does not use the six HybridLLMConfig keyword arguments';
	}
	const multiline = inner.includes('\n');
	const firstArg = inner.search(/\S/);
	return {
		entryIndent: entry[1] ?? '    ',
		quote: entry[2] ?? '"',
		argIndent: multiline ? indentOfLine(source, callOpen + 1 + firstArg) : null,
		closeIndent: multiline ? indentOfLine(source, callClose) : '',
		trailingArgComma: stripComments(inner).trimEnd().endsWith(','),
		order: names as string[],
		eol: source.includes('\r\n') ? '\r\n' : '\n',
	};
}

/** Whether a key already exists in the dict body (any quote style). */
function hasKey(body: string, name: string): boolean {
	return new RegExp(`(["'])${name}\\1\\s*:`).test(body);
}

const DATACLASS = /^([ \t]*)class[ \t]+HybridLLMConfig\b[^\n]*:[ \t]*\r?\n/m;
const FIELD_LINE = /^([ \t]+)([A-Za-z_]\w*)[ \t]*:[ \t]*[^=\n]+(?:=[^\n]*)?$/;

/**
 * The dataclass with a `backend_url: str | None = None` field after its last field, when it has none:
 * a default, so every existing entry still loads unchanged. A string when the class is not recognised.
 */
function withBackendUrlField(source: string): {source: string} | {problem: string} {
	const match = DATACLASS.exec(source);
	if (!match) return {problem: 'no `class HybridLLMConfig:` found to add a backend_url field to'};
	const eol = source.includes('\r\n') ? '\r\n' : '\n';
	let at = match.index + match[0].length;
	let lastFieldEnd = -1;
	let indent = '    ';
	// The class body's leading annotated fields, up to the first line that is not one (a blank line, a method).
	for (;;) {
		const end = source.indexOf('\n', at);
		const line = source.slice(at, end === -1 ? undefined : end).replace(/\r$/, '');
		// Comments between fields (ours included) are part of the field block.
		if (line.trimStart().startsWith('#')) {
			if (end === -1) break;
			at = end + 1;
			continue;
		}
		const field = FIELD_LINE.exec(line);
		if (!field || line.trimStart().startsWith('def ')) break;
		if (field[2] === BACKEND_URL_FIELD) return {source};
		indent = field[1] ?? indent;
		lastFieldEnd = end === -1 ? source.length : end + 1;
		if (end === -1) break;
		at = end + 1;
	}
	if (lastFieldEnd === -1) return {problem: 'HybridLLMConfig has no annotated fields to add backend_url after'};
	const added = `${indent}# Added by trifecta: the OpenAI-compatible server (vLLM, llama-server) for openai_compatible tiers.${eol}${indent}${BACKEND_URL_FIELD}: "str | None" = None${eol}`;
	return {source: `${source.slice(0, lastFieldEnd)}${added}${source.slice(lastFieldEnd)}`};
}

export function patchHybridLlm(source: string, entries: readonly HybridConfigEntry[], model: string): FilePatchResult {
	if (entries.some((entry) => entry.config.backend_url !== undefined)) {
		const widened = withBackendUrlField(source);
		if ('problem' in widened) return {status: 'unrecognised', reason: widened.problem, snippet: configsSnippet(entries, model)};
		return patchEntries(widened.source, entries, model, widened.source !== source);
	}
	return patchEntries(source, entries, model, false);
}

function patchEntries(source: string, entries: readonly HybridConfigEntry[], model: string, fieldAdded: boolean): FilePatchResult {
	const snippet = configsSnippet(entries, model);
	const dict = locateConfigs(source);
	if (typeof dict === 'string') return {status: 'unrecognised', reason: dict, snippet};
	const body = source.slice(dict.open + 1, dict.close);
	const missing = entries.filter((entry) => !hasKey(body, entry.name));
	if (missing.length === 0) {
		if (fieldAdded) return {status: 'changed', after: source, added: [BACKEND_URL_FIELD]};
		return {status: 'unchanged', reason: `${entries.map((e) => e.name).join(', ')} already in CONFIGS`};
	}
	const style = detectStyle(source, dict);
	if (typeof style === 'string') return {status: 'unrecognised', reason: style, snippet};

	let text = source;
	let insertAt = startsLine(text, dict.close) ? lineStart(text, dict.close) : dict.close;
	const lastCode = lastCodeChar(text, dict.open + 1, dict.close);
	if (lastCode !== -1 && text[lastCode] !== ',') {
		// The last entry has no trailing comma: add one so the new entries follow it legally.
		text = `${text.slice(0, lastCode + 1)},${text.slice(lastCode + 1)}`;
		insertAt += 1;
	}
	const rendered = renderEntries(missing, model, style);
	const prefix = startsLine(source, dict.close) ? '' : style.eol;
	const suffix = startsLine(source, dict.close) ? '' : indentOfLine(source, dict.close);
	text = `${text.slice(0, insertAt)}${prefix}${rendered}${suffix}${text.slice(insertAt)}`;
	return {status: 'changed', after: text, added: missing.map((entry) => entry.name)};
}
