// The one size rule for models an inference server serves (--backend openai), where no download
// size exists: which are escalation-tier (70B-class) and what the rate predictions scale by. The
// bytes the server reports win (llama.cpp's meta.size), then the catalog's for a name it knows, then
// the parameter count at a 4-bit-class quantisation (the catalog's Q4_K_M models weigh about 0.6
// bytes per parameter: qwen2.5:72b 47.4 GB), so a 70B is in the tier and a 35B is not.
import {catalogEntry} from './catalog.js';

const BYTES_PER_PARAMETER = 0.6;

/** "32B", "7.6B" -> parameters; null when unreadable. */
function parameters(size: string): number | null {
	const match = /^(\d+(?:\.\d+)?)\s*([bBmM])$/.exec(size.trim());
	if (!match) return null;
	const value = Number(match[1]);
	return match[2]?.toLowerCase() === 'm' ? value * 1e6 : value * 1e9;
}

export function servedTierBytes(model: {id: string; parameterSize: string; sizeBytes: number}): number {
	if (model.sizeBytes > 0) return model.sizeBytes;
	const known = catalogEntry(model.id)?.sizeBytes;
	if (known !== undefined) return known;
	const count = parameters(model.parameterSize);
	return count === null ? 0 : Math.round(count * BYTES_PER_PARAMETER);
}
