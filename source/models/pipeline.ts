// Facts about the pipeline trifecta serves (docs/reference/tradingagents.md) and its Claude baseline,
// kept below every layer that needs them (analysis, output, experiment).

/** The Claude model the pipeline's seed configuration names; deprecated (end-of-life 2026-11-30). */
export const SEED_CLAUDE_MODEL = 'claude-sonnet-4-5-20250929';

/**
 * The baseline when the Models API cannot say which Sonnet is newest: the current Sonnet as of
 * this release. When the list can be had, the newest non-deprecated Sonnet replaces it.
 */
export const DEFAULT_CLAUDE_MODEL = 'claude-sonnet-5-5';

/** What the plan screen offers when the Models API cannot be asked (offline): current models only. */
export const CLAUDE_FALLBACK_MODELS: readonly string[] = [DEFAULT_CLAUDE_MODEL, 'claude-opus-5-5', 'claude-haiku-4-5-20251001'];

/** Output tokens in one full pipeline run (docs/reference/tradingagents.md §4: about 15-25K). */
export const PIPELINE_OUTPUT_TOKENS = 20_000;
