// Sentences for Ink to wrap at the width it lays out. Ink wraps with wrap-ansi's trim off, so a
// word that ends exactly at the last column sends its following space to the start of the next
// line; each wrapped line is trimmed of that one space (after any colour codes).
import React from 'react';
import {Text, Transform, type TextProps} from 'ink';

// Colour codes are our own (SGR), written by Ink before the text.
// eslint-disable-next-line no-control-regex
const LEADING_SPACE = /^((?:\u001B\[[\d;]*m)*) /;

export function trimWrapped(line: string, index: number): string {
	return index === 0 ? line : line.replace(LEADING_SPACE, '$1');
}

export function Prose({children, ...props}: Omit<TextProps, 'wrap'> & {children: React.ReactNode}): React.JSX.Element {
	return (
		<Transform transform={trimWrapped}>
			<Text {...props} wrap="wrap">
				{children}
			</Text>
		</Transform>
	);
}
