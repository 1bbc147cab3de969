// Whether `--judge openai:<model>` can run, decided once from the environment: OPENAI_BASE_URL names
// the endpoint (default OpenAI's own), OPENAI_API_KEY its key. OpenAI needs a key; a local server
// named by OPENAI_BASE_URL usually does not. The key goes to the SDK and nowhere else.
import {registerSecret} from '../../system/redact.js';
import type {JudgeProvider} from '../types.js';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

export type OpenAiJudgeFromEnv = {provider: JudgeProvider | null; skipReason: string | null};

export async function openAiJudgeFromEnv(env: Record<string, string | undefined>, model: string): Promise<OpenAiJudgeFromEnv> {
	const baseURL = env['OPENAI_BASE_URL']?.trim() || OPENAI_DEFAULT_BASE_URL;
	const apiKey = env['OPENAI_API_KEY']?.trim();
	// Whether or not this judge runs, the key is hidden from everything shown or written.
	if (apiKey) registerSecret(apiKey);
	if (!apiKey && baseURL === OPENAI_DEFAULT_BASE_URL) {
		return {provider: null, skipReason: 'OPENAI_API_KEY is not set (set it for OpenAI, or set OPENAI_BASE_URL to a local OpenAI-compatible server)'};
	}
	// The SDK loads only when this judge is asked for.
	const {createOpenAiJudge} = await import('./openaiJudge.js');
	return {provider: createOpenAiJudge({baseURL, model, ...(apiKey ? {apiKey} : {})}), skipReason: null};
}
