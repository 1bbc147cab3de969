// The debate the isolated comparison stages, as the pipeline runs it. The bull speaks first; in
// the pipeline it answers the bear's last turn, which an isolated run does not have, so it gets
// the prompts' fixed, figure-free opening bear argument (DEFAULT_OPPONENT in prompts/load.ts;
// GENERIC_OPPONENT for the other markets), the same for every subject. The bear answers the same
// subject's own bull text for the same market, as in the pipeline (falling back to the fixed
// opening if that bull call failed). The trader gets the fixed summary of the debate, so every
// subject's trader sees the same plan.
import {renderRolePrompt, type Prompts} from '../../../prompts/load.js';
import {FIRST_SCENARIO, GENERIC_OPPONENT, promptsFor, type Scenario} from '../../../prompts/scenarios.js';
import type {Role} from '../../../domain/schema.js';
import type {RolePrompt} from './types.js';

export const COMPARE_ROLES: readonly Role[] = ['bull', 'bear', 'trader'];

export function promptFor(role: Role, prompts: Prompts, bullText: string | null, scenario?: Scenario): RolePrompt {
	const scoped = scenario ? promptsFor(prompts, scenario) : prompts;
	const ownBull = role === 'bear' ? (bullText ?? undefined) : undefined;
	if (!scenario || scenario.id === FIRST_SCENARIO) return renderRolePrompt(role, scoped, ownBull);
	return renderRolePrompt(role, scoped, ownBull ?? GENERIC_OPPONENT[role]);
}
