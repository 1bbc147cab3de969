// The facts the strategy decides from, read once per session from Ollama and the system probe.
import type {EnvironmentRecord, SettingsRecord} from '../../domain/schema.js';
import type {InstalledModel} from '../../providers/types.js';
import type {Settings} from '../settings.js';
import {scorerId, type MachineFacts} from '../strategy/index.js';
import type {RunnerServices} from './types.js';
import {servedTierBytes} from '../../models/servedSize.js';

export function machineFacts(services: RunnerServices, installed: InstalledModel[], settings: Settings): MachineFacts {
	const {system, served} = services;
	if (served) {
		// Everything served is "installed": nothing is pulled or deleted, and the server's RAM and disk are not ours to check.
		return {
			installed: served.models.map((model) => ({name: model.id, sizeBytes: servedTierBytes(model)})),
			totalRamBytes: system.totalRamBytes,
			freeRamBytes: system.freeRamBytes,
			modelsDiskFreeBytes: null,
			bandwidthGBs: settings.bandwidthGBs,
			claudeAvailable: services.claude !== null,
			servedBy: served.label,
		};
	}
	return {
		installed: installed.map((model) => ({name: model.name, sizeBytes: model.sizeBytes})),
		totalRamBytes: system.totalRamBytes,
		freeRamBytes: system.freeRamBytes,
		modelsDiskFreeBytes: system.ollamaIsLocal ? (system.modelsDisk?.freeBytes ?? null) : null,
		bandwidthGBs: settings.bandwidthGBs ?? system.bandwidthGBs,
		claudeAvailable: services.claude !== null,
		...(services.claudeModels && services.claudeModels.length > 0 ? {claudeModels: [...services.claudeModels]} : {}),
	};
}

export function environmentRecord(services: RunnerServices, version: string | null, settings: Settings): EnvironmentRecord {
	return {
		host: services.ollama.host,
		ollamaVersion: version,
		chip: services.system.chip,
		bandwidthGBs: settings.bandwidthGBs ?? services.system.bandwidthGBs,
		totalRamBytes: services.system.totalRamBytes,
		platform: services.system.platform,
		...(services.served ? {backend: {kind: 'openai' as const, url: `${services.ollama.host}/v1`, server: services.served.label}} : {}),
	};
}

/** The settings the decisions were made with, as the results file keeps them. */
export function settingsRecord(settings: Settings): SettingsRecord {
	return {
		ladder: [...settings.ladder],
		roundOne: settings.roundOne,
		threshold: settings.threshold,
		minRate: settings.minRate,
		reps: settings.reps,
		numCtx: settings.numCtx,
		claudeModel: settings.claudeModel,
		scorer: scorerId(settings),
	};
}
