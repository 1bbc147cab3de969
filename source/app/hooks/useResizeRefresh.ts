// A resize leaves copies of the live frame behind: the terminal reflows or scrolls what Ink drew
// before Ink hears of it, and Ink erases the old frame by its line count, so rows that wrapped or
// scrolled away (the title, the first lines of a page) stay in the scrollback, once per resize.
// Ink 6.8 has one path that redraws everything from its own record: after a frame as tall as the
// terminal, the next frame clears the screen and the scrollback and writes the whole <Static>
// history again, then the frame (docs/reference/terminal.md §1, path 1). So once the size has
// settled, draw one frame that fills the terminal, then the normal one: the scrollback is the
// history once, and the live frame once, at the new size.
import {useEffect, useRef, useState} from 'react';
import {MAX_FPS} from '../frameRate.js';
import type {TerminalSize} from './useTerminalSize.js';

/** A drag resizes many times a second: refresh once, after the last. */
export const RESIZE_SETTLE_MS = 200;
/** Long enough for Ink's throttle (one frame at MAX_FPS) to draw the filling frame first. */
export const FILL_HOLD_MS = 3 * Math.ceil(1000 / MAX_FPS);

/** True while the frame must fill the terminal (once per settled resize). */
export function useResizeRefresh(size: TerminalSize, enabled: boolean): boolean {
	const [fill, setFill] = useState(false);
	const drawnAt = useRef(size);
	const {columns, rows} = size;
	useEffect(() => {
		if (!enabled) return undefined;
		const before = drawnAt.current;
		if (before.columns === columns && before.rows === rows) return undefined;
		const timer = setTimeout(() => {
			drawnAt.current = {columns, rows};
			setFill(true);
		}, RESIZE_SETTLE_MS);
		return () => clearTimeout(timer);
	}, [columns, rows, enabled]);
	useEffect(() => {
		if (!fill) return undefined;
		const timer = setTimeout(() => setFill(false), FILL_HOLD_MS);
		return () => clearTimeout(timer);
	}, [fill]);
	return fill;
}
