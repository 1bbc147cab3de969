// The wizard's shell: shows the page for what the runner waits for (or the running step's live
// screen), routes keys to it through the screen's keybinding table, and owns the global keys:
// ? help, q quit, Ctrl+C cancel / exit. Screens only render; decisions go to the runner.
//
// Layout: finished lines go to <Static> (the scrollback); the live region below is at most the
// terminal's rows - 1 (a frame as tall as the terminal makes Ink clear the screen) and as wide
// as the terminal up to MAX_WIDTH, and follows resizes (redrawing the scrollback once each).
import React, {useEffect, useReducer, useRef} from 'react';
import {Box, Text, useApp} from 'ink';
import type {Runner} from '../../experiment/runner/index.js';
import {currentRound} from '../../experiment/strategy/index.js';
import type {DoctorReport} from '../doctor/report.js';
import {Bounded} from '../components/bounded.js';
import {Prose} from '../components/prose.js';
import {ResizeRefresh} from '../components/resizeRefresh.js';
import {StaticAnchor} from '../components/staticAnchor.js';
import {useTerminalSize} from '../hooks/useTerminalSize.js';
import {screenBindings} from './bindings.js';
import {Footer, footerHeight, footerLines} from './footer.js';
import {dispatchPress, pressesOf, type Press, type ScreenName} from './keys.js';
import {HelpOverlay, QuitConfirm} from './overlays.js';
import {DiffView, clampOffset, diffRows} from './diffView.js';
import {pagesFor, waitIdentity} from './pages.js';
import {WizardPage} from './wizardPage.js';
import {planKey} from './screens/planScreen.js';
import {SummaryLog} from './summaryLog.js';
import {useKeys} from './useKeys.js';
import {useWizard} from './useWizard.js';

/** The Done page's rows in the wizard's last frame: all of it. */
const LAST_FRAME_ROWS = 1000;

/** Wider than this, lines get hard to read and tables stretch for nothing. */
export const MAX_WIDTH = 100;

export type AppProps = {
	runner: Runner;
	preflight: DoctorReport | null;
	simulated: boolean;
	resultsPath: string;
	/** What to type to resume ("trifecta", "trifecta --demo"). */
	resumeCommand?: string;
	/** Spinners and live gauges only on a real terminal. */
	animate: boolean;
	/** Called once with the exit code (0 done, 130 quit or Ctrl+C twice before the end: interrupted). */
	onExit(code: number): void;
	feedIntervalMs?: number;
};

/** What keys change. Kept in a ref so every key of a burst sees the one before it (docs/reference/terminal.md §4). */
type UiState = {
	page: {identity: string; index: number};
	cursor: number;
	/** 'left': quit confirmed; the last frame says so (not the question) while Ink unmounts. */
	overlay: 'help' | 'quit' | 'left' | 'diff' | null;
	/** The diff shown by "Show the diff" and the first row in view. */
	diff: {text: string; offset: number} | null;
	/** Ctrl+C pressed once: over a running step (canceled) or elsewhere. */
	ctrlC: 'step' | 'idle' | null;
	/** The wait already answered: later keys of the same burst must not answer it again. */
	answered: object | null;
	/** The plan's model rows in the order drawn, so ticking one never moves it. */
	planOrder: string[] | undefined;
};

