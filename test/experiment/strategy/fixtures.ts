// Builders for results-file fragments and a pure driver that plays the runner's part against a
// scripted world, so strategy tests read as scenarios: measurements in, decisions out.
import {catalogEntry, isOneAtATime} from '../../../source/models/catalog.js';
import type {ModelResult, ResultsFile, RubricDimension, ScoredResponse, SpeedResult} from '../../../source/domain/schema.js';
import {emptyResults} from '../../../source/domain/schema.js';
import {type Settings} from '../../../source/experiment/settings.js';
import {testSettings} from '../../helpers/testSettings.js';
import {initialState, nextAction, reduce} from '../../../source/experiment/strategy/index.js';
import type {Action, EscalationChoice, EscalationOffer, MachineFacts, StrategyState} from '../../../source/experiment/strategy/index.js';
import {judgedTrader, type MarketSpec} from '../../helpers/judgedRecord.js';

/**
 * A model as the scripted world measures it: `trader` is its relative score (10 = Claude), judged
 * the same on three markets; `criteria` spreads it over thesis, risk, consistency, actionability;
 * `trader: null` = the judge produced no score; `judged` replaces the whole judged record (a
 * misbehaving judge, a failed market, a missing stop-loss).
 */
export type ModelWorld = {trader: number | null; rate: number; criteria?: number[]; dims?: RubricDimension[]; sizeBytes?: number; judged?: MarketSpec | MarketSpec[]};
export type World = Record<string, ModelWorld>;

const AT = '2026-01-01T00:00:00.000Z';

/** A rate that keeps rate x bytes constant, as on one real machine, from the 32B's rate there. */
export function rateOnMachine(rate32: number, model: string): number {
	return (rate32 * (catalogEntry('qwen2.5:32b')?.sizeBytes ?? 0)) / (catalogEntry(model)?.sizeBytes ?? 1);
}

/** Round one's models (the two installed and the 32B) on a machine where the 32B decodes at `rate32`. */
export function roundOneWorld(options: {rate32?: number; trader32?: number} = {}): World {
	const rate32 = options.rate32 ?? 16.2;
	return {
		'qwen2.5:14b': {trader: 7.1, rate: rateOnMachine(rate32, 'qwen2.5:14b')},
		'mistral-small:22b': {trader: 7.4, rate: rateOnMachine(rate32, 'mistral-small:22b')},
		'qwen2.5:32b': {trader: options.trader32 ?? 8.4, rate: rate32},
	};
}

/** Round one below the threshold, both 70B-class models above it at a practical speed: the wizard walks every page. */
export function escalationWorld(): World {
	return {
		...roundOneWorld(),
		'qwen2.5:72b': {trader: 9.2, rate: 8.5},
		'llama3.3:70b': {trader: 9.1, rate: 9.0},
	};
}

export function dims(lost: {decision?: number; stopLoss?: number; target?: number; sizing?: number; depth?: number; grounding?: number}): RubricDimension[] {
	const make = (id: string, label: string, max: number, missing = 0): RubricDimension => ({id, label, max, points: max - missing, note: ''});
	return [
		make('decision', 'Decision', 1.5, lost.decision),
		make('stopLoss', 'Stop-loss', 1.5, lost.stopLoss),
		make('target', 'Target', 1.5, lost.target),
		make('sizing', 'Sizing', 1, lost.sizing),
		make('grounding', 'Grounding', 2, lost.grounding),
		make('depth', 'Depth', 2.5, lost.depth),
	];
}

export function response(role: 'bull' | 'bear' | 'trader', score: number, dimensions: RubricDimension[] = []): ScoredResponse {
	return {
		role,
		status: 'ok',
		metrics: null,
		score,
		dimensions,
		relativeToBaseline: null,
		elapsedSeconds: 1,
		outputTokens: 100,
		tokensPerSecond: 10,
		ttftMs: 10,
		transcript: null,
		tail: '',
		at: AT,
	};
}

/** Claude's judged trader quality in the scripted world: a relative score r gives the local answer r x this / 10. */
export const CLAUDE_JUDGED = 9.8;

