import {describe, expect, it} from 'vitest';
import {diskRefusal, seventyBWarning} from '../../../source/experiment/steps/pullPreflight.js';
import type {InstalledModel} from '../../../source/providers/types.js';
import {testSystem} from '../../helpers/stepHarness.js';

const disk = (freeBytes: number) => testSystem({modelsDisk: {path: '/models', freeBytes, totalBytes: 1e12}});

function installed(name: string, sizeBytes: number): InstalledModel {
	return {name, sizeBytes, digest: 'd', modifiedAt: '', family: 'qwen2', parameterSize: '', quantization: '', capabilities: []};
}

describe('diskRefusal', () => {
	it('allows exactly size + 10 % and refuses one byte less', () => {
		expect(diskRefusal('m', 10e9, disk(11e9))).toBeNull();
		expect(diskRefusal('m', 10e9, disk(11e9 - 1))?.userMessage).toContain('needs 11.0 GB');
	});

	it('counts bytes already downloaded', () => {
		expect(diskRefusal('m', 10e9, disk(6e9), 5e9)).toBeNull();
	});

	it('does not judge a remote server or an unknown size', () => {
		expect(diskRefusal('m', 10e9, testSystem({ollamaIsLocal: false, modelsDisk: {path: '/', freeBytes: 1, totalBytes: 1}}))).toBeNull();
		expect(diskRefusal('m', null, disk(1))).toBeNull();
	});
});

describe('seventyBWarning', () => {
	it('warns about another 70B-class model when pulling one', () => {
		expect(seventyBWarning('llama3.3:70b', 42.5e9, [installed('qwen2.5:72b', 47.4e9)])).toContain('qwen2.5:72b (47.4 GB)');
	});

	it('with the size unknown, says so instead of calling the model 70B-class', () => {
		const warning = seventyBWarning('nosuch:model', null, [installed('llama3.3:70b', 42.5e9)]);
		expect(warning).toBe('The size of nosuch:model is unknown until the pull starts; llama3.3:70b (42.5 GB) is installed and 70B-class: if nosuch:model is one too, the strategy never holds two — consider `ollama rm` first.');
	});

	it('stays quiet for a small model, or when the only big one is the model itself', () => {
		expect(seventyBWarning('qwen2.5:32b', 19.8e9, [installed('qwen2.5:72b', 47.4e9)])).toBeNull();
		expect(seventyBWarning('qwen2.5:72b', 47.4e9, [installed('qwen2.5:72b', 47.4e9)])).toBeNull();
	});
});
