// Entry point kept at this path because the CLI imports '../providers/openaiCompat.js'.
export * from './openaiCompat/index.js';
