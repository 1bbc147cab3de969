// The client enforces what it asked for: Ollama is sent num_predict, but a server that ignores it
// (or is not Ollama) could stream forever and fill memory. A response is ended with an error once
// it streams more than twice the tokens asked for, or more than MAX_RESPONSE_CHARS of text.
import {ProviderError} from '../errors.js';

/** 4 MB of text: far past any answer trifecta asks for (a few thousand tokens). */
export const MAX_RESPONSE_CHARS = 4 * 1024 * 1024;
/** Streamed parts allowed per token asked for (Ollama sends one part per token). */
const TOKEN_SLACK = 2;
/** A floor, so a one-token warm-up still tolerates a server that splits a token in two parts. */
const MIN_PARTS = 32;

export class ResponseBudget {
	private parts = 0;
	private chars = 0;
	private readonly maxParts: number;

	constructor(
		private readonly host: string,
		private readonly model: string,
		numPredict: number | undefined,
	) {
		// num_predict -1 (or -2: fill the context) means no limit was asked: only the text cap applies.
		this.maxParts = numPredict !== undefined && numPredict > 0 ? Math.max(MIN_PARTS, numPredict * TOKEN_SLACK) : Number.POSITIVE_INFINITY;
	}

	/** Counts one streamed part of `chars` characters; throws once the response is over budget. */
	add(chars: number): void {
		this.parts += 1;
		this.chars += chars;
		if (this.parts > this.maxParts) {
			throw new ProviderError(
				'in-band',
				`Ollama at ${this.host} kept streaming ${this.model} past ${this.maxParts} tokens (twice the num_predict asked for); the response was cut off`,
				'make sure the host is a real Ollama server; if it is, update Ollama and retry',
			);
		}
		if (this.chars > MAX_RESPONSE_CHARS) {
			throw new ProviderError(
				'in-band',
				`Ollama at ${this.host} streamed more than ${MAX_RESPONSE_CHARS / 1024 / 1024} MB of text for ${this.model}; the response was cut off`,
				'make sure the host is a real Ollama server; if it is, lower num_predict and retry',
			);
		}
	}
}
