// Esc or Ctrl+C cancels the running step. Only listens when stdin can be put in raw mode:
// otherwise Ink would throw "Raw mode is not supported" (docs/reference/libs.md §1), and the terminal's own
// SIGINT handling applies.
import {useInput, useStdin} from 'ink';

export function useCancelKeys(onCancel: () => void, enabled = true): boolean {
	const {isRawModeSupported} = useStdin();
	const active = enabled && Boolean(isRawModeSupported);
	useInput(
		(input, key) => {
			if (key.escape || (key.ctrl && input === 'c')) onCancel();
		},
		{isActive: active},
	);
	return active;
}
