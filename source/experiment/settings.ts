// The experiment's settings: kept with conf between runs, editable on the Plan screen and by flags.
import {defaultLadder} from '../models/catalog.js';
import {DEFAULT_CLAUDE_MODEL} from '../models/pipeline.js';

export {DEFAULT_CLAUDE_MODEL, PIPELINE_OUTPUT_TOKENS} from '../models/pipeline.js';

export type Settings = {
	ladder: string[];
	/** Trader score (0-10) a model must reach to replace Claude. */
	threshold: number;
	/** Minimum mean decode rate (t/s) for a practical 12-agent pipeline. */
	minRate: number;
	reps: number;
	numCtx: number;
	numPredict: number;
	claudeModel: string;
	/** Memory bandwidth override in GB/s; null = detect. */
	bandwidthGBs: number | null;
	/** Quality scorer: the pairwise Claude judge (default with a key) or the offline rubric. */
	judge?: 'claude' | 'rubric';
	/** The judge's model; default the baseline model. */
	judgeModel?: string;
	/** Market scenarios per prompt (default 3). */
	scenarios?: number;
};


export const defaultSettings: Settings = {
	ladder: [...defaultLadder],
	threshold: 9.0,
	minRate: 8,
	reps: 3,
	numCtx: 8192,
	numPredict: 512,
	claudeModel: DEFAULT_CLAUDE_MODEL,
	bandwidthGBs: null,
};

