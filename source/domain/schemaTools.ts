// The tool-calling part of the results record: scenario outcomes per endpoint.
import {z} from 'zod';

export const toolScenarioId = z.enum(['single-call', 'choose-tool', 'use-result', 'structured-output', 'no-leak']);
export type ToolScenarioId = z.infer<typeof toolScenarioId>;

export const toolScenarioOutcome = z.object({
	id: toolScenarioId,
	outcome: z.enum(['pass', 'fail', 'unsupported', 'error']),
	reason: z.string(),
	latencyMs: z.number(),
});
export type ToolScenarioOutcome = z.infer<typeof toolScenarioOutcome>;

export const endpointToolResult = z.object({
	supported: z.boolean(),
	scenarios: z.array(toolScenarioOutcome),
	passed: z.number(),
	total: z.number(),
	/**
	 * The context the model ran at (/api/ps context_length). The native endpoint pins num_ctx; /v1
	 * cannot, so it runs at the server's default (2048, 4096 or a VRAM tier by version).
	 */
	contextLength: z.number().nullable().optional(),
	/**
	 * What this endpoint's requests asked of a thinking-capable model: 'off' (think:false natively,
	 * reasoning_effort "none" on /v1), 'low' (gpt-oss, which cannot turn it off) or 'model default' (the
	 * server takes no setting on /v1). Absent for other models.
	 */
	thinking: z.enum(['off', 'low', 'model default']).optional(),
});
export type EndpointToolResult = z.infer<typeof endpointToolResult>;

export const toolCallingResult = z.object({
	native: endpointToolResult.optional(),
	openai: endpointToolResult.optional(),
	at: z.string(),
});
export type ToolCallingResult = z.infer<typeof toolCallingResult>;
