// Ink 6 keeps a pointer to the app's one <Static> (rootNode.staticNode), set when a <Static> is
// created and never cleared when it unmounts, although the unmount frees its Yoga node. Every
// later frame then measures freed memory: once another layout reuses it, the "height" can read
// 2^65 rows and Ink allocates an output grid that size until the process runs out of memory (a
// wizard switching from the pull screen, which has a <Static>, to the reasoning screen, which has
// none). A screen without a <Static> of its own renders this empty one, so the node Ink measures
// is always a live one. It prints nothing: Ink skips an empty static output.
import React from 'react';
import {Static} from 'ink';

const NONE: never[] = [];

export function StaticAnchor(): React.JSX.Element {
	return <Static items={NONE}>{() => null}</Static>;
}
