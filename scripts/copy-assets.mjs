// Prompts are data files a user can edit; the built CLI reads them from dist/prompts.
// Runs last in `npm run build`: the stamp it writes tells `npm start` the build is complete.
import {cpSync, chmodSync, existsSync, writeFileSync} from 'node:fs';
import {STAMP} from './buildState.mjs';

cpSync('source/prompts', 'dist/prompts', {
	recursive: true,
	filter: (src) => !/\.(ts|tsx)$/.test(src),
});
if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
writeFileSync(STAMP, `${new Date().toISOString()}\n`);
