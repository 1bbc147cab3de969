// The experiment's settings: kept with conf between runs, editable on the Plan screen and by flags.
import {defaultLadder} from '../models/catalog.js';
import {DEFAULT_CLAUDE_MODEL} from '../models/pipeline.js';
import {DEFAULT_THRESHOLD} from '../analysis/thresholdCheck.js';

export {DEFAULT_CLAUDE_MODEL, PIPELINE_OUTPUT_TOKENS} from '../models/pipeline.js';

/**
 * The settings hold the escalation policy's editable part (the ladder, the round-one model, the
 * threshold and the minimum rate); strategy/policy.ts turns them and the catalog into the policy.
 */
export type Settings = {
	/** Models to consider, in order of size; its 70B-class entries are the escalation candidates. */
	ladder: string[];
	/** The round-one model chosen on the plan; null = the first ladder entry above what is installed. */
	roundOne: string | null;
	/** Trader quality relative to Claude (10 = Claude's) a model must reach to replace it. */
	threshold: number;
	/** Minimum mean decode rate (t/s) for a practical 12-agent pipeline. */
	minRate: number;
	reps: number;
	numCtx: number;
	numPredict: number;
	claudeModel: string;
	/** Memory bandwidth override in GB/s; null = detect. */
	bandwidthGBs: number | null;
	/**
	 * Quality scorer: the pairwise Claude judge (default with a key), a judge on any OpenAI-compatible
	 * endpoint (`--judge openai:<model>`: not the baseline model, so no self-preference), or the
	 * offline rubric (a format-and-grounding check, not a judge).
	 */
	judge?: 'claude' | 'rubric' | 'openai';
	/** The judge's model: a Claude id (default the baseline model), or the OpenAI-compatible model with judge 'openai'. */
	judgeModel?: string;
	/** Market scenarios per prompt (default 3). */
	scenarios?: number;
};

export const defaultSettings: Settings = {
	ladder: [...defaultLadder],
	roundOne: null,
	threshold: DEFAULT_THRESHOLD,
	minRate: 8,
	reps: 3,
	numCtx: 8192,
	numPredict: 512,
	claudeModel: DEFAULT_CLAUDE_MODEL,
	bandwidthGBs: null,
};

