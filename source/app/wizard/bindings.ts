// The keybinding table of every wizard screen. Each entry runs its action and names itself for
// the footer and the ? help, so what a screen says a key does is what it does.
import type {ConfigsOffer, WaitingAction} from '../../experiment/runner/index.js';
import type {StrategyEvent} from '../../experiment/strategy/index.js';
import {offerOptions, type OfferChoice} from './screens/offerScreen.js';
import {escalationOptions} from './screens/escalationScreen.js';
import {deleteOptions} from './screens/deleteScreen.js';
import {COMMIT_OPTIONS} from './screens/commitScreen.js';
import {moveCursor, type Binding, type Press, type ScreenName} from './keys.js';

export type BindingContext = {
	screen: ScreenName;
	waiting: WaitingAction | null;
	cursor: number;
	setCursor(cursor: number): void;
	/** To the next (+1) or previous (-1) page of the current wait. */
	turn(delta: 1 | -1): void;
	decide(event: StrategyEvent): void;
	cancelStep(): void;
	/** One press on the plan (its rows and settings). */
	plan(press: Press): void;
	/** Opens the offer's diff in its own scrollable view. */
	showDiff(offer: ConfigsOffer): void;
	/** After a failed write: back to the offer, the answer undone. */
	reopenOffer(): void;
	leave(code: number): void;
};

function cursorKeys(ctx: BindingContext, count: number, does = 'choose'): Binding[] {
	return [
		{on: ['up', 'k'], label: '↑/↓', does, run: () => ctx.setCursor(moveCursor(ctx.cursor, -1, count))},
		{on: ['down', 'j'], label: '↓', does, run: () => ctx.setCursor(moveCursor(ctx.cursor, 1, count)), hidden: true},
	];
}

/**
 * A select list's keys: the cursor, Enter to take the option under it, and Esc to go back when
 * `back` is given. Every question screen (escalation, delete, offer, commit) is one of these.
 */
function choiceKeys<T>(ctx: BindingContext, options: readonly T[], choose: (option: T) => void, back?: string): Binding[] {
	return [
		...cursorKeys(ctx, options.length),
		{
			on: ['enter'],
			label: 'Enter',
			does: 'confirm',
			run: () => {
				const option = options[ctx.cursor];
				if (option !== undefined) choose(option);
			},
		},
		...(back ? [{on: ['escape'] as Press[], label: 'Esc', does: back, run: () => ctx.turn(-1)}] : []),
	];
}

function offerChoice(ctx: BindingContext, offer: ConfigsOffer, choice: OfferChoice): void {
	switch (choice) {
		case 'write':
			return ctx.decide({type: 'configs:answered', answer: {write: true, patch: offer.pipeline.changes.length > 0}});
		case 'json':
			return ctx.decide({type: 'configs:answered', answer: {write: true, patch: false}});
		case 'diff':
			return ctx.showDiff(offer);
		case 'skip':
			return ctx.decide({type: 'configs:answered', answer: {write: false, patch: false}});
	}
}

export function screenBindings(ctx: BindingContext): Binding[] {
	const {waiting} = ctx;
	const at = () => new Date().toISOString();
	switch (ctx.screen) {
		case 'working':
			return [];
		case 'step':
			return [{on: ['escape'], label: 'Esc', does: 'cancel the step (results kept)', run: ctx.cancelStep}];
		case 'preflight':
			return [{on: ['enter'], label: 'Enter', does: 'plan the experiment', run: () => ctx.turn(1)}];
		case 'plan': {
			const plan = (press: Press) => () => ctx.plan(press);
			return [
				{on: ['up', 'k'], label: '↑/↓', does: 'select', run: plan('up')},
				{on: ['down', 'j'], label: '↓', does: 'select', run: plan('down'), hidden: true},
				{on: ['space'], label: 'Space', does: 'toggle model', run: plan('space')},
				{on: ['u'], label: 'u/d', does: 'move model', run: plan('u')},
				{on: ['d'], label: 'd', does: 'move model down', run: plan('d'), hidden: true},
				{on: ['r'], label: 'r', does: 'round-one model', run: plan('r')},
				{on: ['left'], label: '←/→', does: 'change setting', run: plan('left')},
				{on: ['right'], label: '→', does: 'change setting', run: plan('right'), hidden: true},
				{on: ['enter'], label: 'Enter', does: 'start', run: plan('enter')},
				{on: ['escape'], label: 'Esc', does: 'back to preflight', run: () => ctx.turn(-1)},
			];
		}
		case 'verdict':
			return [{on: ['enter'], label: 'Enter', does: 'continue', run: () => ctx.turn(1)}];
		case 'escalation': {
			if (waiting?.kind !== 'ask-escalation') return [];
			const {offer} = waiting;
			return choiceKeys(ctx, escalationOptions(offer), (option) => ctx.decide({type: 'escalation:chosen', choice: option.choice, offer, at: at()}), 'back to the verdict');
		}
		case 'delete': {
			if (waiting?.kind !== 'ask-delete') return [];
			const {round, model, next} = waiting;
			return choiceKeys(ctx, deleteOptions(waiting.protect), (option) => ctx.decide({type: 'delete:answered', round, model, next, confirm: option === 'delete', at: at()}));
		}
		case 'offer': {
			if (waiting?.kind !== 'ask-configs') return [];
			const {offer} = waiting;
			return choiceKeys(ctx, offerOptions(offer), (option) => offerChoice(ctx, offer, option.choice), 'back to the verdict');
		}
		case 'commit':
			if (waiting?.kind !== 'ask-commit') return [];
			// The runner makes the commit (its commitConfigs action); the key only answers.
			return choiceKeys(ctx, COMMIT_OPTIONS, (option) => ctx.decide({type: 'commit:answered', commit: option.choice === 'yes'}));
		case 'interrupted': {
			const retry: Binding = {on: ['enter'], label: 'Enter', does: 'retry', run: () => ctx.decide({type: 'retry'})};
			if (waiting?.kind === 'failed' && waiting.key === 'configs') {
				return [retry, {on: ['escape'], label: 'Esc', does: 'back to the configs offer', run: ctx.reopenOffer}];
			}
			return [retry];
		}
		case 'done':
			return [{on: ['enter'], label: 'Enter', does: 'exit', run: () => ctx.leave(0)}];
	}
}
