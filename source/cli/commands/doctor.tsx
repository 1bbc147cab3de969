// `trifecta doctor`: preflight only. Human output is the wizard's Preflight screen rendered once.
import React from 'react';
import {renderToString} from 'ink';
import {buildDoctorReport} from '../doctor/report.js';
import {DoctorScreen} from '../../app/screens/doctorScreen.js';
import type {CommandModule} from '../types.js';

export const doctorCommand: CommandModule = {
	name: 'doctor',
	summary: 'preflight only',
	usage: 'trifecta doctor [--json]',
	args: {min: 0, max: 0},
	async run({flags, io, services}) {
		const s = await services();
		const report = await buildDoctorReport({
			host: s.ollama.host,
			simulated: s.simulated,
			ollama: s.ollama,
			system: s.system,
			claude: s.claude,
			claudeModel: s.settings.claudeModel,
			claudeSkipReason: s.claudeSkipReason,
			apiKeySet: s.simulated || Boolean(process.env['ANTHROPIC_API_KEY']),
			signal: s.signal,
		});
		for (const warning of s.warnings) if (!report.warnings.includes(warning)) report.warnings.push(warning);
		if (flags.json) {
			io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
		} else {
			const columns = io.stdout.columns ?? 80;
			io.stdout.write(`${renderToString(<DoctorScreen report={report} />, {columns})}\n`);
		}
		return 0;
	},
};
