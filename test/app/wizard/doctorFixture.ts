// A preflight report with the six ladder models installed and two loaded: the tallest preflight.
import type {DoctorReport} from '../../../source/app/doctor/report.js';
import {catalogEntry} from '../../../source/models/catalog.js';
import {TEST_LADDER} from '../../helpers/testSettings.js';
import {system} from '../../experiment/runner/fakes.js';

export const doctorReport: DoctorReport = {
	simulated: true,
	host: 'http://127.0.0.1:11434',
	ollama: {reachable: true, version: '0.32.15'},
	models: TEST_LADDER.map((name) => {
		const known = catalogEntry(name);
		const sizeBytes = known?.sizeBytes ?? 1e9;
		return {name, sizeBytes, sizeGB: sizeBytes / 1e9, digest: 'x', modifiedAt: '', family: known?.family ?? '', parameterSize: known?.parameterSize ?? '', quantization: known?.quantization ?? '', capabilities: ['completion', 'tools']};
	}),
	loaded: [],
	system: {...system, resultsDisk: {path: '/Users/someone/trading/results', freeBytes: 400e9, totalBytes: 1000e9}},
	anthropicApiKey: 'set',
	claude: {model: 'claude-sonnet-4-5', baseline: 'enabled', skipReason: null, deprecation: null},
	warnings: ['Claude model claude-sonnet-4-5 reaches end of life on November 30th, 2026'],
};
