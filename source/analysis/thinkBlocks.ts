// Reasoning a model writes into its answer: Ollama v0.9.0-v0.12.3 (and any server when `think` is
// not honoured) leave a thinking model's <think>...</think> block inside `content`. The answer the
// rubric scores, the tool test reads and the transcript keeps as "the answer" is what follows it.

export type SplitThinking = {answer: string; thinking: string};

const BLOCK = /<think>([\s\S]*?)<\/think>/gi;

/** Removes every closed <think> block; an unclosed one (the budget ran out mid-thought) is all reasoning. */
export function splitThinking(text: string): SplitThinking {
	const thoughts: string[] = [];
	let answer = text.replace(BLOCK, (_match, inner: string) => {
		thoughts.push(inner.trim());
		return '';
	});
	const open = answer.search(/<think>/i);
	if (open !== -1) {
		thoughts.push(answer.slice(open + '<think>'.length).trim());
		answer = answer.slice(0, open);
	}
	// Some templates open the block in the prompt, so the reply starts inside it: "...</think> answer".
	const close = answer.search(/<\/think>/i);
	if (close !== -1) {
		thoughts.unshift(answer.slice(0, close).trim());
		answer = answer.slice(close + '</think>'.length);
	}
	return {answer: answer.trim(), thinking: thoughts.filter(Boolean).join('\n\n')};
}

/** The line shown when Ollama stopped at the num_predict cap (done_reason "length"). */
export function cutOffNote(tokens: number): string {
	return `answer cut off at ${tokens} tokens`;
}
