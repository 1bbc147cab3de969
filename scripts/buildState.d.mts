// Types for buildState.mjs (plain JS so `npm start` needs no compiler), for the tests.
export declare const STAMP: string;
export declare function staleReason(root: string): string | null;
export declare function buildIfStale(root: string, announce?: (reason: string) => void): number;
