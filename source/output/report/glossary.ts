// The words the report uses, for a reader who did not run the experiment.
import type {ResultsFile} from '../../domain/schema.js';
import {minRate} from './facts.js';

export function formatGlossary(results: ResultsFile): string {
	const floor = minRate(results);
	const terms: Array<[string, string]> = [
		['t/s', 'tokens per second. Decode t/s is how fast a model writes its answer, from Ollama\'s own counters (eval_count / eval_duration).'],
		['prefill', 'how fast the model reads the prompt before writing, in t/s (prompt_eval_count / prompt_eval_duration); it matters for the long contexts the analysts pass on.'],
		['TTFT', 'time to first token: from sending the request to the first token of the answer, measured by trifecta; it includes loading and prefill.'],
		['ceiling', 'the fastest a model can decode on this machine: memory bandwidth / model bytes, because every token reads all the weights once.'],
		['efficiency', 'measured decode rate / ceiling. Apple Max chips typically reach 55–80 %; much less suggests memory pressure or offload to the CPU.'],
		['compliance', 'whether the pipeline can use an answer: the decision line, stop-loss, target, sizing, horizon, levels that fit the direction, figures grounded in the supplied context. Checks and counts, never mixed into quality.'],
		['judged quality', 'the 0–10 score of an answer against Claude\'s answer to the same prompt, from the scorer named with it; the threshold applies to the trader\'s.'],
		['interval', 'the 95 % interval of a mean over several market contexts: the range the true mean likely lies in. Two models whose intervals overlap are not shown to differ.'],
		['practical', `a mean decode rate at or above the minimum rate${floor === null ? '' : ` (${floor} t/s)`}: fast enough for all 12 agents of one pipeline run; below it a model is flagged impractical.`],
	];
	return `## Glossary\n\n${terms.map(([term, meaning]) => `- **${term}**: ${meaning}`).join('\n')}\n`;
}
