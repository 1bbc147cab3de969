// Where the Claude baseline posts each role's answer as it finishes, so local models scored
// against it need not wait for the whole baseline (nor the baseline for them): the two run side
// by side, and a local answer is scored as soon as both it and Claude's answer to the same role
// exist. Once the baseline ends (done, failed, skipped), every role not posted reads as null.
import type {Role, ScoredResponse} from '../../output/schema.js';
import type {BaselineRef} from './compareResponse.js';

type Waiter = {resolve: (ref: BaselineRef) => void; promise: Promise<BaselineRef>};

export class BaselineBoard {
	private readonly refs = new Map<Role, Waiter>();
	private readonly responses = new Map<Role, ScoredResponse>();
	private closed = false;

	private waiter(role: Role): Waiter {
		let waiter = this.refs.get(role);
		if (!waiter) {
			let resolve: (ref: BaselineRef) => void = () => undefined;
			const promise = new Promise<BaselineRef>((done) => {
				resolve = done;
			});
			waiter = {resolve, promise};
			this.refs.set(role, waiter);
			if (this.closed) resolve(null);
		}
		return waiter;
	}

	post(role: Role, ref: BaselineRef, response?: ScoredResponse): void {
		if (response) this.responses.set(role, response);
		this.waiter(role).resolve(ref);
	}

	/** Claude's answers posted so far, to show them on a screen that opens later. */
	posted(): [Role, ScoredResponse][] {
		return [...this.responses];
	}

	/** The baseline ended: roles never posted have no reference. */
	close(): void {
		this.closed = true;
		for (const waiter of this.refs.values()) waiter.resolve(null);
	}

	/** Claude's answer to `role`, when it exists; rejects only when `signal` aborts first. */
	ref(role: Role, signal: AbortSignal): Promise<BaselineRef> {
		const {promise} = this.waiter(role);
		if (signal.aborted) return Promise.reject(new Error('aborted'));
		return new Promise((resolve, reject) => {
			const onAbort = () => reject(new Error('aborted'));
			signal.addEventListener('abort', onAbort, {once: true});
			void promise.then((ref) => {
				signal.removeEventListener('abort', onAbort);
				resolve(ref);
			});
		});
	}
}
