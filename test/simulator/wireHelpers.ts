// Raw wire access for the simulator tests: the bytes a real client would see.

export type Json = Record<string, unknown>;

export async function post(url: string, body: unknown, init: RequestInit = {}): Promise<Response> {
	return fetch(url, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body), ...init});
}

/** Every NDJSON line of a finished response, parsed. */
export async function ndjson(response: Response): Promise<Json[]> {
	const text = await response.text();
	return text
		.split('\n')
		.filter((line) => line.trim() !== '')
		.map((line) => JSON.parse(line) as Json);
}

/** SSE frames as {event, data}; `data` is parsed JSON unless it is [DONE]. */
export async function sse(response: Response): Promise<{event: string | undefined; data: unknown}[]> {
	const text = await response.text();
	return text
		.split('\n\n')
		.filter((frame) => frame.trim() !== '')
		.map((frame) => {
			const event = /^event: (.*)$/m.exec(frame)?.[1];
			const data = /^data: (.*)$/m.exec(frame)?.[1] ?? '';
			return {event, data: data === '[DONE]' ? data : (JSON.parse(data) as unknown)};
		});
}
