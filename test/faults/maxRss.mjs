// Preloaded into the CLI child (NODE_OPTIONS=--import) by the hostile matrix: writes the peak
// resident memory of the process, in kB, to TRIFECTA_TEST_RSS_FILE when it exits.
import fs from 'node:fs';
import process from 'node:process';

const file = process.env.TRIFECTA_TEST_RSS_FILE;
if (file) process.on('exit', () => fs.writeFileSync(file, String(process.resourceUsage().maxRSS)));
