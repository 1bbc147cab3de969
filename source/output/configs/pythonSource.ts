// A pipeline Python file read as Python reads it and written back the same way, so no byte outside
// the patch ever changes: in the encoding it declares (PEP 263: a `coding[:=]` comment on line 1,
// or on line 2 below a comment or blank line), UTF-8 when it declares none (Python 3's default).
// When trifecta cannot keep that promise it does not touch the file and says why: an encoding it
// does not write, bytes the declared encoding does not allow, a file far larger than a config
// module, or one its owner made read-only (a rename would replace it regardless of its mode).
import fs from 'node:fs';

/** A hybrid_llm.py is a few kB; a file past this is not one to rewrite (and would be read whole). */
export const MAX_PIPELINE_FILE_BYTES = 4 * 1024 * 1024;

export type PythonEncoding = 'utf8' | 'latin1' | 'ascii';

export type PythonSource = {text: string; encoding: PythonEncoding; bytes: Buffer};

export type PythonRead = ({ok: true} & PythonSource) | {ok: false; reason: string};

/** The PEP 263 pattern, on one line. */
const CODING = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/** The declared encoding's name, as written, or null. */
export function declaredEncoding(bytes: Uint8Array): string | null {
	// Latin-1 maps bytes one to one, so the ASCII of the first lines reads the same whatever follows.
	const [first = '', second = ''] = Buffer.from(bytes.subarray(0, 2048)).toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '').split(/\r\n|\r|\n/);
	const onFirst = CODING.exec(first);
	if (onFirst) return onFirst[1] ?? null;
	// Python looks at line 2 only when line 1 is a comment or blank (a shebang, usually).
	if (!/^[ \t\f]*(#.*)?$/.test(first)) return null;
	return CODING.exec(second)?.[1] ?? null;
}

/** Python's own normalisation (tokenizer get_normal_name, codec aliases) onto what trifecta writes. */
function supportedEncoding(name: string): PythonEncoding | null {
	const normal = name.toLowerCase().replace(/_/g, '-');
	if (/^(utf-8|utf8|u8|utf|cp65001)(-|$)/.test(normal)) return 'utf8';
	if (/^(latin-1|iso-8859-1|iso-latin-1|latin1|latin|l1|iso8859-1|8859|cp819|iso-ir-100)(-|$)/.test(normal)) return 'latin1';
	if (/^(ascii|us-ascii|646)$/.test(normal)) return 'ascii';
	return null;
}

const UTF8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true});

/** Reads `file` for patching, or says why it must not be patched. */
export function readPythonSource(file: string): PythonRead {
	const stat = fs.statSync(file);
	if (stat.size > MAX_PIPELINE_FILE_BYTES) {
		return {ok: false, reason: `it is ${(stat.size / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_PIPELINE_FILE_BYTES / 1024 / 1024} MB trifecta reads from a pipeline file; not touched`};
	}
	if ((stat.mode & 0o222) === 0) {
		return {ok: false, reason: `it is read-only (mode ${(stat.mode & 0o777).toString(8).padStart(4, '0')}); not touched: make it writable (chmod u+w) and run the command again, or paste the lines below`};
	}
	const bytes = fs.readFileSync(file);
	const declared = declaredEncoding(bytes);
	const encoding = declared === null ? 'utf8' : supportedEncoding(declared);
	if (encoding === null) return {ok: false, reason: `it declares the encoding ${JSON.stringify(declared)}, which trifecta does not write (only UTF-8, Latin-1 and ASCII); not touched`};
	if (encoding === 'latin1') return {ok: true, text: bytes.toString('latin1'), encoding, bytes};
	if (encoding === 'ascii' && bytes.some((byte) => byte > 0x7f)) return {ok: false, reason: 'it declares ASCII but holds other bytes; not touched'};
	try {
		return {ok: true, text: UTF8.decode(bytes), encoding, bytes};
	} catch {
		return {
			ok: false,
			reason: `it is not valid UTF-8 and ${declared === null ? 'declares no encoding (add a "# -*- coding: latin-1 -*-" line if that is what it is)' : `declares ${JSON.stringify(declared)}`}; not touched`,
		};
	}
}

/** The patched text in the file's own encoding; null when it holds a character that encoding cannot. */
export function encodePythonSource(text: string, encoding: PythonEncoding): Buffer | null {
	if (encoding === 'utf8') return Buffer.from(text, 'utf8');
	const limit = encoding === 'latin1' ? 0xff : 0x7f;
	for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) > limit) return null;
	return Buffer.from(text, 'latin1');
}
