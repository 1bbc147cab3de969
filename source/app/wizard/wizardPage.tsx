// The page switch: which screen draws the current page, with what it needs from the wizard.
import React from 'react';
import type {DoctorReport} from '../doctor/report.js';
import {DoctorScreen} from '../screens/doctorScreen.js';
import {describeStepKey, planSummary, policyOf} from '../../experiment/strategy/index.js';
import {verdictSentences} from '../lines/runLines.js';
import type {ScreenName} from './keys.js';
import {DeleteScreen, deleteCost} from './screens/deleteScreen.js';
import {EscalationScreen} from './screens/escalationScreen.js';
import {OfferScreen} from './screens/offerScreen.js';
import {CommitScreen} from './screens/commitScreen.js';
import {PlanScreen} from './screens/planScreen.js';
import {estimatedClaudeCostLine} from '../lines/claudeCostLines.js';
import {experimentTimeLine} from '../../analysis/timing.js';
import {DoneScreen, InterruptedScreen, MachineSummary, WorkingScreen} from './screens/statusScreens.js';
import {VerdictScreen} from './screens/verdictScreen.js';
import {StepScreen} from './stepScreen.js';
import type {Wizard} from './useWizard.js';

export type WizardPageProps = {
	screen: ScreenName;
	wizard: Wizard;
	preflight: DoctorReport | null;
	cursor: number;
	/** Columns and rows the page may use. */
	width: number;
	rows: number;
	animate: boolean;
	simulated: boolean;
	resultsPath: string;
	resumeCommand: string;
	/** The plan's model rows in the order drawn (App keeps it between keys). */
	planOrder?: readonly string[];
};

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const WORKING = <WorkingScreen what="Working…" />;

/**
 * The config the stored next step sends the user to run, when the answer to the offer left it
 * out of the pipeline (Skip, or the configs file only) and the sentence does not say to write it.
 */
function unwrittenConfig(strategy: Wizard['strategy'], resumeCommand: string): {config: string; command: string} | null {
	const recommendation = strategy.results.recommendation;
	const config = recommendation?.nextStep ? /--hybrid (\S+?)[.,:;]?(?:\s|$)/.exec(recommendation.nextStep)?.[1] : undefined;
	if (config === undefined || strategy.configsAnswer === null || strategy.configsAnswer.patch) return null;
	// The command the user started with (the demo's --demo included), so it reads the same results.
	return recommendation?.nextStep?.includes('configs --write') ? null : {config, command: `${resumeCommand} configs --write`};
}

export function WizardPage({screen, wizard, preflight, cursor, width, rows, animate, simulated, resultsPath, resumeCommand, planOrder}: WizardPageProps): React.JSX.Element {
	const {strategy, waiting} = wizard;
	const recommendation = strategy.results.recommendation;
	switch (screen) {
		case 'working':
			return <WorkingScreen what={strategy.machine === null ? 'Checking Ollama and this machine…' : 'Working…'} />;
		case 'preflight':
			return preflight ? <DoctorScreen report={preflight} compact /> : <MachineSummary machine={strategy.machine} />;
		case 'plan':
			return <PlanScreen settings={strategy.settings} machine={strategy.machine} cursor={cursor} rows={rows} width={width} plan={[...planSummary(strategy), ...[estimatedClaudeCostLine(strategy, {named: false})].filter((line): line is string => line !== null)]} roundOne={policyOf(strategy.settings, strategy.results, strategy.machine).roundOne} order={planOrder} />;
		case 'step':
			return wizard.running ? <StepScreen action={wizard.running} views={wizard.views} beside={wizard.beside} animate={animate} simulated={simulated} width={width} /> : WORKING;
		case 'verdict': {
			if (waiting?.kind === 'ask-escalation') {
				const {offer} = waiting;
				return <VerdictScreen results={strategy.results} settings={strategy.settings} focus={offer.roundModel} title={`Verdict — round ${offer.afterRound}: ${offer.roundModel}`} reason={`${offer.shortfall} Decision: an escalation is offered on the next screen, with each model's predicted speed.`} width={width} rows={rows} />;
			}
			return <VerdictScreen results={strategy.results} settings={strategy.settings} focus={null} title="Verdict — final" reason={verdictSentences(recommendation).map(([label, text]) => `${label}: ${text}`).join('\n')} width={width} rows={rows} />;
		}
		case 'escalation':
			return waiting?.kind === 'ask-escalation' ? <EscalationScreen offer={waiting.offer} cursor={cursor} rows={rows} /> : WORKING;
		case 'delete':
			return waiting?.kind === 'ask-delete' ? <DeleteScreen model={waiting.model} next={waiting.next} cursor={cursor} rows={rows} protect={waiting.protect} cost={deleteCost(strategy, waiting.model)} /> : WORKING;
		case 'offer':
			return waiting?.kind === 'ask-configs' ? <OfferScreen offer={waiting.offer} cursor={cursor} rows={rows} /> : WORKING;
		case 'commit':
			return waiting?.kind === 'ask-commit' ? <CommitScreen plan={waiting.plan} cursor={cursor} rows={rows} /> : WORKING;
		case 'interrupted':
			return waiting?.kind === 'canceled' || waiting?.kind === 'failed' ? (
				<InterruptedScreen kind={waiting.kind} message={waiting.kind === 'failed' ? waiting.message : `${capitalized(describeStepKey(waiting.key))} was canceled.`} resultsPath={resultsPath} resumeCommand={resumeCommand} />
			) : (
				WORKING
			);
		case 'done':
			return (
				<DoneScreen
					files={[...(strategy.configsWritten ?? []), ...(strategy.reportWritten ?? [])]} resultsPath={resultsPath} recommendation={recommendation} timeLine={experimentTimeLine(strategy.results.timing?.runs)}
					unwrittenConfig={unwrittenConfig(strategy, resumeCommand)}
					commitFailure={strategy.commitError !== null && strategy.commitPlan !== null ? {error: strategy.commitError, pipelineDir: strategy.commitPlan.pipelineDir, commands: strategy.commitPlan.commands} : null}
				/>
			);
	}
}
