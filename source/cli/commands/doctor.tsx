// `trifecta doctor`: preflight only. Human output is the wizard's Preflight screen rendered once.
import React from 'react';
import {renderToString} from 'ink';
import {doctorReportFor} from '../../app/doctor/report.js';
import {DoctorScreen} from '../../app/screens/doctorScreen.js';
import type {CommandModule} from '../types.js';
import {jsonText, sanitizeDeep} from '../../system/sanitize.js';

export const doctorCommand: CommandModule = {
	async run({flags, io, services}) {
		const report = await doctorReportFor(await services());
		if (flags.json) {
			io.stdout.write(`${jsonText(report)}\n`);
		} else {
			const columns = io.stdout.columns ?? 80;
			io.stdout.write(`${renderToString(<DoctorScreen report={sanitizeDeep(report)} />, {columns})}\n`);
		}
		return 0;
	},
};
