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
