// The one check for model names, whatever they come from (arguments, --ladder, settings, the plan
// screen, the results file, /api/tags), and the one for Claude model ids. Names go into URLs,
// file names and (for configs) Python source, so only what Ollama pulls is accepted:
//   [registry-host[:port]/][namespace/...]model[:tag]   e.g. qwen2.5:32b, library/qwen2.5:32b,
//   hf.co/bartowski/Qwen2.5-32B-Instruct-GGUF:Q4_K_M, registry.local:5000/team/model:v1
// Every path segment starts with a letter or digit and holds letters, digits, '.', '_' and '-'
// (so no `..` segment, no control character, no shell or Python metacharacter).

const SEGMENT = '[A-Za-z0-9][A-Za-z0-9._-]{0,127}';
const HOST = '[A-Za-z0-9][A-Za-z0-9.-]{0,252}(?::[0-9]{1,5})?';
const TAG = '[A-Za-z0-9][A-Za-z0-9._-]{0,127}';
/** Ollama's own shape, as in the comment above (a registry host with a port needs a path after it). */
export const MODEL_NAME_PATTERN = new RegExp(`^(?:(?:${HOST})/)?(?:${SEGMENT}/){0,3}${SEGMENT}(?::${TAG})?$`);
const MAX_NAME_LENGTH = 350;

/** Why `name` is refused, or null when it is a model name. */
export function modelNameProblem(name: string): string | null {
	if (name.length === 0) return 'it is empty';
	if (name.length > MAX_NAME_LENGTH) return `it is longer than ${MAX_NAME_LENGTH} characters`;
	// eslint-disable-next-line no-control-regex -- control characters are what is refused
	if (/[\u0000-\u001F\u007F-\u009F]/.test(name)) return 'it holds control characters';
	if (name.split(/[/:]/).some((segment) => segment === '..' || segment === '.')) return 'it has a ".." or "." segment';
	if (!MODEL_NAME_PATTERN.test(name)) return 'it is not an Ollama model name ([namespace/]model[:tag]: letters, digits, ".", "_", "-")';
	return null;
}

export function isValidModelName(name: string): boolean {
	return modelNameProblem(name) === null;
}

/** Claude model ids: claude-<letters, digits, '.', '-'>, e.g. claude-sonnet-4-5-20250929. */
export const CLAUDE_MODEL_PATTERN = /^claude-[a-z0-9][a-z0-9.-]{0,98}$/;

export function isValidClaudeModel(id: string): boolean {
	return CLAUDE_MODEL_PATTERN.test(id);
}

/**
 * A model name (or `claude:<id>`) as one folder name, injectively: ':' becomes '_', a '_' of the
 * name is doubled, '/' becomes '~'. So qwen2.5:32b -> qwen2.5_32b and qwen2.5_32b -> qwen2.5__32b
 * never share a folder. Decoding reads '__' as '_' and a single '_' as ':'; it is unambiguous
 * because a tag never starts with '_' (MODEL_NAME_PATTERN). Case is kept: Ollama itself treats
 * names that differ only in case as one model.
 */
export function modelFolderName(name: string): string {
	return name.replaceAll('_', '__').replaceAll(':', '_').replaceAll('/', '~');
}
