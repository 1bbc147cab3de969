// Memory bandwidth of Apple chips in GB/s (Apple's figures; docs/reference/ollama-wire.md §6). Decode
// speed is bound by it, so it gives each model's ceiling. Variants with fewer CPU cores also have
// a narrower memory bus (the 14-core M3 Max, with the 30-core GPU, has 300 GB/s, not 400).

type ChipBandwidth = {chip: string; bandwidthGBs: number; /** CPU core count of a cut-down variant and its bandwidth */ binned?: {cpuCores: number; bandwidthGBs: number; gpuCores: number}};

const table: ChipBandwidth[] = [
	{chip: 'Apple M1', bandwidthGBs: 68},
	{chip: 'Apple M1 Pro', bandwidthGBs: 200},
	{chip: 'Apple M1 Max', bandwidthGBs: 400},
	{chip: 'Apple M1 Ultra', bandwidthGBs: 800},
	{chip: 'Apple M2', bandwidthGBs: 100},
	{chip: 'Apple M2 Pro', bandwidthGBs: 200},
	{chip: 'Apple M2 Max', bandwidthGBs: 400},
	{chip: 'Apple M2 Ultra', bandwidthGBs: 800},
	{chip: 'Apple M3', bandwidthGBs: 100},
	{chip: 'Apple M3 Pro', bandwidthGBs: 150},
	{chip: 'Apple M3 Max', bandwidthGBs: 400, binned: {cpuCores: 14, bandwidthGBs: 300, gpuCores: 30}},
	{chip: 'Apple M3 Ultra', bandwidthGBs: 819},
	{chip: 'Apple M4', bandwidthGBs: 120},
	{chip: 'Apple M4 Pro', bandwidthGBs: 273},
	{chip: 'Apple M4 Max', bandwidthGBs: 546, binned: {cpuCores: 14, bandwidthGBs: 410, gpuCores: 32}},
];

export type ChipLookup = {bandwidthGBs: number; gpuCores: number | null} | null;

/** `brand` is sysctl's machdep.cpu.brand_string, e.g. "Apple M3 Max". */
export function chipBandwidth(brand: string, cpuCores: number | null): ChipLookup {
	const entry = table.find((row) => row.chip === brand.trim());
	if (!entry) return null;
	if (entry.binned && cpuCores === entry.binned.cpuCores) {
		return {bandwidthGBs: entry.binned.bandwidthGBs, gpuCores: entry.binned.gpuCores};
	}
	return {bandwidthGBs: entry.bandwidthGBs, gpuCores: entry.binned ? 40 : null};
}
