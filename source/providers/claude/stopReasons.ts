// The stop reasons that end a Claude answer without one (docs/reference/servers.md lists every
// value): a refusal, and a prompt plus answer that no longer fit the context window. Either is an
// error of its own kind, so no caller takes the text as an answer; neither is fixed by retrying.
import {ProviderError} from '../errors.js';

export function stopReasonError(stopReason: string | null | undefined, model: string, purpose: 'judge' | 'baseline'): ProviderError | null {
	const what = purpose === 'judge' ? 'judge a pair of answers' : 'answer the prompt';
	if (stopReason === 'refusal') {
		return new ProviderError('claude-refusal', `Claude (${model}) declined to ${what} (stop_reason "refusal")`, purpose === 'judge' ? 'the pair is recorded as not judged; try another --judge-model' : 'this answer is not used as the baseline; check the prompt files, or choose another --claude-model');
	}
	if (stopReason === 'model_context_window_exceeded') {
		return new ProviderError('claude-context-exceeded', `Claude (${model}) ran out of context window before finishing (stop_reason "model_context_window_exceeded")`, 'shorten the prompt or market files, or choose a model with a larger context');
	}
	return null;
}
