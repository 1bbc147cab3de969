// Prompts are data files a user can edit; the built CLI reads them from dist/prompts.
import {cpSync, chmodSync, existsSync} from 'node:fs';

cpSync('source/prompts', 'dist/prompts', {
	recursive: true,
	filter: (src) => !/\.(ts|tsx)$/.test(src),
});
if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
