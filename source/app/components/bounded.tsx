// A live region that is never taller than `rows`: Ink erases a frame by moving the cursor up,
// which cannot reach rows scrolled off the top, and a frame as tall as the terminal makes it
// clear the whole screen and the scrollback (docs/reference/terminal.md §1). Content that does not fit is cut
// at the bottom, so a screen's title and table header stay in view.
//
// Ink 6.8 has no maxHeight, so the box gets an explicit height: the content's own height
// (measured after each layout) capped at `rows`. A change of content shows, for at most one
// frame, clipped to the previous height or padded below it; never taller than the cap. The
// content is positioned absolutely because Yoga lays out an in-flow child at most as tall as
// its parent, which would hide the height to measure; an absolute child keeps its own.
import React, {createContext, useContext, useLayoutEffect, useReducer, useRef, useState} from 'react';
import {Box, Text, measureElement, type DOMElement} from 'ink';

/**
 * A Bounded inside another (a list page inside the wizard's frame) changes height without its
 * ancestor re-rendering: it tells the ancestor to measure again, or the frame would keep the
 * height it had for the previous page.
 */
const Remeasure = createContext<(() => void) | null>(null);

/** `marked`: when the content is cut, its last row says so. */
export function Bounded({rows, children, marked = false}: {rows: number; children: React.ReactNode; marked?: boolean}): React.JSX.Element {
	const inner = useRef<DOMElement>(null);
	const [natural, setNatural] = useState(0);
	const outer = useContext(Remeasure);
	const [, remeasure] = useReducer((count: number) => count + 1, 0);
	const cap = Math.max(1, rows);
	// Every render, on purpose: content changes with no prop of ours changing (a step's feed, a
	// key), and the update stops as soon as the height is unchanged.
	// eslint-disable-next-line react-hooks/exhaustive-deps
	useLayoutEffect(() => {
		if (inner.current === null) return;
		const {height} = measureElement(inner.current);
		if (height === natural) return;
		setNatural(height);
		outer?.();
	});
	const cut = marked && natural > cap;
	return (
		<Box flexDirection="column" flexShrink={0}>
			<Box flexDirection="column" height={Math.min(cut ? cap - 1 : cap, natural)} overflow="hidden" flexShrink={0}>
				<Box ref={inner} flexDirection="column" position="absolute" width="100%">
					<Remeasure.Provider value={remeasure}>{children}</Remeasure.Provider>
				</Box>
			</Box>
			{cut ? (
				<Text dimColor wrap="truncate">
					… (cut to fit: a taller terminal shows all of it)
				</Text>
			) : null}
		</Box>
	);
}
