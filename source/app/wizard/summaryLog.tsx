// Decisions, steps and files written, printed once above the live area. Ink keeps a single
// <Static> per app and the step screens bring their own, so this one unmounts while a step runs;
// when it comes back it prints only the lines not printed yet (a fresh <Static> prints all it gets).
import React, {useEffect, useState, type MutableRefObject} from 'react';
import {Static, Text} from 'ink';

export function SummaryLog({log, printed}: {log: string[]; printed: MutableRefObject<number>}): React.JSX.Element {
	const [from] = useState(() => printed.current);
	useEffect(() => {
		printed.current = log.length;
	}, [log.length, printed]);
	const items = log.slice(from).map((line, offset) => ({line, position: from + offset}));
	return (
		<Static items={items}>
			{(item) => (
				<Text key={item.position} dimColor wrap="wrap">
					{item.line}
				</Text>
			)}
		</Static>
	);
}
