// The keys of each wizard screen: what the footer shows and what the help overlay explains.
export type ScreenName =
	| 'working'
	| 'preflight'
	| 'plan'
	| 'step'
	| 'verdict'
	| 'escalation'
	| 'delete'
	| 'interrupted'
	| 'configs'
	| 'done';

export type KeyHint = {keys: string; does: string};

const SCREEN_KEYS: Record<ScreenName, KeyHint[]> = {
	working: [],
	preflight: [{keys: 'Enter', does: 'plan the experiment'}],
	plan: [
		{keys: '↑/↓', does: 'select'},
		{keys: 'Space', does: 'toggle model'},
		{keys: 'u/d', does: 'move model'},
		{keys: 'r', does: 'round-one model'},
		{keys: '←/→', does: 'change setting'},
		{keys: 'Enter', does: 'start'},
	],
	step: [{keys: 'Esc', does: 'cancel step (results kept)'}],
	verdict: [{keys: 'Enter', does: 'continue'}],
	escalation: [
		{keys: '↑/↓', does: 'choose'},
		{keys: 'Enter', does: 'confirm'},
		{keys: 'Esc', does: 'back to verdict'},
	],
	delete: [
		{keys: '↑/↓', does: 'choose'},
		{keys: 'Enter', does: 'confirm'},
	],
	interrupted: [{keys: 'Enter', does: 'retry'}],
	configs: [{keys: 'Enter', does: 'continue'}],
	done: [{keys: 'Enter', does: 'exit'}],
};

export const GLOBAL_KEYS: KeyHint[] = [
	{keys: '?', does: 'help'},
	{keys: 'q', does: 'quit'},
	{keys: 'Ctrl+C', does: 'cancel step; twice: exit'},
];

export function screenKeys(screen: ScreenName, patchPending = false): KeyHint[] {
	if (screen === 'configs' && patchPending) {
		return [
			{keys: 'y', does: 'patch the pipeline'},
			{keys: 'n', does: 'leave it'},
		];
	}
	return SCREEN_KEYS[screen];
}
