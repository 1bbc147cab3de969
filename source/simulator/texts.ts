// PLACEHOLDER until the analysis/prompts engineer writes it: contract only.
import type {QualityTier} from './types.js';

export type SimulatedReplyInput = {
	model: string;
	quality: QualityTier;
	messages: {role: string; content: string}[];
	maxTokens: number;
};

/** Deterministic reply text of the given quality for bull/bear/trader/bench prompts. */
export function simulatedReply(input: SimulatedReplyInput): string {
	return `Simulated reply from ${input.model}.`;
}
