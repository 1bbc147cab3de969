// Appends a pytest that the new configs exist to tests/test_hybrid_llm.py.
import type {HybridConfigEntry} from './types.js';
import type {FilePatchResult} from './patchTypes.js';

const MODULE_IMPORT = /^(?:from[ \t]+([\w.]*\bhybrid_llm)[ \t]+import\b|import[ \t]+([\w.]*\bhybrid_llm)\b)/m;

export function testFunctionName(entries: readonly HybridConfigEntry[]): string {
	return `test_${entries[0]?.name ?? 'hybrid'}_configs_exist`;
}

function renderTest(module: string, entries: readonly HybridConfigEntry[], model: string, indent: string, quote: string, eol: string): string {
	const q = (text: string) => `${quote}${text}${quote}`;
	const names = entries.map((entry) => q(entry.name)).join(', ');
	const url = entries[0]?.config.backend_url;
	const lines = [
		`def ${testFunctionName(entries)}():`,
		`${indent}# Added by trifecta: the hybrid configs for ${model} must stay selectable.`,
		`${indent}from ${module} import CONFIGS as configs`,
		'',
		`${indent}for name in (${names}${entries.length === 1 ? ',' : ''}):`,
		`${indent}${indent}assert name in configs`,
		`${indent}${indent}assert configs[name].reasoning_quick_provider == ${q(entries[0]?.config.reasoning_quick_provider ?? 'ollama')}`,
		`${indent}${indent}assert configs[name].reasoning_quick_model == ${q(model)}`,
		...(url === undefined ? [] : [`${indent}${indent}assert configs[name].backend_url == ${q(url)}`]),
	];
	return lines.join(eol) + eol;
}

export function testSnippet(entries: readonly HybridConfigEntry[], model: string): string {
	return `# Append to tests/test_hybrid_llm.py:\n${renderTest('hybrid_llm', entries, model, '    ', '"', '\n')}`;
}

export function patchTests(source: string, entries: readonly HybridConfigEntry[], model: string): FilePatchResult {
	const snippet = testSnippet(entries, model);
	const name = testFunctionName(entries);
	if (new RegExp(`^def[ \\t]+${name}[ \\t]*\\(`, 'm').test(source)) return {status: 'unchanged', reason: `${name} already present`};
	const imported = MODULE_IMPORT.exec(source);
	const module = imported?.[1] ?? imported?.[2];
	if (!module) return {status: 'unrecognised', reason: 'the tests do not import hybrid_llm', snippet};
	const indent = /^def [^\n]*:\r?\n([ \t]+)\S/m.exec(source)?.[1] ?? '    ';
	const quote = /^\s*(?:assert|config)[^\n]*?(["'])/m.exec(source)?.[1] ?? '"';
	const eol = source.includes('\r\n') ? '\r\n' : '\n';
	const base = source.replace(/\s*$/, '');
	return {status: 'changed', after: `${base}${eol}${eol}${eol}${renderTest(module, entries, model, indent, quote, eol)}`, added: [name]};
}
