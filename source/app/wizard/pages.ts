// Which page of the wizard shows what the runner waits for. A wait can span pages (the verdict,
// then the escalation choice or the configs offer); the page resets when the wait changes.
import type {WaitingAction} from '../../experiment/runner/index.js';
import type {ScreenName} from './keys.js';

export function waitIdentity(waiting: WaitingAction | null): string {
	if (waiting === null) return 'working';
	if (waiting.kind === 'ask-escalation') return `escalation:${waiting.offer.afterRound}`;
	if (waiting.kind === 'ask-delete') return `delete:${waiting.round}`;
	return waiting.kind;
}

export function pagesFor(waiting: WaitingAction | null): ScreenName[] {
	switch (waiting?.kind) {
		case undefined:
			return ['working'];
		case 'plan':
			return ['preflight', 'plan'];
		case 'ask-escalation':
			return ['verdict', 'escalation'];
		case 'ask-delete':
			return ['delete'];
		case 'ask-configs':
			return ['verdict', 'offer'];
		case 'ask-commit':
			return ['commit'];
		case 'canceled':
		case 'failed':
			return ['interrupted'];
		case 'done':
			return ['done'];
	}
}
