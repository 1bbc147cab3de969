// Reads a chart back as XML, the way a browser would, so tests check what is drawn, not how the string looks.
import {XMLParser, XMLValidator} from 'fast-xml-parser';
import {expect} from 'vitest';

type Node = Record<string, unknown>;

export type ParsedSvg = {texts: string[]; lines: Node[]; root: Node};

function asArray(value: unknown): Node[] {
	if (value === undefined) return [];
	return (Array.isArray(value) ? value : [value]) as Node[];
}

export function parseSvg(svg: string): ParsedSvg {
	expect(XMLValidator.validate(svg)).toBe(true);
	const parser = new XMLParser({ignoreAttributes: false, attributeNamePrefix: '', textNodeName: '#text', parseAttributeValue: false, parseTagValue: false});
	const document = parser.parse(svg) as {svg: Node};
	const root = document.svg;
	const texts = asArray(root['text']).map((node) => (typeof node === 'string' ? node : String(node['#text'] ?? '')));
	return {texts, lines: asArray(root['line']), root};
}

export function lineById(parsed: ParsedSvg, id: string): {x1: number; y1: number; x2: number; y2: number} {
	const found = parsed.lines.find((node) => node['id'] === id);
	expect(found, `line #${id}`).toBeDefined();
	const value = (key: string) => Number(found?.[key]);
	return {x1: value('x1'), y1: value('y1'), x2: value('x2'), y2: value('y2')};
}
