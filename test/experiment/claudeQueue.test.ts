import {describe, expect, it} from 'vitest';
import {ClaudeQueue} from '../../source/experiment/claudeQueue.js';
import {ProviderError} from '../../source/providers/errors.js';

function gate(): {promise: Promise<void>; open: () => void} {
	let open: () => void = () => undefined;
	const promise = new Promise<void>((resolve) => {
		open = resolve;
	});
	return {promise, open};
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ClaudeQueue', () => {
	it('runs at most 3 requests at once by default, the rest in arrival order', async () => {
		const queue = new ClaudeQueue();
		const signal = new AbortController().signal;
		const started: number[] = [];
		const gates = Array.from({length: 5}, () => gate());
		const runs = gates.map((g, index) =>
			queue.run(`r${index}`, async () => {
				started.push(index);
				await g.promise;
				return index;
			}, signal),
		);
		await tick();
		expect(started).toEqual([0, 1, 2]);
		expect(queue.load()).toEqual({active: 3, waiting: 2});
		gates[1]?.open();
		await tick();
		expect(started).toEqual([0, 1, 2, 3]);
		for (const g of gates) g.open();
		expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
		expect(queue.busy()).toHaveLength(5);
	});

	it('pauses every start after a 429 and tries the throttled request again at its place', async () => {
		const backoffs: number[] = [];
		const queue = new ClaudeQueue({concurrency: 1, backoffMs: 20, onBackoff: (ms) => backoffs.push(ms)});
		const signal = new AbortController().signal;
		const order: string[] = [];
		let attempts = 0;
		const first = queue.run('first', async () => {
			attempts += 1;
			order.push(`first#${attempts}`);
			if (attempts === 1) throw new ProviderError('claude-rate-limit', 'The Claude API rate limit was hit', 'wait');
			return 'ok';
		}, signal);
		const second = queue.run('second', async () => {
			order.push('second');
			return 'ok';
		}, signal);
		expect(await Promise.all([first, second])).toEqual(['ok', 'ok']);
		expect(order).toEqual(['first#1', 'first#2', 'second']);
		expect(backoffs).toEqual([20]);
	});

	it('gives up on a request still throttled after its attempts, with the provider error', async () => {
		const queue = new ClaudeQueue({backoffMs: 1, maxAttempts: 2});
		const overloaded = new ProviderError('claude-overloaded', 'The Claude API is overloaded right now', 'retry later');
		await expect(queue.run('r', async () => Promise.reject(overloaded), new AbortController().signal)).rejects.toBe(overloaded);
	});

	it('drops waiting requests on cancel without starting them', async () => {
		const queue = new ClaudeQueue({concurrency: 1});
		const controller = new AbortController();
		const hold = gate();
		let secondStarted = false;
		const first = queue.run('first', async () => hold.promise, controller.signal);
		const second = queue.run('second', async () => {
			secondStarted = true;
		}, controller.signal);
		controller.abort();
		await expect(second).rejects.toMatchObject({kind: 'canceled'});
		hold.open();
		await first;
		expect(secondStarted).toBe(false);
	});

	it('waits what the API asked for (retry-after), counting down, and never loses a request to three 429s', async () => {
		const backoffs: number[] = [];
		const countdown: number[] = [];
		const queue = new ClaudeQueue({backoffMs: 1, tickMs: 10, onBackoff: (ms) => backoffs.push(ms), onCountdown: (left) => countdown.push(left)});
		let attempts = 0;
		const run = queue.run('baseline', async () => {
			attempts += 1;
			if (attempts <= 3) throw new ProviderError('claude-rate-limit', 'The Claude API rate limit was hit', 'wait', {status: 429, retryAfterMs: 60});
			return 'answered';
		}, new AbortController().signal);
		expect(await run).toBe('answered');
		expect(backoffs).toEqual([60, 60, 60]);
		expect(countdown.length).toBeGreaterThan(0);
		expect(countdown.every((left) => left > 0 && left <= 60)).toBe(true);
	});

	it('does not sit out a retry-after past its cap: the request fails at once, saying how long the API asked for', async () => {
		const backoffs: number[] = [];
		const queue = new ClaudeQueue({maxWaitMs: 300_000, onBackoff: (ms) => backoffs.push(ms)});
		const limited = new ProviderError('claude-rate-limit', 'The Claude API rate limit was hit', 'wait', {status: 429, retryAfterMs: 3_600_000});
		const error = await queue.run('judge', async () => Promise.reject(limited), new AbortController().signal).catch((caught: unknown) => caught);
		expect(error).toMatchObject({kind: 'claude-rate-limit', message: 'The Claude API rate limit asks to wait 60 min before the next request (retry-after), longer than the 5 min trifecta waits'});
		expect((error as ProviderError).hint).toMatch(/run the same command again/);
		expect(backoffs).toEqual([]);
	});
});
