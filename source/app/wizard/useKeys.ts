// Ink's useInput, only when stdin can be put in raw mode: piped stdin must not crash the app
// (docs/reference/libs.md §1), and without a keyboard nothing waits for a key. The handler is read through a
// ref so a key that arrives right after a render never reaches the previous screen's handler.
import {useCallback, useRef} from 'react';
import {useInput, useStdin, type Key} from 'ink';

export function useKeys(handler: (input: string, key: Key) => void): boolean {
	const {isRawModeSupported} = useStdin();
	const active = Boolean(isRawModeSupported);
	const latest = useRef(handler);
	latest.current = handler;
	const stable = useCallback((input: string, key: Key) => latest.current(input, key), []);
	useInput(stable, {isActive: active});
	return active;
}
