// Adds the new config names to the `--hybrid` choices of src/run_analysis.py.
import {indentOfLine, lastCodeChar, lineStart, matchingBracket, simpleString, splitTopLevel, startsLine, stripComments} from './pythonScan.js';
import type {FilePatchResult} from './patchTypes.js';

type Call = {open: number; close: number};

function hybridArgumentCall(source: string): Call | null {
	const calls = /add_argument\s*\(/g;
	for (let match = calls.exec(source); match; match = calls.exec(source)) {
		const open = match.index + match[0].length - 1;
		const close = matchingBracket(source, open);
		if (close === -1) continue;
		// Option strings lead the call: add_argument("-H", "--hybrid", choices=...).
		for (const part of splitTopLevel(source.slice(open + 1, close))) {
			const literal = simpleString(stripComments(part));
			if (!literal) break;
			if (literal.value === '--hybrid') return {open, close};
		}
	}
	return null;
}

export function choicesSnippet(names: readonly string[]): string {
	return `# In src/run_analysis.py, add to the --hybrid choices:\n${names.map((name) => `"${name}",`).join(' ')}`;
}

export function patchRunAnalysis(source: string, names: readonly string[]): FilePatchResult {
	const snippet = choicesSnippet(names);
	const call = hybridArgumentCall(source);
	if (!call) return {status: 'unrecognised', reason: 'no parser.add_argument("--hybrid", ...) call found', snippet};
	const args = source.slice(call.open + 1, call.close);
	const choices = /(^|[\s,(])choices\s*=\s*/.exec(args);
	if (!choices) return {status: 'unchanged', reason: '--hybrid has no choices list, so it accepts any config name'};
	const valueStart = call.open + 1 + choices.index + choices[0].length;
	const opener = source[valueStart];
	if (opener !== '[' && opener !== '(') {
		// choices=list(CONFIGS) and the like follow the dict by themselves.
		const expression = source.slice(valueStart, valueStart + 60);
		if (/^\s*(list|sorted|tuple)?\(?\s*CONFIGS\b/.test(expression)) {
			return {status: 'unchanged', reason: '--hybrid choices come from CONFIGS, so the new configs are already selectable'};
		}
		return {status: 'unrecognised', reason: '--hybrid choices are not a literal list', snippet};
	}
	const close = matchingBracket(source, valueStart);
	if (close === -1 || close > call.close) return {status: 'unrecognised', reason: 'the --hybrid choices list is not closed', snippet};
	const items = splitTopLevel(source.slice(valueStart + 1, close)).map((item) => simpleString(stripComments(item)));
	if (items.length === 0 || items.some((item) => item === null)) {
		return {status: 'unrecognised', reason: 'the --hybrid choices are not all plain strings', snippet};
	}
	const present = new Set(items.map((item) => item?.value));
	const missing = names.filter((name) => !present.has(name));
	if (missing.length === 0) return {status: 'unchanged', reason: `${names.join(', ')} already in the --hybrid choices`};
	const quote = items[0]?.quote ?? '"';
	const quoted = missing.map((name) => `${quote}${name}${quote}`);
	const last = lastCodeChar(source, valueStart + 1, close);
	const hasTrailingComma = source[last] === ',';
	const multiline = source.slice(valueStart, close).includes('\n');
	let text: string;
	if (multiline && startsLine(source, close)) {
		const eol = source.includes('\r\n') ? '\r\n' : '\n';
		const itemIndent = indentOfLine(source, last);
		const lines = quoted.map((item) => `${itemIndent}${item},${eol}`).join('');
		const head = hasTrailingComma ? source.slice(0, last + 1) : `${source.slice(0, last + 1)},`;
		const at = lineStart(source, close);
		text = `${head}${source.slice(last + 1, at)}${lines}${source.slice(at)}`;
	} else {
		const addition = hasTrailingComma ? ` ${quoted.join(', ')},` : `, ${quoted.join(', ')}`;
		text = `${source.slice(0, last + 1)}${addition}${source.slice(last + 1)}`;
	}
	return {status: 'changed', after: text, added: missing};
}
