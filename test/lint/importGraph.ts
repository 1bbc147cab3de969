// The import graph of source/, read with the TypeScript compiler's own pre-parser (no type check):
// each file's relative imports, resolved to files, and the circles among them.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export type ImportGraph = Map<string, string[]>;

function sourceFiles(dir: string): string[] {
	return fs.readdirSync(dir, {recursive: true, withFileTypes: true})
		.filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
		.map((entry) => path.join(entry.parentPath, entry.name));
}

function resolve(from: string, specifier: string): string | null {
	if (!specifier.startsWith('.')) return null;
	const base = path.resolve(path.dirname(from), specifier).replace(/\.js$/, '');
	for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (fs.existsSync(candidate)) return candidate;
	return null;
}

/** Every file under `root` with the files it imports (type-only imports included). */
export function importGraph(root: string): ImportGraph {
	const graph: ImportGraph = new Map();
	for (const file of sourceFiles(root)) {
		const {importedFiles} = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
		const targets = importedFiles.flatMap((imported) => {
			const target = resolve(file, imported.fileName);
			return target === null ? [] : [target];
		});
		graph.set(file, [...new Set(targets)]);
	}
	return graph;
}

/** The strongly connected components of more than one file (or a file importing itself): Tarjan's algorithm. */
export function circles(graph: ImportGraph): string[][] {
	let counter = 0;
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const found: string[][] = [];
	const visit = (node: string): void => {
		index.set(node, counter);
		low.set(node, counter);
		counter += 1;
		stack.push(node);
		onStack.add(node);
		for (const next of graph.get(node) ?? []) {
			if (!index.has(next)) {
				visit(next);
				low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
			} else if (onStack.has(next)) {
				low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
			}
		}
		if (low.get(node) === index.get(node)) {
			const component: string[] = [];
			let member: string | undefined;
			do {
				member = stack.pop();
				if (member === undefined) break;
				onStack.delete(member);
				component.push(member);
			} while (member !== node);
			if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
		}
	};
	for (const node of graph.keys()) if (!index.has(node)) visit(node);
	return found;
}
