// Keys as the wizard sees them. Ink hands useInput one event per escape sequence but a whole
// run of plain text as one string ("jjj", a paste), so every event is split into single
// presses here; a burst of keys is then handled press by press (docs/reference/terminal.md §4).
//
// Each screen has one table of bindings: the same entries run the handlers, fill the footer
// and the ? help, so a key cannot be shown with one meaning and do another.
import type {Key} from 'ink';

export type ScreenName =
	| 'working'
	| 'preflight'
	| 'plan'
	| 'step'
	| 'verdict'
	| 'escalation'
	| 'delete'
	| 'interrupted'
	| 'offer'
	| 'commit'
	| 'done';

/** One key press: a named key, or one printable character. */
export type Press = 'up' | 'down' | 'left' | 'right' | 'enter' | 'escape' | 'space' | 'tab' | 'backspace' | 'pageup' | 'pagedown' | 'ctrl+c' | (string & {});

export type Binding = {
	/** The presses that trigger it. */
	on: Press[];
	/** How the footer and help name the keys ("↑/↓"). */
	label: string;
	does: string;
	run(): void;
	/** Named by the entry before it ("↑/↓" covers ↓): listed in neither the footer nor the help. */
	hidden?: boolean;
};

export type KeyHint = Pick<Binding, 'label' | 'does'>;

const NAMED: [keyof Key, Press][] = [
	['upArrow', 'up'],
	['downArrow', 'down'],
	['leftArrow', 'left'],
	['rightArrow', 'right'],
	['pageUp', 'pageup'],
	['pageDown', 'pagedown'],
	['return', 'enter'],
	['escape', 'escape'],
	['tab', 'tab'],
	['backspace', 'backspace'],
	['delete', 'backspace'],
];

/** The presses in one useInput event, in order. */
export function pressesOf(input: string, key: Key): Press[] {
	if (key.ctrl && input === 'c') return ['ctrl+c'];
	for (const [flag, press] of NAMED) if (key[flag] === true) return [press];
	if (key.ctrl || key.meta) return [];
	// A run of text can hold Enter and Tab too ("\r\r" is one event, with key.return false).
	return [...input].flatMap((char): Press[] => (char in CONTROL ? [CONTROL[char] as Press] : char < ' ' ? [] : [char]));
}

const CONTROL: Record<string, Press> = {' ': 'space', '\r': 'enter', '\n': 'enter', '\t': 'tab', '\u007F': 'backspace'};

/** Runs the first binding for the press; false when none takes it. */
export function dispatchPress(bindings: Binding[], press: Press): boolean {
	const binding = bindings.find((candidate) => candidate.on.includes(press));
	binding?.run();
	return binding !== undefined;
}

/** Moves a cursor over `count` rows, stopping at both ends. */
export function moveCursor(cursor: number, delta: number, count: number): number {
	return Math.max(0, Math.min(count - 1, cursor + delta));
}
