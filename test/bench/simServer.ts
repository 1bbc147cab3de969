// The simulator in its own process, so the client's CPU figures never include the server's.
// argv[2]: JSON SimulatorOptions. Prints {"url": …} on one line once listening; stops on SIGTERM.
import {startSimulator} from '../../source/simulator/index.js';
import type {SimulatorOptions} from '../../source/simulator/types.js';

const options = JSON.parse(process.argv[2] ?? '{}') as SimulatorOptions;
const sim = await startSimulator(options);
process.stdout.write(`${JSON.stringify({url: sim.url})}\n`);
process.on('SIGTERM', () => {
	void sim.close().then(() => process.exit(0));
});
