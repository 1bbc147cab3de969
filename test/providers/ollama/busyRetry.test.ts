import {describe, expect, it} from 'vitest';
import {withBusyRetry} from '../../../source/providers/ollama/busyRetry.js';

const busy = Object.assign(new Error('server busy'), {name: 'ResponseError', status_code: 503});

describe('withBusyRetry', () => {
	it('retries a 503 with doubling delays and returns the first success', async () => {
		let attempts = 0;
		const delays: number[] = [];
		const result = await withBusyRetry(
			async () => {
				attempts++;
				if (attempts < 3) throw busy;
				return 'ok';
			},
			{retries: 3, baseMs: 1, onRetry: (ms) => delays.push(ms)},
		);
		expect(result).toBe('ok');
		expect(attempts).toBe(3);
		expect(delays).toEqual([1, 2]);
	});

	it('gives up after the configured retries and rethrows the busy error', async () => {
		let attempts = 0;
		const failing = withBusyRetry(
			async () => {
				attempts++;
				throw busy;
			},
			{retries: 2, baseMs: 1},
		);
		await expect(failing).rejects.toBe(busy);
		expect(attempts).toBe(3);
	});

	it('does not retry other errors', async () => {
		let attempts = 0;
		const notFound = Object.assign(new Error('not found'), {status_code: 404});
		await expect(
			withBusyRetry(
				async () => {
					attempts++;
					throw notFound;
				},
				{retries: 3, baseMs: 1},
			),
		).rejects.toBe(notFound);
		expect(attempts).toBe(1);
	});

	it('stops waiting when the signal aborts during the backoff', async () => {
		const controller = new AbortController();
		const waiting = withBusyRetry(
			async () => {
				throw busy;
			},
			{retries: 5, baseMs: 60_000, signal: controller.signal, onRetry: () => queueMicrotask(() => controller.abort())},
		);
		await expect(waiting).rejects.toMatchObject({kind: 'canceled'});
	});
});