/** The trader record the judge gives a world model: its relative score on every market, Claude at CLAUDE_JUDGED. */
export function judgedWorldTrader(world: ModelWorld, judgeModel: string): ScoredResponse {
	const spec: MarketSpec | MarketSpec[] =
		world.judged ??
		(world.trader === null
			? {judgeError: 'the judge refused to answer (stop_reason refusal) (asked twice)'}
			: {answer: (world.criteria ?? [world.trader, world.trader, world.trader, world.trader]).map((r) => (r * CLAUDE_JUDGED) / 10), baseline: CLAUDE_JUDGED});
	return {...judgedTrader(spec, {judgeModel}), dimensions: world.dims ?? []};
}

export function speed(rate: number, settings: Settings): SpeedResult {
	const stats = (value: number) => ({mean: value, sd: 0, samples: [value]});
	return {
		evalRate: stats(rate),
		promptEvalRate: stats(rate * 10),
		ttftMs: stats(100),
		loadMs: 1000,
		evalCount: stats(300),
		ceilingRate: null,
		bandwidthGBs: 400,
		efficiency: null,
		memory: null,
		warnings: [],
		options: {temperature: 0, seed: 42, num_ctx: settings.numCtx, num_predict: settings.numPredict, think: null, reps: settings.reps, prompt: 'p'},
		reps: [],
		pipelineEstimateSeconds: 20_000 / rate,
		at: AT,
	};
}

function entry(results: ResultsFile, name: string): ModelResult {
	let model = results.models.find((candidate) => candidate.name === name);
	if (!model) {
		model = {name, sizeBytes: catalogEntry(name)?.sizeBytes ?? 1e9, parameterSize: null, quantization: null, capabilities: []};
		results.models.push(model);
	}
	return model;
}

export function machine(installed: string[], overrides: Partial<MachineFacts> = {}): MachineFacts {
	return {
		installed: installed.map((name) => ({name, sizeBytes: catalogEntry(name)?.sizeBytes ?? 1e9})),
		totalRamBytes: 128e9,
		freeRamBytes: 100e9,
		modelsDiskFreeBytes: 500e9,
		bandwidthGBs: 400,
		claudeAvailable: true,
		...overrides,
	};
}

export type Script = {
	world: World;
	installed?: string[];
	settings?: Settings;
	/** Answers in order; 'default' takes what --yes takes. */
	escalation?: (EscalationChoice | 'default')[];
	deleteFirst?: (boolean | 'default')[];
	results?: ResultsFile;
	machine?: Partial<MachineFacts>;
	/** Stop after this many actions (a quit), returning what was persisted. */
	stopAfter?: number;
	baselineTrader?: number;
};

export type Played = {
	state: StrategyState;
	/** Every action performed, as short lines ('pull qwen2.5:32b', 'ask-escalation', …). */
	log: string[];
	/** The most 70B-class models installed at once. */
	maxLarge: number;
	/** Every escalation offer asked, in order. */
	offers: EscalationOffer[];
	installed: string[];
	last: Action;
};

