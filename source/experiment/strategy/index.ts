// The strategy's public face: the pure reducer, the next action, and the types they share.
export type * from './types.js';
export {reduce, initialState, choiceRecord, decisionsStale} from './reducer.js';
export {nextAction, currentRound} from './flow.js';
export {escalationOffer, candidateFacts, remainingCandidates} from './offer.js';
export {finalRecommendation, nextStepOncePatched, recommendationRule} from './recommend.js';
export type {RecommendCandidate, RecommendInput, RecommendOutcome} from './recommend.js';
export {policyOf} from './policy.js';
export type {Policy} from './policy.js';
export {predictRate, ceilingRate} from '../../analysis/ratePrediction.js';
export type {Measured, RatePrediction} from '../../analysis/ratePrediction.js';
export {describeAction, planSummary} from './planSummary.js';
export {benchFingerprint, describeStepKey, pendingStep, stepKey} from './steps.js';
export {currentScorer, isPractical, lostPoints, relativeText, scorerId, thresholdOf} from './evidence.js';
export {settleAdvice} from './offer.js';
