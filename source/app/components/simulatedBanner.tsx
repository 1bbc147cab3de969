// Every screen of a --demo run says so, in the same words, so no simulated figure passes for real.
import React from 'react';
import {Text} from 'ink';

export function SimulatedBanner({show, what = 'built-in simulator, not real models'}: {show: boolean; what?: string}): React.JSX.Element | null {
	return show ? (
		<Text color="yellow" bold>
			SIMULATED — {what}
		</Text>
	) : null;
}
