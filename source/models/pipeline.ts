// Facts about the pipeline trifecta serves (reference/tradingagents.md) and its Claude baseline,
// kept below every layer that needs them (analysis, output, experiment).

/** The Claude model the pipeline's seed configuration names. */
export const DEFAULT_CLAUDE_MODEL = 'claude-sonnet-4-5-20250929';

/** Output tokens in one full pipeline run (reference/tradingagents.md §4: about 15-25K). */
export const PIPELINE_OUTPUT_TOKENS = 20_000;
