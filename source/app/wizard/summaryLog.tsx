// Decisions, steps and files written, printed once above the live area. Ink keeps a single
// <Static> per app and the step screens bring their own, so this one unmounts while a step runs;
// when it comes back it prints only the lines not printed yet (a fresh <Static> prints all it gets).
import React, {useEffect, useState, type MutableRefObject} from 'react';
import {Static} from 'ink';
import {Prose} from '../components/prose.js';

export function SummaryLog({log, printed}: {log: string[]; printed: MutableRefObject<number>}): React.JSX.Element {
	const [from] = useState(() => printed.current);
	useEffect(() => {
		printed.current = log.length;
	}, [log.length, printed]);
	const items = log.slice(from).map((line, offset) => ({line, position: from + offset}));
	return (
		<Static items={items}>
			{(item) => (
				<Prose key={item.position} dimColor>
					{item.line}
				</Prose>
			)}
		</Static>
	);
}
