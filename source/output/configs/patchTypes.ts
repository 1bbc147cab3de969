// What patching one pipeline file comes to: a new text, nothing to do, or a snippet to paste.
export type FilePatchResult =
	| {status: 'changed'; after: string; added: string[]}
	| {status: 'unchanged'; reason: string}
	| {status: 'unrecognised'; reason: string; snippet: string};
