// No files import each other in a circle anywhere in source/ (docs/ARCHITECTURE.md, "Layers"):
// a circle makes the load order decide which binding is still undefined, and hides which file
// owns what.
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {circles, importGraph} from './importGraph.js';

const SOURCE = path.resolve(import.meta.dirname, '../../source');

describe('the import graph of source/', () => {
	it('has no circle', () => {
		const found = circles(importGraph(SOURCE)).map((component) => component.map((file) => path.relative(SOURCE, file)));
		expect(found).toEqual([]);
	});

	it('finds a circle when there is one', () => {
		const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']], ['e', ['e']]]);
		expect(circles(graph)).toEqual([['a', 'b', 'c'], ['e']]);
	});
});
