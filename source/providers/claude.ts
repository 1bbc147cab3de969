// Entry point kept at this path because the CLI imports '../providers/claude.js'.
export * from './claude/index.js';
