// One subject (a local model or the Claude baseline) through every role x scenario: each answer
// streamed, scored and persisted as it lands; a role's cell is done after its last scenario.
// A failing call marks only that scenario.
import type {Role, ScoredResponse} from '../../../domain/schema.js';
import type {Prompts} from '../../../prompts/load.js';
import type {Scenario} from '../../../prompts/scenarios.js';
import {isCanceled} from '../../../providers/errors.js';
import type {StepContext} from '../context.js';
import {realClock} from '../../clock.js';
import {CellFailure, canceledError} from './cell.js';
import type {CellRun, OnDelta, RolePrompt, ScenarioRun} from './types.js';
import {COMPARE_ROLES, promptFor} from './prompts.js';
import {errorScenario, scenarioScore} from './response.js';
import {userMessage} from '../../../system/userMessage.js';

export type SubjectPlan = {prompts: Prompts; scenarios: Scenario[]};
export type CellRunner = (prompt: RolePrompt, onDelta: OnDelta) => Promise<CellRun>;

export type SubjectHooks = {
	/** After an answer is scored by the rubric: the judge (or the noise floor) adds to it here. */
	afterScenario?(role: Role, scenario: Scenario, entry: ScenarioRun, prompt: RolePrompt): Promise<void>;
	/** The role's record from the scenarios so far; called after every scenario and at the end. */
	aggregate(role: Role, runs: ScenarioRun[]): ScoredResponse;
	persist(role: Role, response: ScoredResponse, runs: ScenarioRun[]): void;
	/** The judge revises each role after its last scenario: the cell-done sent here is not the last word. */
	revised?: boolean;
};

export async function runSubject(ctx: StepContext, plan: SubjectPlan, subject: string, runCell: CellRunner, hooks: SubjectHooks): Promise<void> {
	const bullTexts = new Map<string, string>();
	for (const role of COMPARE_ROLES) {
		const runs: ScenarioRun[] = [];
		const notes = new Set<string>();
		for (const scenario of plan.scenarios) {
			if (ctx.signal.aborted) throw canceledError();
			const prompt = promptFor(role, plan.prompts, bullTexts.get(scenario.id) ?? null, scenario);
			ctx.emit({type: 'compare:cell-start', subject, role, at: (ctx.clock ?? realClock()).now(), scenario: scenario.id});
			const onDelta: OnDelta = (text, at) => ctx.emit({type: 'compare:delta', subject, role, text, at: ctx.clock ? ctx.clock.now() : at});
			let entry: ScenarioRun;
			try {
				const run = await runCell(prompt, onDelta);
				if (role === 'bull') bullTexts.set(scenario.id, run.text);
				for (const part of run.note?.split('; ') ?? []) notes.add(part);
				const score = scenarioScore({role, scenario, run, resultsDir: ctx.results.dir, subject, simulated: ctx.simulated});
				entry = {score, run, text: run.text, elapsedSeconds: run.elapsedSeconds};
			} catch (error) {
				const cause = error instanceof CellFailure ? error.cause : error;
				if (isCanceled(cause) || ctx.signal.aborted) throw canceledError();
				const partial = error instanceof CellFailure ? error : null;
				entry = {score: errorScenario(scenario, userMessage(cause)), run: null, text: partial?.partialText ?? '', elapsedSeconds: partial?.elapsedSeconds ?? 0};
			}
			if (entry.score.status === 'ok') await hooks.afterScenario?.(role, scenario, entry, prompt);
			runs.push(entry);
			hooks.persist(role, hooks.aggregate(role, runs), runs);
		}
		const response = hooks.aggregate(role, runs);
		// A cut-off answer or thinking left in the stream is said beside the score, not hidden in it.
		if (notes.size > 0) response.note = [...notes].join('; ');
		for (const cutOff of [...notes].filter((part) => part.startsWith('answer cut off'))) ctx.emit({type: 'warning', message: `${subject} ${role}: ${cutOff}`});
		hooks.persist(role, response, runs);
		ctx.emit({type: 'compare:cell-done', subject, role, response, settled: !hooks.revised});
	}
}
