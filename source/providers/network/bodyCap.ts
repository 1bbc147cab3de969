// A size bound on every response body a provider reads through the SDKs, which buffer what a
// server sends (an SSE stream, an error body) without a limit of their own. A server that keeps
// streaming (a hostile proxy behind ANTHROPIC_BASE_URL, a broken gateway) gets its request
// aborted once the cap is passed, and `exceeded` tells the provider to say so instead of
// reporting a lost connection.
export class BodyCap {
	private exceededBytes: number | null = null;
	private readonly controller = new AbortController();

	constructor(private readonly maxBytes: number) {}

	/** Set once a body went past the cap: the request was aborted. */
	get exceeded(): number | null {
		return this.exceededBytes;
	}

	/** `base` with every response body counted, and cut (aborted) past the cap. */
	fetch(base: typeof fetch): typeof fetch {
		return async (input, init) => {
			const signal = init?.signal ? AbortSignal.any([init.signal, this.controller.signal]) : this.controller.signal;
			const response = await base(input, {...init, signal});
			if (!response.body) return response;
			let bytes = 0;
			const counted = response.body.pipeThrough(
				new TransformStream<Uint8Array, Uint8Array>({
					transform: (chunk, controller) => {
						bytes += chunk.byteLength;
						if (bytes > this.maxBytes) {
							this.exceededBytes = this.maxBytes;
							controller.error(new Error(`response body over ${this.maxBytes} bytes`));
							this.controller.abort();
							return;
						}
						controller.enqueue(chunk);
					},
				}),
			);
			return new Response(counted, {status: response.status, statusText: response.statusText, headers: response.headers});
		};
	}
}
