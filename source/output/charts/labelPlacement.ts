// Where a chart's text labels go so that none overprints another label, a point or a line: pure
// geometry, tested with plain boxes. Candidates ring the anchor at growing distances (right, left,
// above, below, then the diagonals); the first that stays inside the plot and clear of every
// obstacle wins. A label that had to move away from its point gets a leader line back to it.

export type Box = {left: number; right: number; top: number; bottom: number};

/** What a label must not touch: other labels, points (circles), horizontal and vertical lines. */
export type Obstacles = {
	boxes: Box[];
	points: Array<{x: number; y: number; r: number}>;
	hLines: Array<{y: number; left: number; right: number}>;
	vLines: Array<{x: number; top: number; bottom: number}>;
};

export type Placement = {box: Box; leader: boolean};

/** Space kept between a label and what it avoids, in pixels. */
const PAD = 2;
const RINGS = 12;
const STEP = 12;

export function emptyObstacles(): Obstacles {
	return {boxes: [], points: [], hLines: [], vLines: []};
}

export function overlaps(a: Box, b: Box): boolean {
	return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function grown(box: Box, by: number): Box {
	return {left: box.left - by, right: box.right + by, top: box.top - by, bottom: box.bottom + by};
}

/** How many obstacles the box touches (0: it is clear). */
export function collisions(box: Box, obstacles: Obstacles): number {
	const padded = grown(box, PAD);
	let count = obstacles.boxes.filter((other) => overlaps(padded, other)).length;
	count += obstacles.points.filter((point) => overlaps(padded, {left: point.x - point.r, right: point.x + point.r, top: point.y - point.r, bottom: point.y + point.r})).length;
	count += obstacles.hLines.filter((line) => line.y > padded.top && line.y < padded.bottom && line.left < padded.right && line.right > padded.left).length;
	count += obstacles.vLines.filter((line) => line.x > padded.left && line.x < padded.right && line.top < padded.bottom && line.bottom > padded.top).length;
	return count;
}

function inside(box: Box, bounds: Box): boolean {
	return box.left >= bounds.left && box.right <= bounds.right && box.top >= bounds.top && box.bottom <= bounds.bottom;
}

function shiftedInto(box: Box, bounds: Box): Box {
	const dx = box.left < bounds.left ? bounds.left - box.left : box.right > bounds.right ? bounds.right - box.right : 0;
	const dy = box.top < bounds.top ? bounds.top - box.top : box.bottom > bounds.bottom ? bounds.bottom - box.bottom : 0;
	return {left: box.left + dx, right: box.right + dx, top: box.top + dy, bottom: box.bottom + dy};
}

/** Candidate boxes around (x, y): beside the anchor first, then further out, nearest first. */
function candidates(x: number, y: number, width: number, height: number, gap: number): Box[] {
	const at = (left: number, top: number): Box => ({left, right: left + width, top, bottom: top + height});
	const boxes: Box[] = [];
	for (let ring = 0; ring < RINGS; ring++) {
		const d = gap + ring * STEP;
		boxes.push(
			at(x + d, y - height / 2),
			at(x - d - width, y - height / 2),
			at(x - width / 2, y - d - height),
			at(x - width / 2, y + d),
			at(x + d, y - d - height),
			at(x - d - width, y - d - height),
			at(x + d, y + d),
			at(x - d - width, y + d),
		);
	}
	return boxes;
}

/**
 * The box for a `width` x `height` label of the anchor at (x, y), inside `bounds`, clear of every
 * obstacle when any place is; else the place inside the bounds with the fewest collisions.
 * `leader` when the label sits further from the anchor than the first ring.
 */
export function placeLabel(anchor: {x: number; y: number}, width: number, height: number, bounds: Box, obstacles: Obstacles, gap = 9): Placement {
	const all = candidates(anchor.x, anchor.y, width, height, gap);
	const within = all.filter((box) => inside(box, bounds));
	// Nothing fits as is (a plot narrower than the label): shifted into the bounds instead.
	const pool = within.length > 0 ? within : all.map((box) => shiftedInto(box, bounds));
	let best = pool[0] as Box;
	let bestCount = Number.POSITIVE_INFINITY;
	for (const box of pool) {
		const count = collisions(box, obstacles);
		if (count < bestCount) {
			best = box;
			bestCount = count;
			if (count === 0) break;
		}
	}
	// The first ring (8 candidates) sits beside the anchor; anything further needs a line back to it.
	return {box: best, leader: within.length === 0 || all.indexOf(best) >= 8};
}
