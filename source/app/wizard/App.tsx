// The wizard's shell: shows the page for what the runner waits for (or the running step's live
// screen), routes keys to it, and owns the global keys: ? help, q quit, Ctrl+C cancel / exit,
// Esc back. Screens only render; decisions go to the runner through useWizard.
import React, {useRef, useState} from 'react';
import {Box, Text, useApp} from 'ink';
import {SummaryLog} from './summaryLog.js';
import type {Runner} from '../../experiment/runner/index.js';
import {currentRound} from '../../experiment/strategy/index.js';
import type {DoctorReport} from '../doctor/report.js';
import {DoctorScreen} from '../screens/doctorScreen.js';
import {Footer} from './footer.js';
import {screenKeys, type ScreenName} from './keys.js';
import {HelpOverlay, QuitConfirm} from './overlays.js';
import {pagesFor, waitIdentity} from './pages.js';
import {DeleteScreen} from './screens/deleteScreen.js';
import {EscalationScreen, escalationKey} from './screens/escalationScreen.js';
import {PlanScreen, planKey} from './screens/planScreen.js';
import {ConfigsScreen, DoneScreen, InterruptedScreen, MachineSummary, WorkingScreen} from './screens/statusScreens.js';
import {StepScreen} from './stepScreen.js';
import {useKeys} from './useKeys.js';
import {useWizard} from './useWizard.js';
import {VerdictScreen} from './screens/verdictScreen.js';
import {formatPlanDiff} from '../../output/configs/patchPipeline.js';
import {experimentTimeLine} from '../../analysis/timing.js';

export type AppProps = {
	runner: Runner;
	preflight: DoctorReport | null;
	simulated: boolean;
	resultsPath: string;
	/** Spinners and live gauges only on a real terminal. */
	animate: boolean;
	/** Called once with the exit code (0 done or quit, 130 Ctrl+C twice). */
	onExit(code: number): void;
	feedIntervalMs?: number;
};

