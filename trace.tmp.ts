import {spawn} from '@lydell/node-pty';
const t0 = performance.now();
const pty = spawn(process.execPath, ['dist/cli.js', ...process.argv.slice(2)], {cols: 100, rows: 40, cwd: process.cwd(), env: Object.fromEntries(Object.entries({...process.env, TRIFECTA_DEMO_PACE: '0'}).filter(([k]) => k !== 'CI')) as Record<string,string>});
pty.onData((d) => { console.log((performance.now()-t0).toFixed(0), JSON.stringify(d.slice(0, 120))); });
setTimeout(() => { pty.kill(); process.exit(0); }, 6000);
