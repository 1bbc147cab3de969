// A small SVG writer: elements as strings, every attribute and text escaped (model names are
// untrusted), numbers rounded so identical results give byte-identical files. No charting library
// fits here: the ones that run without a DOM pull in a canvas or a full grammar of graphics, and
// none writes the light/dark palette GitHub needs inside the file.

export type Attributes = Record<string, string | number | undefined>;

export function escapeXml(text: string): string {
	// Control characters other than tab and newline are not allowed in XML 1.0 at all.
	// eslint-disable-next-line no-control-regex
	const clean = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
	return clean.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** One decimal place is a tenth of a pixel: enough, and stable across platforms. */
export function num(value: number): string {
	const rounded = Math.round(value * 10) / 10;
	return Object.is(rounded, -0) ? '0' : String(rounded);
}

function attributes(attrs: Attributes): string {
	return Object.entries(attrs)
		.filter((entry): entry is [string, string | number] => entry[1] !== undefined)
		.map(([key, value]) => ` ${key}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`)
		.join('');
}

/** An element; children are already-built markup. */
export function el(tag: string, attrs: Attributes, ...children: string[]): string {
	return children.length === 0 ? `<${tag}${attributes(attrs)}/>` : `<${tag}${attributes(attrs)}>${children.join('')}</${tag}>`;
}

export function text(x: number, y: number, content: string, attrs: Attributes = {}): string {
	return `<text${attributes({x, y, ...attrs})}>${escapeXml(content)}</text>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, attrs: Attributes = {}): string {
	return el('line', {x1, y1, x2, y2, ...attrs});
}

/** Rough width of text in the chart font, for placing labels (no font metrics without a browser). */
export function textWidth(content: string, size = 12): number {
	return content.length * size * 0.58;
}

/** Light palette by default, dark when the viewer prefers it; system fonts, nothing fetched. */
const STYLE = `
text{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;font-size:12px;fill:#1f2328}
.bg{fill:#ffffff}
.title{font-size:16px;font-weight:600}
.muted{fill:#57606a}
.axis{stroke:#57606a;stroke-width:1}
.grid{stroke:#d8dee4;stroke-width:1}
.quadrant{font-size:11px;fill:#8c959f}
.good{fill:#dafbe1}
.point{fill:#0969da;stroke:#ffffff;stroke-width:1.5}
.point.slow{fill:#bc4c00}
.err{stroke:#0969da;stroke-width:1.5}
.err.slow{stroke:#bc4c00}
.bar{fill:#0969da}
.bar.slow{fill:#bc4c00}
.bar.claude{fill:#8250df}
.bar-value{fill:#ffffff}
.ceiling{fill:none;stroke:#57606a;stroke-width:1;stroke-dasharray:3 2}
.threshold{stroke:#1a7f37;stroke-width:2;stroke-dasharray:6 3}
.minrate{stroke:#cf222e;stroke-width:2;stroke-dasharray:6 3}
.claude{stroke:#8250df;stroke-width:2;stroke-dasharray:2 3}
.threshold-label{fill:#1a7f37}
.minrate-label{fill:#cf222e}
.claude-label{fill:#8250df}
.leader{stroke:#8c959f;stroke-width:1}
@media (prefers-color-scheme: dark){
text{fill:#e6edf3}
.bg{fill:#0d1117}
.muted{fill:#8d96a0}
.axis{stroke:#8d96a0}
.grid{stroke:#30363d}
.quadrant{fill:#6e7681}
.good{fill:#12261e}
.point{fill:#4493f8;stroke:#0d1117}
.point.slow{fill:#db6d28}
.err{stroke:#4493f8}
.err.slow{stroke:#db6d28}
.bar{fill:#4493f8}
.bar.slow{fill:#db6d28}
.bar.claude{fill:#ab7df8}
.bar-value{fill:#0d1117}
.ceiling{stroke:#8d96a0}
.threshold{stroke:#3fb950}
.minrate{stroke:#f85149}
.claude{stroke:#ab7df8}
.leader{stroke:#6e7681}
.threshold-label{fill:#3fb950}
.minrate-label{fill:#f85149}
.claude-label{fill:#ab7df8}
}`;

/** The whole document: background, title (also the accessible name), and the body. */
export function svgDocument(width: number, height: number, title: string, body: string[]): string {
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" role="img">`,
		`<title>${escapeXml(title)}</title>`,
		`<style>${STYLE}\n</style>`,
		el('rect', {class: 'bg', x: 0, y: 0, width, height}),
		...body,
		'</svg>',
		'',
	].join('\n');
}
