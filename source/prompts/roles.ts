// Which pipeline role a prompt is for, recognised from its first line ("You are the Bull Analyst").
import type {Role} from '../domain/schema.js';

const ROLE_LINES: readonly [Role, RegExp][] = [
	['bull', /\bbull(?:ish)?\s+(?:analyst|researcher)\b/i],
	['bear', /\bbear(?:ish)?\s+(?:analyst|researcher)\b/i],
	['trader', /\btrader\b/i],
];

/** The role whose template starts this text, judged by its first non-empty line only. */
export function roleOfPrompt(text: string): Role | null {
	const first = text.split('\n').find((line) => line.trim() !== '') ?? '';
	for (const [role, pattern] of ROLE_LINES) if (pattern.test(first)) return role;
	return null;
}
