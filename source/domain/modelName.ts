// The one rule for model names, whatever their source (command line, ladder setting, results
// file, server answers). Names go into URLs, file names and (for configs) Python source, so only
// what Ollama itself pulls is accepted (types/model/name.go: [host/][namespace/]model[:tag]):
//   qwen2.5:32b · library/qwen2.5 · namespace/model:tag · hf.co/user/repo:Q4_K_M ·
//   registry.ollama.ai/library/qwen2.5:14b · localhost:5000/team/model:v1
// and never anything with control characters, whitespace, shell metacharacters or a `..` segment.

export type NameCheck = {ok: true} | {ok: false; reason: string};

const HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::\d{1,5})?$/i;
/** Namespace and model parts: letters, digits, '.', '_', '-'; at most 80 characters (name.go). */
const PART = /^[a-z0-9][a-z0-9._-]{0,79}$/i;
/** Tags may start with '_' and carry quantisation names such as Q4_K_M or IQ3_XS. */
const TAG = /^[a-z0-9_][a-z0-9._-]{0,79}$/i;
const UNSAFE = /[\s;&|$`'"<>(){}[\]*?!\\~#%^=,@+]/;

function hasControlCharacter(name: string): boolean {
	for (const char of name) {
		const code = char.codePointAt(0) ?? 0;
		if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
	}
	return false;
}

/** Why `name` is not a model name Ollama would pull, or ok. */
export function checkModelName(name: string): NameCheck {
	if (name.length === 0) return {ok: false, reason: 'the name is empty'};
	if (name.length > 350) return {ok: false, reason: 'the name is longer than 350 characters'};
	if (hasControlCharacter(name) || UNSAFE.test(name)) return {ok: false, reason: 'it holds a control character, a space or a shell metacharacter'};
	const segments = name.split('/');
	if (segments.some((segment) => segment === '..' || segment === '.' || segment.includes('..'))) return {ok: false, reason: 'it holds a ".." segment'};
	if (segments.length > 3) return {ok: false, reason: 'it has more than host/namespace/model'};
	const last = segments.at(-1) ?? '';
	const colon = last.indexOf(':');
	const model = colon === -1 ? last : last.slice(0, colon);
	const tag = colon === -1 ? null : last.slice(colon + 1);
	if (!PART.test(model)) return {ok: false, reason: `"${model}" is not a model name (letters, digits, ".", "_", "-")`};
	if (tag !== null && !TAG.test(tag)) return {ok: false, reason: `"${tag}" is not a tag`};
	const [first, second] = segments;
	if (segments.length === 3) {
		if (!HOST.test(first ?? '') || !PART.test(second ?? '')) return {ok: false, reason: 'the registry host or namespace is not valid'};
	} else if (segments.length === 2) {
		// namespace/model, or a registry host with the model directly under it (host.tld/model).
		if (!PART.test(first ?? '') && !HOST.test(first ?? '')) return {ok: false, reason: 'the namespace is not valid'};
	}
	return {ok: true};
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
