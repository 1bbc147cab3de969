// `npm test` (and anything else that needs dist/): build only when dist/ is older than a source
// file. In CI, `npm ci` has just built through `prepare`, so the tests start without a second tsc run.
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {buildIfStale} from './buildState.mjs';

process.exitCode = buildIfStale(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
