// The experiment's settings and progress, kept with conf between runs. A corrupt file never
// stops the tool: it is set aside as config.json.corrupt-<stamp> and the defaults take over,
// with a warning saying where the old file went.
import {existsSync, renameSync} from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import {isValidClaudeModel, isValidModelName} from '../domain/modelName.js';
import {defaultSettings, type Settings} from './settings.js';
import {userMessage} from '../system/userMessage.js';

/** Which steps are done for one results file, and with which settings (their fingerprints). */
export type ProgressRecord = {resultsPath: string; done: Record<string, string>; updatedAt: string};

type Stored = {settings?: unknown; progress?: Record<string, ProgressRecord>};

export interface SettingsStore {
	readonly path: string;
	/** Problems met while opening or reading (corrupt file, invalid values), for the UI to show. */
	readonly warnings: string[];
	read(): Settings;
	write(settings: Settings): void;
	readProgress(resultsPath: string): ProgressRecord | null;
	writeProgress(record: ProgressRecord): void;
}

export type SettingsStoreOptions = {
	/** Directory of config.json (tests); default: the per-user config directory for 'trifecta'. */
	cwd?: string;
	now?: () => Date;
};

function confOptions(cwd: string | undefined) {
	return cwd === undefined ? {projectName: 'trifecta'} : {projectName: 'trifecta', cwd};
}

function openConf(options: SettingsStoreOptions, warnings: string[]): Conf<Stored> {
	try {
		return new Conf<Stored>(confOptions(options.cwd));
	} catch (error) {
		// conf throws from its constructor on malformed JSON; find its path without parsing it.
		const probe = new Conf<Stored>({...confOptions(options.cwd), deserialize: () => ({})});
		const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
		const aside = `${probe.path}.corrupt-${stamp}`;
		if (existsSync(probe.path)) renameSync(probe.path, aside);
		const reason = userMessage(error);
		warnings.push(`The settings file ${probe.path} could not be read (${reason}); it was kept as ${aside} and the defaults are used.`);
		return new Conf<Stored>(confOptions(options.cwd));
	}
}

function positive(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** Takes each stored field that is valid, and says which ones were not. */
function sanitize(raw: unknown, warnings: string[]): Settings {
	if (raw === undefined) return {...defaultSettings, ladder: [...defaultSettings.ladder]};
	const stored = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
	const bad: string[] = [];
	const pick = <K extends keyof Settings>(key: K, valid: (value: unknown) => boolean): Settings[K] => {
		if (!(key in stored)) return defaultSettings[key];
		if (valid(stored[key])) return stored[key] as Settings[K];
		bad.push(key);
		return defaultSettings[key];
	};
	const settings: Settings = {
		ladder: [
			...pick(
				'ladder',
				(value) => Array.isArray(value) && value.length > 0 && value.every((name) => typeof name === 'string' && isValidModelName(name)),
			),
		],
		roundOne: pick('roundOne', (value) => value === null || (typeof value === 'string' && isValidModelName(value))),
		threshold: pick('threshold', (value) => typeof value === 'number' && value >= 0 && value <= 10),
		minRate: pick('minRate', positive),
		reps: pick('reps', (value) => Number.isInteger(value) && (value as number) >= 1),
		numCtx: pick('numCtx', (value) => Number.isInteger(value) && (value as number) >= 256),
		numPredict: pick('numPredict', (value) => Number.isInteger(value) && (value as number) >= 16),
		claudeModel: pick('claudeModel', (value) => typeof value === 'string' && isValidClaudeModel(value)),
		bandwidthGBs: pick('bandwidthGBs', (value) => value === null || positive(value)),
	};
	if (bad.length > 0) warnings.push(`Stored settings had invalid ${bad.join(', ')}; the defaults are used for them.`);
	return settings;
}

export function openSettingsStore(options: SettingsStoreOptions = {}): SettingsStore {
	const warnings: string[] = [];
	const conf = openConf(options, warnings);
	let sanitized = false;
	return {
		path: conf.path,
		warnings,
		read() {
			// Warn once per process, not on every read.
			const settings = sanitize(conf.get('settings'), sanitized ? [] : warnings);
			sanitized = true;
			return settings;
		},
		write(settings) {
			conf.set('settings', settings);
		},
		readProgress(resultsPath) {
			return conf.get('progress')?.[resultsPath] ?? null;
		},
		writeProgress(record) {
			// The results path holds dots, so the map is written whole rather than by dot path.
			conf.set('progress', {...(conf.get('progress') ?? {}), [record.resultsPath]: record});
		},
	};
}

/** Flags win over stored settings for this run; pass only the flags the user gave. */
export type SettingsFlags = Partial<Omit<Settings, 'numPredict'>>;

export function applySettingsFlags(settings: Settings, flags: SettingsFlags): Settings {
	const next = {...settings};
	for (const [key, value] of Object.entries(flags) as [keyof SettingsFlags, unknown][]) {
		if (value !== undefined) (next as Record<string, unknown>)[key] = value;
	}
	return next;
}

/**
 * The store a CLI session uses. The demo keeps its own beside its results so it never changes
 * the user's real settings, and so quitting and resuming the demo works like the real thing.
 */
export function settingsStoreFor(options: {demo: boolean; resultsDir: string}): SettingsStore {
	return openSettingsStore(options.demo ? {cwd: path.join(path.resolve(options.resultsDir), '.trifecta-settings')} : {});
}

const loadWarnings: string[] = [];

/** The stored settings (flags are applied over them by the caller); problems go to storedSettingsWarnings(). */
export async function loadStoredSettings(options: {demo: boolean; resultsDir: string}): Promise<Settings> {
	const store = settingsStoreFor(options);
	const settings = store.read();
	loadWarnings.push(...store.warnings);
	return settings;
}

export function storedSettingsWarnings(): readonly string[] {
	return loadWarnings;
}
