// `npm start`: run the built CLI, building first only when dist/ is missing or older than a
// source file (see buildState.mjs). The CLI runs in this same process, so a launch costs one
// Node start-up, not two. Arguments after `npm start --` reach the CLI unchanged.
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {buildIfStale} from './buildState.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const status = buildIfStale(root, (reason) => process.stderr.write(`Building trifecta first (${reason})…\n`));
if (status !== 0) {
	process.stderr.write('The build failed (errors above); fix them and run `npm start` again.\n');
	process.exit(status);
}
await import(pathToFileURL(path.join(root, 'dist', 'cli.js')).href);
