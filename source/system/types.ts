// What preflight learns about the machine. Collected once (source/system/), passed down.

export type DiskInfo = {path: string; freeBytes: number; totalBytes: number};

export type SystemInfo = {
	platform: string;
	/** e.g. "Apple M3 Max"; null when unknown (not macOS, or sysctl failed). */
	chip: string | null;
	/** GPU cores when known (distinguishes the 300 and 400 GB/s M3 Max). */
	gpuCores: number | null;
	/** Memory bandwidth in GB/s: --bandwidth, else the chip table; null when unknown. */
	bandwidthGBs: number | null;
	bandwidthSource: 'flag' | 'chip-table' | 'simulated' | 'unknown';
	totalRamBytes: number;
	freeRamBytes: number;
	/** Free disk where results go. */
	resultsDisk: DiskInfo | null;
	/** Free disk where Ollama keeps models; null when Ollama is not on this machine. */
	modelsDisk: DiskInfo | null;
	/** True when the Ollama host is loopback (so disk and RAM checks apply to it). */
	ollamaIsLocal: boolean;
};
