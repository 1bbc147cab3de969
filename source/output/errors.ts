// Errors the output layer raises. Each message says what happened and what to do, because the
// CLI prints `message` as is (never a stack trace).

/** The results file exists but is not valid JSON or does not match the schema. It is never overwritten. */
export class CorruptResultsError extends Error {
	override readonly name = 'CorruptResultsError';
	readonly path: string;
	readonly detail: string;

	constructor(path: string, detail: string) {
		super(
			`The results file ${path} cannot be read: ${detail}. It was left untouched. ` +
				`Move it aside (for example: mv "${path}" "${path}.broken") to start a new record, ` +
				'or pass another --results-dir.',
		);
		this.path = path;
		this.detail = detail;
	}
}

/** Another trifecta process holds the results directory. */
export class ResultsLockedError extends Error {
	override readonly name = 'ResultsLockedError';
	readonly lockPath: string;

	constructor(lockPath: string, staleSeconds: number) {
		super(
			`Another trifecta is running and writing to this results directory (lock: ${lockPath}). ` +
				'Wait for it to finish, or pass another --results-dir. ' +
				`If no trifecta is running, the lock is stale: it is recovered automatically after ${staleSeconds} s, ` +
				`or remove it now with: rm -r "${lockPath}"`,
		);
		this.lockPath = lockPath;
	}
}

/** A model or config name that must not go into a file name or Python source. */
export class UnsafeNameError extends Error {
	override readonly name = 'UnsafeNameError';
	readonly value: string;

	constructor(value: string, what: string, hint: string) {
		super(`Refusing ${what} ${JSON.stringify(value)}: ${hint}`);
		this.value = value;
	}
}

/** A config name cannot be derived (e.g. `llama3.3:latest` with no known parameter size). */
export class ConfigNamingError extends Error {
	override readonly name = 'ConfigNamingError';
}
