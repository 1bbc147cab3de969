// Linear scales and round tick values: the geometry the SVG charts and the terminal plot share.

export type Scale = {
	domain: [number, number];
	range: [number, number];
	(value: number): number;
};

/** Maps domain onto range linearly; a zero-width domain maps everything to the range's start. */
export function linearScale(domain: [number, number], range: [number, number]): Scale {
	const [d0, d1] = domain;
	const [r0, r1] = range;
	const span = d1 - d0;
	const scale = ((value: number) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0))) as Scale;
	scale.domain = domain;
	scale.range = range;
	return scale;
}

/** A step of 1, 2 or 5 times a power of ten giving about `count` intervals over [low, high]. */
export function niceStep(low: number, high: number, count = 5): number {
	const raw = Math.abs(high - low) / Math.max(1, count);
	if (raw === 0 || !Number.isFinite(raw)) return 1;
	const power = 10 ** Math.floor(Math.log10(raw));
	const fraction = raw / power;
	return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

/** Tick values from low to high (both rounded outward to the step). */
export function niceTicks(low: number, high: number, count = 5): number[] {
	const step = niceStep(low, high, count);
	const first = Math.floor(low / step) * step;
	const last = Math.ceil(high / step) * step;
	const ticks: number[] = [];
	for (let index = 0; first + index * step <= last + step / 1e6; index++) ticks.push(Number((first + index * step).toFixed(10)));
	return ticks;
}

/** [low, high] widened outward to whole steps, so the axis starts and ends on a tick. */
export function niceDomain(low: number, high: number, count = 5): [number, number] {
	const ticks = niceTicks(low, high, count);
	return [ticks[0] ?? low, ticks.at(-1) ?? high];
}
