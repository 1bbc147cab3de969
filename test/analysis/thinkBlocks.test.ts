import {describe, expect, it} from 'vitest';
import {cutOffNote, splitThinking} from '../../source/analysis/thinkBlocks.js';

describe('splitThinking', () => {
	it.each([
		['no block', 'BUY at 200.', 'BUY at 200.', ''],
		['a closed block first', '<think>\nweigh it\n</think>\n\nBUY at 200.', 'BUY at 200.', 'weigh it'],
		['two blocks', '<think>a</think>x <THINK>b</THINK> y', 'x  y', 'a\n\nb'],
		['an unclosed block: the budget ran out mid-thought', 'Intro <think> still thinking', 'Intro', 'still thinking'],
		['the template opened the block: reply starts inside it', 'reasoning here</think> BUY', 'BUY', 'reasoning here'],
		['only a block', '<think>all reasoning</think>', '', 'all reasoning'],
	])('%s', (_case, text, answer, thinking) => {
		expect(splitThinking(text)).toEqual({answer, thinking});
	});

	it('says how many tokens the answer was cut at', () => {
		expect(cutOffNote(4096)).toBe('answer cut off at 4096 tokens');
	});
});