export function App({runner, preflight, simulated, resultsPath, animate, onExit, feedIntervalMs}: AppProps): React.JSX.Element {
	const wizard = useWizard(runner, feedIntervalMs);
	const {exit} = useApp();
	const [page, setPage] = useState({identity: '', index: 0});
	const [cursor, setCursor] = useState(0);
	const [overlay, setOverlay] = useState<'help' | 'quit' | null>(null);
	const [ctrlCOnce, setCtrlCOnce] = useState(false);
	const [patchDecided, setPatchDecided] = useState(false);
	const printed = useRef(0);

	const identity = wizard.running ? `step:${wizard.running.step}` : waitIdentity(wizard.waiting);
	const pages = wizard.running ? (['step'] as ScreenName[]) : pagesFor(wizard.waiting);
	const index = page.identity === identity ? page.index : 0;
	const screen: ScreenName = pages[Math.min(index, pages.length - 1)] ?? 'working';
	const go = (next: number) => {
		setPage({identity, index: next});
		setCursor(0);
	};
	const leave = (code: number) => {
		onExit(code);
		// Let the last frame reach the terminal before Ink unmounts.
		setTimeout(() => exit(), 0);
	};
	const patch = runner.pendingPatch();
	const patchPending = screen === 'configs' && patch !== null && !patchDecided;
	const hints = screenKeys(screen, patchPending);
	const {strategy, waiting} = wizard;

	const keysActive = useKeys((input, key) => {
		if (key.ctrl && input === 'c') {
			if (ctrlCOnce) return leave(130);
			setCtrlCOnce(true);
			wizard.cancelStep();
			return;
		}
		setCtrlCOnce(false);
		if (overlay === 'quit') {
			if (input === 'y') {
				wizard.cancelStep();
				leave(0);
			} else if (input === 'n' || key.escape) setOverlay(null);
			return;
		}
		if (overlay === 'help') {
			if (input === '?' || key.escape) setOverlay(null);
			return;
		}
		if (input === '?') return setOverlay('help');
		if (input === 'q') return setOverlay('quit');
		switch (screen) {
			case 'step':
				if (key.escape) wizard.cancelStep();
				return;
			case 'preflight':
			case 'verdict':
				if (key.return) go(index + 1);
				return;
			case 'plan': {
				const result = planKey(strategy.settings, cursor, input, key);
				if (result.settings !== strategy.settings) wizard.updateSettings(result.settings);
				setCursor(result.cursor);
				if (result.start) wizard.decide({type: 'plan:confirmed'});
				return;
			}
			case 'escalation': {
				if (waiting?.kind !== 'ask-escalation') return;
				const result = escalationKey(waiting.offer, cursor, key);
				if (result.back) return go(index - 1);
				setCursor(result.cursor);
				if (result.choose) wizard.decide({type: 'escalation:chosen', choice: result.choose, offer: waiting.offer, at: new Date().toISOString()});
				return;
			}
			case 'delete': {
				if (waiting?.kind !== 'ask-delete') return;
				if (key.upArrow || key.downArrow) return setCursor(cursor === 0 ? 1 : 0);
				if (key.return) {
					wizard.decide({type: 'delete:answered', round: waiting.round, model: waiting.model, next: waiting.next, confirm: cursor === 0, at: new Date().toISOString()});
				}
				return;
			}
			case 'interrupted':
				if (key.return) wizard.decide({type: 'retry'});
				return;
			case 'configs':
				if (patchPending && (input === 'y' || input === 'n')) {
					if (input === 'y') runner.applyPatch();
					setPatchDecided(true);
				} else if (!patchPending && key.return) go(index + 1);
				return;
			case 'done':
				if (key.return) leave(0);
				return;
			case 'working':
				return;
		}
	});

	const round = currentRound(strategy);
	const recommendation = strategy.results.recommendation;
	const terminal = [...strategy.results.rounds].reverse().find((record) => record.decision === 'recommend' || record.decision === 'ceiling');
	const files = [...(strategy.configsWritten ?? []), ...(strategy.reportWritten ?? [])];

	const body = (): React.JSX.Element => {
		switch (screen) {
			case 'working':
				return <WorkingScreen what={strategy.machine === null ? 'Checking Ollama and this machine…' : 'Working…'} />;
			case 'preflight':
				return preflight ? <DoctorScreen report={preflight} /> : <MachineSummary machine={strategy.machine} />;
			case 'plan':
				return <PlanScreen settings={strategy.settings} machine={strategy.machine} cursor={cursor} />;
			case 'step':
				return wizard.running ? <StepScreen action={wizard.running} views={wizard.views} animate={animate} simulated={simulated} /> : <WorkingScreen what="Working…" />;
			case 'verdict':
				return waiting?.kind === 'ask-escalation' ? (
					<VerdictScreen results={strategy.results} settings={strategy.settings} focus={waiting.offer.roundModel} title={`Verdict — round ${waiting.offer.afterRound}: ${waiting.offer.roundModel}`} reason={`Decision: escalation offered. ${waiting.offer.reason}`} />
				) : (
					<VerdictScreen results={strategy.results} settings={strategy.settings} focus={terminal?.model ?? round.model} title="Verdict — final" reason={`${terminal?.decision === 'ceiling' ? 'Ceiling' : 'Recommendation'}: ${recommendation?.reason ?? ''}`} />
				);
			case 'escalation':
				return waiting?.kind === 'ask-escalation' ? <EscalationScreen offer={waiting.offer} cursor={cursor} /> : <WorkingScreen what="Working…" />;
			case 'delete':
				return waiting?.kind === 'ask-delete' ? <DeleteScreen model={waiting.model} next={waiting.next} cursor={cursor} /> : <WorkingScreen what="Working…" />;
			case 'interrupted':
				return waiting?.kind === 'canceled' || waiting?.kind === 'failed' ? (
					<InterruptedScreen kind={waiting.kind} message={waiting.kind === 'failed' ? waiting.message : `${waiting.key} was canceled.`} resultsPath={resultsPath} />
				) : (
					<WorkingScreen what="Working…" />
				);
			case 'configs':
				return <ConfigsScreen recommendation={recommendation} files={strategy.configsWritten ?? []} diff={patchPending && patch ? formatPlanDiff(patch) : null} />;
			case 'done':
				return <DoneScreen files={files} resultsPath={resultsPath} recommendation={recommendation} timeLine={experimentTimeLine(strategy.results.timing?.runs)} />;
		}
	};

	return (
		<Box flexDirection="column" width={80}>
			{screen === 'step' ? null : <SummaryLog log={wizard.log} printed={printed} />}
			<Box>
				<Text bold>trifecta</Text>
				{simulated ? <Text color="yellow"> SIMULATED</Text> : null}
				<Text dimColor>{` · round ${round.round}: ${round.model}`}</Text>
			</Box>
			{overlay === 'help' ? <HelpOverlay hints={hints} /> : overlay === 'quit' ? <QuitConfirm /> : body()}
			<Footer hints={hints} ctrlCOnce={ctrlCOnce} keysActive={keysActive} />
		</Box>
	);
}
