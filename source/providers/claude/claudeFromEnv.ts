// Whether the Claude baseline runs, decided once from the environment and flags. The key is
// passed to the SDK and nowhere else; callers see only "set"/"missing" through skipReason.
import type {ClaudeProvider, WarningSink} from '../types.js';
import {lazyClaudeProvider} from '../lazy.js';
import {registerSecret} from '../../system/redact.js';
import type {TimeoutSettings} from '../network/timeouts.js';

export type ClaudeFromEnvOptions = {
	env: Record<string, string | undefined>;
	model: string;
	/** Overrides ANTHROPIC_BASE_URL. */
	baseURL?: string;
	/** --no-claude */
	noClaude: boolean;
	warn?: WarningSink;
	maxRetries?: number;
	/** --load-timeout / --stall-timeout, ms. */
	timeouts?: TimeoutSettings;
};

export type ClaudeFromEnvResult = {provider: ClaudeProvider | null; skipReason: string | null};

export function claudeFromEnv(options: ClaudeFromEnvOptions): ClaudeFromEnvResult {
	const apiKey = options.env['ANTHROPIC_API_KEY']?.trim();
	// Whether or not the baseline runs, the key (and any piece of it) is hidden from everything shown or written.
	if (apiKey) registerSecret(apiKey);
	if (options.noClaude) return {provider: null, skipReason: '--no-claude'};
	if (!apiKey) return {provider: null, skipReason: 'ANTHROPIC_API_KEY is not set'};
	const baseURL = options.baseURL || options.env['ANTHROPIC_BASE_URL']?.trim() || undefined;
	// The SDK loads on the first request: deciding whether the baseline runs needs none of it.
	const provider = lazyClaudeProvider({
		apiKey,
		model: options.model,
		warn: options.warn ?? (() => {}),
		...(baseURL ? {baseURL} : {}),
		...(options.maxRetries === undefined ? {} : {maxRetries: options.maxRetries}),
		...(options.timeouts ? {timeouts: options.timeouts} : {}),
	});
	return {provider, skipReason: null};
}
