// The settings the tests are written against, with their own ladder: the six models docs/DESIGN.md
// names. A model added to the catalog (and so to the default ladder) changes no test that is not
// about the ladder; a test about the default ladder itself reads defaultSettings on purpose.
import {defaultSettings, type Settings} from '../../source/experiment/settings.js';

export const TEST_LADDER: readonly string[] = ['qwen2.5:14b', 'mistral-small:22b', 'qwen2.5:32b', 'qwen2.5:72b', 'llama3.3:70b', 'command-r:35b'];

export const testSettings: Settings = {...defaultSettings, ladder: [...TEST_LADDER]};
