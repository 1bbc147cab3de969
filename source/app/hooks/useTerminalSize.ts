// The terminal's columns and rows as React state, updated on 'resize'. Ink 6.8 re-lays out on a
// resize but does not re-render components (docs/reference/terminal.md §3), and has no useWindowSize yet, so
// anything sized from the terminal subscribes here.
import {useEffect, useState} from 'react';
import {useStdout} from 'ink';

export type TerminalSize = {columns: number; rows: number};

/** When the stream does not say (a pipe, a test double): the classic terminal. */
export const FALLBACK_SIZE: TerminalSize = {columns: 80, rows: 24};

function read(stdout: NodeJS.WriteStream): TerminalSize {
	return {
		columns: stdout.columns > 0 ? stdout.columns : FALLBACK_SIZE.columns,
		rows: stdout.rows > 0 ? stdout.rows : FALLBACK_SIZE.rows,
	};
}

export function useTerminalSize(): TerminalSize {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => read(stdout));
	useEffect(() => {
		const onResize = () =>
			setSize((previous) => {
				const next = read(stdout);
				return next.columns === previous.columns && next.rows === previous.rows ? previous : next;
			});
		stdout.on('resize', onResize);
		// A resize between the first render and this subscription would otherwise be missed.
		onResize();
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
