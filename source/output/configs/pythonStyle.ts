// Python text for new configs, in a given file's style (or the default one for snippets).
import {BACKEND_URL_FIELD, HYBRID_FIELDS, type HybridConfigEntry} from './types.js';

export type EntryStyle = {
	/** Indentation of the dict entries. */
	entryIndent: string;
	quote: string;
	/** null: all keyword arguments on one line. */
	argIndent: string | null;
	/** Indentation of the closing parenthesis (multi-line layout). */
	closeIndent: string;
	/** Whether the last keyword argument is followed by a comma (multi-line layout). */
	trailingArgComma: boolean;
	/** Keyword order as the file writes it. */
	order: readonly string[];
	eol: string;
};

export const DEFAULT_STYLE: EntryStyle = {
	entryIndent: '    ',
	quote: '"',
	argIndent: '        ',
	closeIndent: '    ',
	trailingArgComma: true,
	order: HYBRID_FIELDS,
	eol: '\n',
};

/** One dict entry, ending with a comma and a newline. Values were validated before getting here. */
export function renderEntry(entry: HybridConfigEntry, style: EntryStyle): string {
	const q = style.quote;
	const args = style.order.map((field) => `${field}=${q}${entry.config[field as keyof typeof entry.config]}${q}`);
	// The served server's URL, after the six fields the file already writes (its dataclass default is None).
	if (entry.config.backend_url !== undefined && !style.order.includes(BACKEND_URL_FIELD)) args.push(`${BACKEND_URL_FIELD}=${q}${entry.config.backend_url}${q}`);
	const head = `${style.entryIndent}${q}${entry.name}${q}: HybridLLMConfig(`;
	if (style.argIndent === null) return `${head}${args.join(', ')}),${style.eol}`;
	const lines = args.map((arg, index) => `${style.argIndent}${arg}${index < args.length - 1 || style.trailingArgComma ? ',' : ''}`);
	return [head, ...lines, `${style.closeIndent}),`].join(style.eol) + style.eol;
}

export function renderEntries(entries: readonly HybridConfigEntry[], model: string, style: EntryStyle): string {
	return `${style.entryIndent}# Added by trifecta for ${model}.${style.eol}${entries.map((entry) => renderEntry(entry, style)).join('')}`;
}

/** What to paste into CONFIGS by hand when the file's shape is not recognised. */
export function configsSnippet(entries: readonly HybridConfigEntry[], model: string): string {
	return `# Inside CONFIGS in src/hybrid_llm.py:\n${renderEntries(entries, model, DEFAULT_STYLE)}`;
}
