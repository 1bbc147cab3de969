// The root of every full-screen Ink app here: after a resize it redraws the scrollback once
// (hooks/useResizeRefresh.ts). The Box is always there, only its height changes, so the tree
// below (and each <Static>'s record of what it printed) is never remounted.
import React from 'react';
import {Box} from 'ink';
import {useResizeRefresh} from '../hooks/useResizeRefresh.js';
import {useTerminalSize} from '../hooks/useTerminalSize.js';

export function ResizeRefresh({enabled, children}: {enabled: boolean; children: React.ReactNode}): React.JSX.Element {
	const size = useTerminalSize();
	const fill = useResizeRefresh(size, enabled);
	return (
		<Box flexDirection="column" {...(fill ? {height: size.rows} : {})}>
			{children}
		</Box>
	);
}
