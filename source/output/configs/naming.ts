// Config names the pipeline selects with --hybrid: hybrid_<family><size>, e.g. qwen2.5:32b ->
// hybrid_qwen32. Names go into Python source, so both the model and the result are checked.
import {catalogEntry, isValidModelName} from '../../models/catalog.js';
import {ConfigNamingError, UnsafeNameError} from '../errors.js';

export const CONFIG_NAME_PATTERN = /^[a-z][a-z0-9_]*$/;

export type ConfigNames = {
	/** e.g. 'qwen' */
	family: string;
	/** e.g. '32' */
	size: string;
	hybrid: string;
	aggressive: string;
	aggressiveLocalTools: string;
};

export function assertSafeModelName(model: string): void {
	if (!isValidModelName(model)) {
		throw new UnsafeNameError(
			model,
			'the model name',
			'it is not an Ollama model name ([namespace/]name[:tag] with letters, digits, ".", "_" and "-"), so it is not written into any config or code.',
		);
	}
}

export function assertSafeConfigName(name: string): void {
	if (!CONFIG_NAME_PATTERN.test(name)) {
		throw new UnsafeNameError(name, 'the config name', 'config names must match ^[a-z][a-z0-9_]*$.');
	}
}

/** 'qwen2.5' -> 'qwen', 'command-r' -> 'commandr', 'mistral-small' -> 'mistralsmall'. */
export function modelFamily(model: string): string {
	const base = (model.split('/').pop() ?? model).split(':')[0] ?? '';
	const [first = '', ...rest] = base.toLowerCase().split('-');
	// The version belongs to the first segment only (qwen2.5, llama3.3); later ones are variants (-r1).
	const family = [first.replace(/[\d._]+$/, ''), ...rest].join('').replace(/[^a-z0-9]/g, '');
	return family.replace(/^[^a-z]+/, '');
}

/** '32b-instruct-q8_0' -> '32'; '70.6B' -> '70'; null when neither says. */
export function sizeFromTag(tag: string | undefined): string | null {
	const match = tag ? /^(\d+(?:\.\d+)?)b(?![a-z])/i.exec(tag) : null;
	return match?.[1] ? match[1].replace('.', '_') : null;
}

export function sizeFromParameterSize(parameterSize: string | null | undefined): string | null {
	const match = parameterSize ? /^(\d+(?:\.\d+)?)\s*B$/i.exec(parameterSize.trim()) : null;
	if (!match?.[1]) return null;
	const billions = Number(match[1]);
	// 70.6B is sold as a 70B model, 14.8B as 14B: truncate rather than round.
	return billions >= 1 ? String(Math.floor(billions)) : match[1].replace('.', '_');
}

/**
 * The names for a model. The size comes from the tag, else from the parameter size Ollama or the
 * built-in catalog reported; when neither is known the name is refused rather than guessed.
 */
export function configNames(model: string, parameterSize?: string | null): ConfigNames {
	assertSafeModelName(model);
	const tag = model.includes(':') ? model.split(':')[1] : undefined;
	const size = sizeFromTag(tag) ?? sizeFromParameterSize(parameterSize) ?? sizeFromParameterSize(catalogEntry(model)?.parameterSize);
	if (size === null) {
		throw new ConfigNamingError(
			`Cannot name a config for ${model}: its tag does not give a size and its parameter size is unknown. ` +
				`Benchmark it first (trifecta bench ${model}) so Ollama reports its size, or use a sized tag such as llama3.3:70b.`,
		);
	}
	const family = modelFamily(model);
	if (family === '') throw new ConfigNamingError(`Cannot name a config for ${model}: no model family in its name.`);
	const names: ConfigNames = {
		family,
		size,
		hybrid: `hybrid_${family}${size}`,
		aggressive: `hybrid_aggressive_${family}${size}`,
		aggressiveLocalTools: `hybrid_aggressive_${family}${size}_localtools`,
	};
	for (const name of [names.hybrid, names.aggressive, names.aggressiveLocalTools]) assertSafeConfigName(name);
	return names;
}
