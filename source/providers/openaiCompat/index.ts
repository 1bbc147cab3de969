export {createOpenAICompatProvider, type OpenAICompatProviderOptions} from './openaiCompatProvider.js';
export {mapOpenAIError} from './mapOpenAIError.js';
export {ToolCallAccumulator, parseToolArguments} from './toolCallAccumulator.js';
