// Finds the figures a text cites (money, percentages, multiples, plain numbers) and normalises
// their units, so a response's "$3.0 trillion" can be compared with the context's "$2.98T".

export type FigureKind = 'money' | 'percent' | 'multiple' | 'number';

export type Figure = {
	/** As written, e.g. "$391.0B", "24%", "28.5x". */
	text: string;
	/** Absolute value in base units: "$391.0B" → 391e9. */
	value: number;
	/** Half a unit at the precision written, in base units: "$391.0B" → 0.05e9. */
	tolerance: number;
	kind: FigureKind;
	/** Offset of the figure in the text. */
	index: number;
	/** 0-based line number. */
	line: number;
};

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DURATION_UNIT = '(?:trading[ \\t]+)?(?:days?|weeks?|months?|years?|yrs?|quarters?|hours?|minutes?|mins?|sessions?)';

// Spans that contain digits but are not figures: replaced by spaces so offsets and lines survive.
const NOT_FIGURES: RegExp[] = [
	/\b\d{4}-\d{2}-\d{2}\b/g,
	/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/g,
	new RegExp(`\\b${MONTH}\\.?[ \\t]+\\d{1,2}(?:st|nd|rd|th)?(?:,[ \\t]*\\d{4})?\\b`, 'g'),
	new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?[ \\t]+${MONTH}\\b`, 'g'),
	// Reward-to-risk ratios ("3.3:1") are arithmetic on other figures, not data.
	/\b\d+(?:\.\d+)?[ \t]*:[ \t]*1\b/g,
	/\b\d{1,2}:\d{2}\b/g,
	// Durations and look-back windows: "3-6 months", "52-week", "30-day average".
	new RegExp(`\\b\\d+(?:\\.\\d+)?(?:[ \\t]*(?:-|–|to)[ \\t]*\\d+(?:\\.\\d+)?)?(?:[ \\t]*|-)${DURATION_UNIT}\\b`, 'gi'),
	// Indicator parameters: RSI(14), MACD (12,26,9).
	/\b(?:RSI|ATR|MACD|SMA|EMA|ADX|CCI|MA|BB)[ \t]*\([ \t]*\d+(?:[ \t]*,[ \t]*\d+)*[ \t]*\)/g,
	// List numbering at the start of a line: "1. ", "### 2) ".
	/^(?:[ \t]*(?:#{1,6}[ \t]*)?(?:[-*][ \t]*)?)\d{1,2}[.)](?=[ \t])/gm,
];

const FIGURE =
	/(?<cur>[$€£][ \t]?)?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?<unit>[ \t]?%|[ \t]?per[ \t]?cent\b|[ \t]?(?:x|×)(?![A-Za-z\d])|[ \t](?:times)\b|[ \t]?(?:trillion|billion|million|thousand)\b|[ \t]?(?:tn|bn|mn)\b|[TBMK]\b)?/g;

const RANGE_UNIT = /^[ \t]*(?:-|–|to)[ \t]*[$€£]?\d[\d,]*(?:\.\d+)?([ \t]?%|[ \t]?(?:x|×)(?![A-Za-z])|[ \t]?(?:trillion|billion|million)\b|[TBM]\b)/;
const RANGE_CURRENCY = /[$€£][ \t]?\d[\d,]*(?:\.\d+)?[ \t]*(?:-|–|to)[ \t]*$/;

const SCALES: Record<string, number> = {
	t: 1e12,
	tn: 1e12,
	trillion: 1e12,
	b: 1e9,
	bn: 1e9,
	billion: 1e9,
	m: 1e6,
	mn: 1e6,
	million: 1e6,
	k: 1e3,
	thousand: 1e3,
};

function mask(text: string): string {
	let masked = text;
	for (const pattern of NOT_FIGURES) {
		masked = masked.replace(pattern, (span) => span.replace(/[^\n]/g, ' '));
	}
	return masked;
}

function classify(unit: string, currency: boolean): {kind: FigureKind; scale: number} {
	const u = unit.trim().toLowerCase();
	if (u === '%' || u.startsWith('per')) return {kind: 'percent', scale: 1};
	if (u === 'x' || u === '×' || u === 'times') return {kind: 'multiple', scale: 1};
	const scale = SCALES[u] ?? 1;
	return {kind: currency ? 'money' : 'number', scale};
}

function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
	return starts;
}

function lineOf(starts: number[], index: number): number {
	let lo = 0;
	let hi = starts.length - 1;
	while (lo < hi) {
		const mid = Math.ceil((lo + hi) / 2);
		if ((starts[mid] ?? 0) <= index) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

export function extractFigures(text: string): Figure[] {
	const masked = mask(text);
	const starts = lineStarts(text);
	const figures: Figure[] = [];
	for (const match of masked.matchAll(FIGURE)) {
		const groups = match.groups ?? {};
		const numText = groups.num ?? '';
		const start = match.index;
		const end = start + match[0].length;
		const before = masked[start - 1] ?? ' ';
		const after = masked.slice(end, end + 2);
		let currency = groups.cur !== undefined;
		let unit = groups.unit ?? '';
		// Glued to a word or a version ("Q4", "FY2026", "M3", "v0.3.0", "3rd", "10-K"): a name, not a figure.
		if (!currency && /[A-Za-z\d.]/.test(before)) continue;
		if (/^[A-Za-z\d]/.test(after) || /^\.\d/.test(after) || /^-[A-Za-z]/.test(after)) continue;
		if (unit === '') {
			const range = RANGE_UNIT.exec(masked.slice(end, end + 40));
			if (range?.[1]) unit = range[1];
		}
		if (!currency && RANGE_CURRENCY.test(masked.slice(Math.max(0, start - 40), start))) currency = true;
		const isInteger = !numText.includes('.');
		const plainValue = Number(numText.replace(/,/g, ''));
		if (!currency && unit === '' && isInteger && !numText.includes(',')) {
			// Years and small counts ("3 reasons") carry no market data.
			if (plainValue >= 1900 && plainValue <= 2100) continue;
			if (plainValue < 10) continue;
		}
		const {kind, scale} = classify(unit, currency);
		const decimals = isInteger ? 0 : numText.length - numText.indexOf('.') - 1;
		figures.push({
			text: text.slice(start, end).trim(),
			value: plainValue * scale,
			tolerance: 0.5 * 10 ** -decimals * scale,
			kind,
			index: start,
			line: lineOf(starts, start),
		});
	}
	return figures;
}

/** Percentages only match percentages and multiples only multiples or bare numbers. */
export function kindsCompatible(a: FigureKind, b: FigureKind): boolean {
	if (a === b) return true;
	if (a === 'percent' || b === 'percent') return false;
	if (a === 'multiple' || b === 'multiple') return a === 'number' || b === 'number';
	return true;
}

/**
 * Equal within rounding: at the precision either side wrote, so "$189.5" matches 189.48 and
 * "$3,967B" matches "$3.97T".
 */
export function sameFigure(a: Figure, b: Figure): boolean {
	if (!kindsCompatible(a.kind, b.kind)) return false;
	const slack = Math.max(a.tolerance, b.tolerance) + 1e-9 * Math.max(Math.abs(a.value), Math.abs(b.value));
	return Math.abs(a.value - b.value) <= slack;
}
