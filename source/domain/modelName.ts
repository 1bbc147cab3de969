// The one rule for model names, whatever their source (command line, ladder setting, results
// file, server answers): Ollama's own, types/model/name.go (v0.32.15, ParseNameBare and
// isValidPart), so a name is refused here exactly when Ollama would refuse it:
//   [host/][namespace/]model[:tag]   e.g. qwen2.5:32b · library/qwen2.5 · hf.co/user/repo:Q4_K_M ·
//   registry.ollama.ai/library/qwen2.5:14b · localhost:5000/team/model:v1
// - the tag is what follows the last ':' after the last '/'; a host exists only with three parts;
// - every part starts with a letter, a digit or '_'; then letters, digits, '_', '-', and '.'
//   except in the namespace; ':' only in the host (its port);
// - the host is 1-350 characters, the other parts 1-80;
// - names are compared case-insensitively, with the defaults filled in (registry.ollama.ai,
//   library, latest): Name.EqualFold.
// Stricter than Ollama on purpose: no scheme ("https://" before the host) and no digest ('@'),
// which trifecta never needs. Names go into URLs, file names and (for configs) Python source; no
// part can start with '.' or '-', so none is a path traversal or an option.

export type NameCheck = {ok: true} | {ok: false; reason: string};

type PartKind = 'host' | 'namespace' | 'model' | 'tag';

/** The parts of a name as Ollama's ParseNameBare cuts it (absent parts are null). */
export type ModelNameParts = {host: string | null; namespace: string | null; model: string; tag: string | null};

const PART_CHARS: Record<PartKind, RegExp> = {
	host: /^[A-Za-z0-9_][A-Za-z0-9_.:-]*$/,
	namespace: /^[A-Za-z0-9_][A-Za-z0-9_-]*$/,
	model: /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/,
	tag: /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/,
};
const ALLOWED_TEXT: Record<PartKind, string> = {
	host: 'letters, digits, ".", "_", "-" and a ":port"',
	namespace: 'letters, digits, "_" and "-" (no ".")',
	model: 'letters, digits, ".", "_" and "-"',
	tag: 'letters, digits, ".", "_" and "-"',
};
const SHELL_OR_SPACE = /[\s;&|$`'"<>(){}[\]*?!\\~#%^=,+]/;

function hasControlCharacter(name: string): boolean {
	for (const char of name) {
		const code = char.codePointAt(0) ?? 0;
		if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
	}
	return false;
}

/** Cuts `name` at the last '/' and ':' as types/model/name.go ParseNameBare does. */
export function parseModelName(name: string): ModelNameParts {
	let rest = name;
	let tag: string | null = null;
	if (rest.lastIndexOf(':') > rest.lastIndexOf('/')) {
		tag = rest.slice(rest.lastIndexOf(':') + 1);
		rest = rest.slice(0, rest.lastIndexOf(':'));
	}
	const modelCut = rest.lastIndexOf('/');
	if (modelCut === -1) return {host: null, namespace: null, model: rest, tag};
	const model = rest.slice(modelCut + 1);
	rest = rest.slice(0, modelCut);
	const namespaceCut = rest.lastIndexOf('/');
	if (namespaceCut === -1) return {host: null, namespace: rest, model, tag};
	return {host: rest.slice(0, namespaceCut), namespace: rest.slice(namespaceCut + 1), model, tag};
}

function partProblem(kind: PartKind, part: string): string | null {
	const max = kind === 'host' ? 350 : 80;
	if (part.length === 0) return `the ${kind} is empty`;
	if (part.length > max) return `the ${kind} is longer than ${max} characters`;
	if (!/^[A-Za-z0-9_]/.test(part)) return `the ${kind} "${part}" must start with a letter, a digit or "_"`;
	if (!PART_CHARS[kind].test(part)) return `the ${kind} "${part}" may hold only ${ALLOWED_TEXT[kind]}`;
	return null;
}

/** Why `name` is not a model name Ollama would pull, or ok. */
export function checkModelName(name: string): NameCheck {
	if (name.length === 0) return {ok: false, reason: 'the name is empty'};
	if (name.length > 700) return {ok: false, reason: 'the name is longer than 700 characters'};
	if (hasControlCharacter(name) || SHELL_OR_SPACE.test(name)) return {ok: false, reason: 'it holds a control character, a space or a shell metacharacter'};
	if (name.includes('://')) return {ok: false, reason: 'a scheme (such as https://) is not part of a model name: give host/namespace/model'};
	if (name.includes('@')) return {ok: false, reason: 'a digest (@sha256:...) is not accepted: give the name and tag'};
	const parts = parseModelName(name);
	const checks: [PartKind, string | null][] = [
		['host', parts.host],
		['namespace', parts.namespace],
		['model', parts.model],
		['tag', parts.tag],
	];
	for (const [kind, part] of checks) {
		if (part === null) continue;
		// A host holding '/' means more than host/namespace/model.
		if (kind === 'host' && part.includes('/')) return {ok: false, reason: 'it has more than host/namespace/model'};
		const problem = partProblem(kind, part);
		if (problem !== null) return {ok: false, reason: problem};
	}
	return {ok: true};
}

/**
 * The name as Ollama identifies the model: defaults filled in (registry.ollama.ai, library,
 * latest) and case folded, so "Qwen2.5", "qwen2.5:latest" and
 * "registry.ollama.ai/library/qwen2.5:latest" are one model (types/model/name.go Merge, EqualFold).
 */
export function modelNameKey(name: string): string {
	const parts = parseModelName(name.trim());
	return `${parts.host ?? 'registry.ollama.ai'}/${parts.namespace ?? 'library'}/${parts.model}:${parts.tag ?? 'latest'}`.toLowerCase();
}

export function isValidModelName(name: string): boolean {
	return checkModelName(name).ok;
}

/** Why `name` is refused, or null when it is a model name (checkModelName's reason as one value). */
export function modelNameProblem(name: string): string | null {
	const check = checkModelName(name);
	return check.ok ? null : check.reason;
}

/** Claude model ids: claude-<letters, digits, '.', '-'>, e.g. claude-sonnet-4-5-20250929. */
export const CLAUDE_MODEL_PATTERN = /^claude-[a-z0-9][a-z0-9.-]{0,98}$/;

export function isValidClaudeModel(id: string): boolean {
	return CLAUDE_MODEL_PATTERN.test(id);
}

/**
 * A model name (or `claude:<id>`) as one folder name, injectively. A name without '_' keeps the
 * familiar layout (':' -> '_', '/' -> '~': qwen2.5:32b -> qwen2.5_32b); a name with '_' (a valid
 * name may hold '_' anywhere, tags may even start with it) is percent-encoded whole
 * (qwen2.5_32b -> qwen2.5%5F32b). The first kind never holds '%', the second always does, so
 * two names never share a folder. Case is kept: Ollama itself treats names that differ only in
 * case as one model.
 */
export function modelFolderName(name: string): string {
	if (!name.includes('_')) return name.replaceAll(':', '_').replaceAll('/', '~');
	return name.replace(/[^A-Za-z0-9.-]/g, (char) => `%${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(2, '0')}`);
}
