// Where the Claude baseline posts each answer (one role on one market scenario) as it finishes, so
// local models judged against it need not wait for the whole baseline (nor the baseline for them):
// the two run side by side, and a local answer is judged as soon as both it and Claude's answer
// to the same role and scenario exist. Once the baseline ends (done, failed, skipped), every
// answer not posted reads as null.
import type {Role, ScoredResponse} from '../../../domain/schema.js';
import type {Judge} from './judge.js';

type Waiter = {resolve: (text: string | null) => void; promise: Promise<string | null>};


export class BaselineBoard {
	private readonly texts = new Map<string, Waiter>();
	private readonly responses = new Map<Role, {response: ScoredResponse; complete: boolean}>();
	private closed = false;
	/** Set by the baseline lane before its first post; null when quality comes from the rubric. */
	/** The judge the baseline lane set up, shared with compare so one tally counts every call. */
	judge: Judge | null = null;

	private waiter(key: string): Waiter {
		let waiter = this.texts.get(key);
		if (!waiter) {
			let resolve: (text: string | null) => void = () => undefined;
			const promise = new Promise<string | null>((done) => {
				resolve = done;
			});
			waiter = {resolve, promise};
			this.texts.set(key, waiter);
			if (this.closed) resolve(null);
		}
		return waiter;
	}

	private texted = false;

	/** Claude's answer text for `key` (`${role}/${scenario}`, see textKey). */
	post(key: string, text: string | null): void {
		if (text !== null) this.texted = true;
		this.waiter(key).resolve(text);
	}

	/** Whether Claude has answered anything yet (nothing to judge against otherwise). */
	hasText(): boolean {
		return this.texted;
	}

	/** A role's record so far, to show on a screen that opens later; `complete` once every scenario is in. */
	postResponse(role: Role, response: ScoredResponse, complete: boolean): void {
		this.responses.set(role, {response, complete});
		// The bare role (no `/scenario`) is the role's own key: answered on every scenario.
		if (complete) this.waiter(role).resolve(null);
	}

	/** Resolves once Claude's record for `role` is final (or the baseline ended). */
	async roleDone(role: Role, signal: AbortSignal): Promise<void> {
		await this.ref(role, signal);
	}

	/** Claude's records posted so far (and whether each is final), to show on a screen that opens later. */
	posted(): [Role, ScoredResponse, boolean][] {
		return [...this.responses].map(([role, {response, complete}]) => [role, response, complete]);
	}

	/** The baseline ended: answers never posted have no reference. */
	close(): void {
		this.closed = true;
		for (const waiter of this.texts.values()) waiter.resolve(null);
	}

	/** Claude's answer for `key`, when it exists; rejects only when `signal` aborts first. */
	ref(key: string, signal: AbortSignal): Promise<string | null> {
		const {promise} = this.waiter(key);
		if (signal.aborted) return Promise.reject(new Error('aborted'));
		return new Promise((resolve, reject) => {
			const onAbort = () => reject(new Error('aborted'));
			signal.addEventListener('abort', onAbort, {once: true});
			void promise.then((text) => {
				signal.removeEventListener('abort', onAbort);
				resolve(text);
			});
		});
	}
}