/** Plays the runner's role against `world` until done, a missing answer, or `stopAfter`. */
export function play(script: Script): Played {
	const settings = script.settings ?? testSettings;
	const escalation = [...(script.escalation ?? [])];
	const deleteFirst = [...(script.deleteFirst ?? [])];
	let installed = [...(script.installed ?? ['qwen2.5:14b', 'mistral-small:22b'])];
	let state = initialState(script.results ?? emptyResults(true), settings);
	const log: string[] = [];
	let maxLarge = 0;
	const offers: EscalationOffer[] = [];
	let last: Action = nextAction(state);
	for (let count = 0; count < 200; count += 1) {
		if (script.stopAfter !== undefined && count >= script.stopAfter) break;
		const action = nextAction(state);
		last = action;
		if (action.kind === 'done' || action.kind === 'canceled' || action.kind === 'failed') break;
		const results = structuredClone(state.results);
		switch (action.kind) {
			case 'preflight':
				state = reduce(state, {type: 'preflight:done', machine: machine(installed, script.machine)});
				break;
			case 'plan':
				state = reduce(state, {type: 'plan:confirmed'});
				break;
			case 'step': {
				log.push(`${action.step} ${action.models.join(',')}${action.baseline ? '+baseline' : ''}`);
				const pulled: {name: string; sizeBytes: number}[] = [];
				for (const name of action.models) {
					const world = script.world[name] ?? {trader: 5, rate: 20};
					const size = catalogEntry(name)?.sizeBytes ?? world.sizeBytes ?? 1e9;
					const model = entry(results, name);
					if (action.step === 'pull') {
						installed.push(name);
						pulled.push({name, sizeBytes: size});
						model.sizeBytes = size;
						model.pull = {status: 'pulled', bytes: 1, seconds: 1, at: AT};
					} else if (action.step === 'bench') {
						model.speed = speed(world.rate, state.settings);
						model.practical = world.rate >= state.settings.minRate;
					} else if (action.step === 'compare') {
						model.reasoning = {bull: response('bull', 8), bear: response('bear', 8), trader: judgedWorldTrader(world, state.settings.judgeModel ?? state.settings.claudeModel)};
					} else {
						const endpoint = {supported: true, scenarios: [], passed: 5, total: 5};
						model.toolCalling = {native: endpoint, openai: endpoint, at: AT};
					}
				}
				if (action.baseline) {
					const trader = script.baselineTrader ?? 9.8;
					results.baseline = {provider: 'claude', model: state.settings.claudeModel, status: 'ok', note: null, reasoning: {trader: response('trader', trader)}, costUsd: 0.1, usage: null};
				}
				const large = installed.filter((name) => isOneAtATime(name, catalogEntry(name)?.sizeBytes ?? 0)).length;
				maxLarge = Math.max(maxLarge, large);
				state = reduce(state, {type: 'step:done', keys: action.keys, results, ...(pulled.length > 0 ? {pulled} : {})});
				break;
			}
			case 'record':
				log.push(`record ${action.record.decision}`);
				state = reduce(state, {type: 'decision:recorded', record: {...action.record, at: AT}});
				break;
			case 'ask-escalation': {
				const answer = escalation.shift();
				log.push(`ask-escalation ${action.offer.recommended}`);
				offers.push(action.offer);
				if (answer === undefined) return {state, log, maxLarge, offers, installed, last: action};
				const choice = answer === 'default' ? action.offer.defaultChoice : answer;
				state = reduce(state, {type: 'escalation:chosen', choice, offer: action.offer, at: AT});
				break;
			}
			case 'ask-delete': {
				const answer = deleteFirst.shift();
				log.push(`ask-delete ${action.model}`);
				if (answer === undefined) return {state, log, maxLarge, offers, installed, last: action};
				const confirm = answer === 'default' ? !action.protect : answer;
				state = reduce(state, {type: 'delete:answered', round: action.round, model: action.model, next: action.next, confirm, at: AT});
				break;
			}
			case 'delete':
				log.push(`delete ${action.model}`);
				installed = installed.filter((name) => name !== action.model);
				state = reduce(state, {type: 'delete:done', model: action.model});
				break;
			case 'recommend':
				log.push(`recommend ${action.recommendation.model ?? 'none'}`);
				state = reduce(state, {type: 'recommendation:recorded', recommendation: action.recommendation, configs: [], at: AT});
				break;
			case 'ask-configs':
				state = reduce(state, {type: 'configs:answered', answer: {write: true, patch: false}});
				break;
			case 'configs':
				log.push('configs');
				state = reduce(state, {type: 'configs:written', files: ['hybrid-configs.json']});
				break;
			case 'report':
				log.push('report');
				state = reduce(state, {type: 'report:written', files: ['TASK_005_REPORT.md']});
				break;
		}
		last = nextAction(state);
	}
	return {state, log, maxLarge, offers, installed, last};
}

export function decisions(state: StrategyState): string[] {
	return state.results.rounds.map((record) => `${record.round}:${record.decision}:${record.chosen ?? '-'}`);
}
