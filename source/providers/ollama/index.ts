export {createOllamaProvider, type OllamaProviderOptions} from './ollamaProvider.js';
export {mapOllamaError, type OllamaErrorContext} from './mapOllamaError.js';
export {normalizeOllamaHost} from './hostUrl.js';
export {PullAggregator, type PullLine} from './pullProgress.js';