export function App({runner, preflight, simulated, resultsPath, resumeCommand = 'trifecta', animate, onExit, feedIntervalMs}: AppProps): React.JSX.Element {
	const wizard = useWizard(runner, feedIntervalMs);
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize();
	const printed = useRef(0);
	// The last frame's page size, for keys that scroll by a page.
	const bodyRowsRef = useRef(rows);
	const widthRef = useRef(columns);
	const ui = useRef<UiState>({page: {identity: '', index: 0}, cursor: 0, overlay: null, ctrlC: null, answered: null, planOrder: undefined, diff: null});
	const [, redraw] = useReducer((count: number) => count + 1, 0);
	const set = (patch: Partial<UiState>) => {
		ui.current = {...ui.current, ...patch};
		redraw();
	};

	/** The page shown, read from the ref so a burst that turns the page lands on the new one. */
	const where = () => {
		const identity = wizard.running ? `step:${wizard.running.step}` : waitIdentity(wizard.waiting);
		const pages: ScreenName[] = wizard.running ? ['step'] : pagesFor(wizard.waiting);
		const index = ui.current.page.identity === identity ? ui.current.page.index : 0;
		return {identity, pages, index, screen: pages[Math.min(index, pages.length - 1)] ?? 'working'};
	};
	const leave = (code: number) => {
		// The last frame says the wizard has ended (the Done page whole, or where the results are);
		// Ink unmounts once that frame is committed (the effect below).
		set({overlay: 'left'});
		onExit(code);
	};
	const ended = ui.current.overlay === 'left';
	useEffect(() => {
		if (!ended) return undefined;
		// After the commit that drew the last frame: a timer set when the key was pressed could fire
		// before React rendered it, and Ink would leave the frame before it (the quit question) on screen.
		const timer = setTimeout(() => exit(), 0);
		return () => clearTimeout(timer);
	}, [ended, exit]);
	const bindings = () => {
		const {identity, pages, index, screen} = where();
		return screenBindings({
			screen,
			waiting: wizard.waiting,
			cursor: ui.current.cursor,
			setCursor: (cursor) => set({cursor}),
			turn: (delta) => {
				const next = index + delta;
				if (next >= 0 && next < pages.length) set({page: {identity, index: next}, cursor: 0});
			},
			decide: (event) => {
				set({answered: wizard.waiting});
				wizard.decide(event);
			},
			cancelStep: wizard.cancelStep,
			plan: (press) => {
				const result = planKey(runner.state().settings, ui.current.cursor, press, runner.state().machine, ui.current.planOrder);
				if (result.settings !== runner.state().settings) wizard.updateSettings(result.settings);
				set({cursor: result.cursor, planOrder: result.order});
				if (result.start) {
					set({answered: wizard.waiting});
					wizard.decide({type: 'plan:confirmed'});
				}
			},
			showDiff: (offer) => set({overlay: 'diff', diff: {text: offer.pipeline.diff, offset: 0}}),
			reopenOffer: () => {
				runner.dispatch({type: 'configs:answered', answer: null});
				set({answered: wizard.waiting});
				wizard.decide({type: 'retry'});
			},
			leave,
		});
	};

	const onPress = (press: Press) => {
		const state = ui.current;
		if (press === 'ctrl+c') {
			if (state.ctrlC !== null) return leave(130);
			set({ctrlC: wizard.running ? 'step' : 'idle'});
			wizard.cancelStep();
			return;
		}
		if (state.ctrlC !== null) set({ctrlC: null});
		if (state.overlay === 'left') return;
		if (state.overlay === 'quit') {
			if (press === 'y') {
				wizard.cancelStep();
				// Quitting before the end is an interruption (docs/DESIGN.md, exit codes); after it, a plain exit.
				leave(wizard.waiting?.kind === 'done' ? 0 : 130);
			} else if (press === 'n' || press === 'escape') set({overlay: null});
			return;
		}
		if (state.overlay === 'diff' && state.diff) {
			const page = Math.max(1, bodyRowsRef.current - 3);
			const step: Partial<Record<Press, number>> = {up: -1, k: -1, down: 1, j: 1, pageup: -page, pagedown: page, space: page};
			if (press === 'escape' || press === 'q') set({overlay: null, diff: null});
			else if (step[press] !== undefined) {
				const rows = diffRows(state.diff.text, widthRef.current).length;
				set({diff: {...state.diff, offset: clampOffset(state.diff.offset + (step[press] ?? 0), rows, Math.max(1, bodyRowsRef.current - 2))}});
			}
			return;
		}
		if (state.overlay === 'help') {
			if (press === '?' || press === 'escape') set({overlay: null});
			return;
		}
		if (press === '?') return set({overlay: 'help'});
		if (press === 'q') return set({overlay: 'quit'});
		if (wizard.waiting !== null && state.answered === wizard.waiting) return;
		dispatchPress(bindings(), press);
	};
	const keysActive = useKeys((input, key) => {
		for (const press of pressesOf(input, key)) onPress(press);
	});

	const {screen} = where();
	const visible = bindings().filter((binding) => !binding.hidden);
	// An overlay takes the keys: the footer shows its keys, not the page's underneath.
	const overlay = ui.current.overlay;
	const hints =
		overlay === 'quit'
			? [{label: 'y', does: 'quit (results kept)'}, {label: 'n/Esc', does: 'stay'}]
			: overlay === 'diff'
				? [{label: '↑/↓', does: 'scroll'}, {label: 'PgUp/PgDn', does: 'page'}, {label: 'Esc', does: 'back to the offer'}]
			: overlay === 'help'
				? [{label: '?/Esc', does: 'close the help'}]
				: overlay === 'left'
					? []
					: [...visible, {label: '?', does: 'help'}, {label: 'q', does: 'quit'}];
	const width = Math.max(20, Math.min(columns, MAX_WIDTH));
	const lines = footerLines(hints, width);
	const warning =
		ui.current.ctrlC === 'step'
			? 'Step canceled, results kept — press Ctrl+C again to exit.'
			: ui.current.ctrlC === 'idle'
				? 'Press Ctrl+C again to exit (everything measured is kept).'
				: null;
	// One row stays free (a frame as tall as the terminal is cleared whole), one is the header.
	const bodyRows = rows - 2 - footerHeight(lines, warning, keysActive);
	bodyRowsRef.current = bodyRows;
	widthRef.current = width;
	const round = currentRound(wizard.strategy);
	const resumeNote = `Quitting keeps every result in ${resultsPath}; run \`${resumeCommand}\` again to resume where you left off.`;
	// Exactly one <Static> in every frame (components/staticAnchor.tsx): the pull and benchmark
	// screens print their finished lines through their own.
	const running = wizard.running?.step;
	const stepOwnsStatic = ui.current.overlay === null && (running === 'pull' || running === 'bench');
	const helpHints = [...visible, {label: '?', does: 'this help'}, {label: 'q', does: 'quit (asks first)'}, {label: 'Ctrl+C', does: 'cancel the running step; twice: exit'}];

	const page = (pageRows: number) => (
		<WizardPage
			screen={screen}
			wizard={wizard}
			preflight={preflight}
			cursor={ui.current.cursor}
			width={width}
			rows={pageRows}
			animate={animate}
			simulated={simulated}
			resultsPath={resultsPath}
			resumeCommand={resumeCommand}
			planOrder={ui.current.planOrder}
		/>
	);
	// Leaving from Done: the last frame is the Done page whole, so what was cut to fit the terminal
	// (the files written, the commit) stays in the scrollback after the wizard ends.
	const doneWhole = ui.current.overlay === 'left' && wizard.waiting?.kind === 'done';

	return (
		<ResizeRefresh enabled={animate}>
			<Box flexDirection="column" width={width}>
				{screen !== 'step' ? <SummaryLog log={wizard.log} printed={printed} /> : stepOwnsStatic ? null : <StaticAnchor />}
				<Text wrap="truncate">
					<Text bold>trifecta</Text>
					{simulated ? <Text color="yellow"> SIMULATED</Text> : null}
					<Text dimColor>{` · round ${round.round}: ${round.model}`}</Text>
				</Text>
				{doneWhole ? (
					// The last frame: nothing is redrawn after it, so it may be taller than the terminal.
					page(LAST_FRAME_ROWS)
				) : (
					<Bounded rows={bodyRows} marked>
						{ui.current.overlay === 'help' ? (
							<HelpOverlay hints={helpHints} resumeNote={resumeNote} />
						) : ui.current.overlay === 'quit' ? (
							<QuitConfirm resumeNote={resumeNote} />
						) : ui.current.overlay === 'diff' && ui.current.diff ? (
							<DiffView diff={ui.current.diff.text} offset={ui.current.diff.offset} width={width} rows={bodyRows} />
						) : ui.current.overlay === 'left' ? (
							<Prose>{`Quit. ${resumeNote}`}</Prose>
						) : (
							page(bodyRows)
						)}
					</Bounded>
				)}
				<Footer lines={lines} warning={warning} keysActive={keysActive} />
			</Box>
		</ResizeRefresh>
	);
}
