// Judge answers kept by the hash of what was asked (judge model, prompt version, both answers
// in order): the API has no temperature 0, so a re-run reproduces a verdict from here instead.
import fs from 'node:fs';
import path from 'node:path';
import {z} from 'zod';
import {writeFileAtomic} from './atomicWrite.js';

export const JUDGE_CACHE_DIR = 'judge-cache';

const cachedAnswer = z.object({
	model: z.string(),
	text: z.string(),
	usage: z.object({inputTokens: z.number(), outputTokens: z.number()}),
	at: z.string(),
});
export type CachedJudgeAnswer = z.infer<typeof cachedAnswer>;

function fileFor(resultsDir: string, key: string): string {
	if (!/^[a-f0-9]{64}$/.test(key)) throw new Error(`not a judge cache key: ${key.slice(0, 80)}`);
	return path.join(resultsDir, JUDGE_CACHE_DIR, `${key}.json`);
}

/** null when absent or unreadable (a damaged entry is simply asked again). */
export function readJudgeCache(resultsDir: string, key: string): CachedJudgeAnswer | null {
	try {
		const parsed = cachedAnswer.safeParse(JSON.parse(fs.readFileSync(fileFor(resultsDir, key), 'utf8')));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

export function writeJudgeCache(resultsDir: string, key: string, answer: CachedJudgeAnswer): void {
	writeFileAtomic(fileFor(resultsDir, key), `${JSON.stringify(answer, null, 2)}\n`);
}
