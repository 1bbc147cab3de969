export {createClaudeProvider, DEFAULT_ANTHROPIC_BASE_URL, type ClaudeProviderOptions} from './claudeProvider.js';
export {claudeFromEnv, type ClaudeFromEnvOptions, type ClaudeFromEnvResult} from './claudeFromEnv.js';
export {mapClaudeError} from './mapClaudeError.js';
export {deprecationFor} from './deprecation.js';
