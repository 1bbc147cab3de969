import {describe, expect, it} from 'vitest';
import {formatBytePair, formatBytes, formatEta, formatPercent, formatTokenRate, formatTransferRate, shortDigest} from '../../source/analysis/units.js';

describe('units for 80-column progress rows', () => {
	it('prints sizes in decimal units, as Ollama does', () => {
		expect(formatBytes(19_851_349_669)).toBe('19.9 GB');
		expect(formatBytes(1_487)).toBe('1.5 kB');
		expect(formatBytes(96)).toBe('96 B');
		expect(formatBytes(-1)).toBe('?');
	});

	it('keeps both sides of a progress pair in the unit of the total', () => {
		expect(formatBytePair(4_100_000_000, 19_851_349_669)).toBe('4.1/19.9 GB');
		expect(formatBytePair(0, 11_300)).toBe('0.0/11.3 kB');
	});

	it('prints rates, percentages and countdowns, with a dash when unknown', () => {
		expect(formatTransferRate(52_400_000)).toBe('52.4 MB/s');
		expect(formatTransferRate(null)).toBe('– MB/s');
		expect(formatTokenRate(16.2011)).toBe('16.20 t/s');
		expect(formatPercent(0.7234)).toBe('72%');
		expect(formatEta(44.2)).toBe('45s');
		expect(formatEta(125)).toBe('2m05s');
		expect(formatEta(3 * 3600 + 61)).toBe('3h01m');
		expect(formatEta(null)).toBe('–');
	});

	it('shortens a digest to the 12 hex characters of Ollama status lines', () => {
		expect(shortDigest('sha256:2049f5674b1e92b4464e5729975c9689fcfbf0b0e4443ccf10b5339f370f9a54')).toBe('2049f5674b1e');
	});
});
