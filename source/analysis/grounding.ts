// Which figures in a response the market context supports. Levels a trader derives (an entry, a
// stop 1×ATR below, a sizing percentage) are never in the context, so they are counted apart.
import {extractFigures, sameFigure, type Figure} from './figures.js';

export type FigureVerdict = 'grounded' | 'derived' | 'unsupported';

export type GroundingResult = {
	/** Every figure found in the response. */
	figures: number;
	grounded: number;
	/** Trade levels and sizing the response worked out itself (not counted either way). */
	derived: number;
	unsupported: number;
	/** A few unsupported figures as written, for the report. */
	unsupportedExamples: string[];
};

export type GroundingOptions = {
	/** Reference for derived levels; found in the context when not given. */
	lastPrice?: number | null;
	/** How far from the last price a derived level may sit (0.3 = ±30 %). */
	levelBand?: number;
	maxExamples?: number;
};

const LEVEL_LINE = /\b(?:entry|enter|stop|target|take[- ]profit|trim|add(?:ing)?\s+(?:on|at|below|above)|limit|buy\s+(?:zone|at|near|below)|invalidat\w*|exit|scale\s+(?:in|out))\b/i;
const SIZING_LINE = /\b(?:position|sizing|portfolio|allocation|tranche|shares|risk budget)\b/i;

/** The last traded price the context states ("Last price: $271.35", "last close $189.50"). */
export function findLastPrice(context: string): number | null {
	const match = /\b(?:last|closing)\s+(?:traded\s+)?(?:price|close)\b[^\d$\n]{0,30}\$?\s?(\d[\d,]*(?:\.\d+)?)/i.exec(context);
	if (!match?.[1]) return null;
	const value = Number(match[1].replace(/,/g, ''));
	return Number.isFinite(value) && value > 0 ? value : null;
}

function isDerived(figure: Figure, lineText: string, lastPrice: number | null, band: number): boolean {
	const levelLine = LEVEL_LINE.test(lineText);
	const sizingLine = SIZING_LINE.test(lineText);
	// A price near the last one on a level or sizing line ("add above $195") is a trigger the trader chose.
	const nearPrice = lastPrice !== null && figure.kind !== 'percent' && figure.kind !== 'multiple' && Math.abs(figure.value - lastPrice) <= band * lastPrice;
	if ((levelLine || sizingLine) && nearPrice) return true;
	if (levelLine) {
		// Distances ("4% below entry", "1.5× ATR") on a level line are the trader's arithmetic.
		if (figure.kind === 'percent') return figure.value < 50;
		if (figure.kind === 'multiple') return figure.value <= 5;
	}
	if (sizingLine) {
		if (figure.kind === 'percent') return figure.value <= 25;
		// Share counts: "100 shares".
		if (figure.kind === 'number' && figure.value < 1e6) return true;
	}
	return false;
}

export function groundFigures(text: string, context: string, options: GroundingOptions = {}): GroundingResult {
	const contextFigures = extractFigures(context);
	const lastPrice = options.lastPrice === undefined ? findLastPrice(context) : options.lastPrice;
	const band = options.levelBand ?? 0.3;
	const maxExamples = options.maxExamples ?? 5;
	const lines = text.split('\n');
	const result: GroundingResult = {figures: 0, grounded: 0, derived: 0, unsupported: 0, unsupportedExamples: []};
	for (const figure of extractFigures(text)) {
		result.figures++;
		if (contextFigures.some((known) => sameFigure(figure, known))) {
			result.grounded++;
		} else if (isDerived(figure, lines[figure.line] ?? '', lastPrice, band)) {
			result.derived++;
		} else {
			result.unsupported++;
			if (result.unsupportedExamples.length < maxExamples && !result.unsupportedExamples.includes(figure.text)) {
				result.unsupportedExamples.push(figure.text);
			}
		}
	}
	return result;
}
