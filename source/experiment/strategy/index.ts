// The strategy's public face: the pure reducer, the next action, and the types they share.
export type * from './types.js';
export {reduce, initialState, choiceRecord, decisionsStale} from './reducer.js';
export {nextAction, currentRound} from './flow.js';
export {escalationOffer, candidateFacts, remainingCandidates} from './offer.js';
export {finalRecommendation} from './recommend.js';
export {benchFingerprint, pendingStep, stepKey} from './steps.js';
export {traderScore, baselineTraderScore, isPractical, lostPoints} from './evidence.js';
