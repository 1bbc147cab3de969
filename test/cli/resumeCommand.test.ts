// The command the wizard prints to resume (on quit, on the Done page's next step): it must reach
// the same results and the same pipeline, or the resumed run starts over or patches another repo.
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {resumeCommand} from '../../source/cli/resumeCommand.js';
import {demoResultsDir} from '../../source/cli/demoDir.js';
import type {GlobalFlags} from '../../source/cli/types.js';

const cwd = '/work/here';
const base = {demo: false, resultsDir: path.resolve(cwd, 'results'), pipelineDir: cwd, pipelineDirNamed: false} as GlobalFlags;

describe('resumeCommand', () => {
	it.each([
		['the defaults', {}, {}, 'trifecta'],
		['a named results folder', {resultsDir: '/data/exp1'}, {}, 'trifecta --results-dir /data/exp1'],
		['a named pipeline', {pipelineDir: '/src/TradingAgents', pipelineDirNamed: true}, {}, 'trifecta --pipeline-dir /src/TradingAgents'],
		['the demo in its own folder', {demo: true, resultsDir: demoResultsDir()}, {}, 'trifecta --demo'],
		['the demo elsewhere, through npm start', {demo: true, resultsDir: '/tmp/d'}, {npm_lifecycle_event: 'start'}, 'npm start -- --demo --results-dir /tmp/d'],
	] as [string, Partial<GlobalFlags>, NodeJS.ProcessEnv, string][])('%s', (_, flags, env, expected) => {
		expect(resumeCommand({...base, ...flags}, env, cwd)).toBe(expected);
	});
});
