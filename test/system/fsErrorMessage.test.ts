import {describe, expect, it} from 'vitest';
import {fsErrorMessage} from '../../source/system/fsErrorMessage.js';

function errno(code: string, syscall: string, path: string): NodeJS.ErrnoException {
	return Object.assign(new Error(`${code}: raw, ${syscall} '${path}'`), {code, syscall, path});
}

describe('fsErrorMessage', () => {
	it.each([
		[errno('EACCES', 'mkdir', '/r/.trifecta.lock'), /^Permission denied writing \/r\/\.trifecta\.lock — /],
		[errno('EACCES', 'open', '/r/scaling-results.json'), /^Permission denied writing \/r\/scaling-results\.json/],
		[errno('ENOTDIR', 'mkdir', '/r/docs'), /^\/r\/docs is not a folder/],
		[errno('EEXIST', 'mkdir', '/r/results'), /^\/r\/results exists and is not a folder/],
		[errno('ENOSPC', 'write', '/r/x.json'), /^The disk is full: could not write \/r\/x\.json/],
		[errno('EROFS', 'open', '/r/x'), /read-only/],
	])('%s', (error, message) => {
		const text = fsErrorMessage(error);
		expect(text).toMatch(message);
		expect(text).not.toMatch(/E[A-Z]{3,}/);
	});

	it('leaves other errors to the caller', () => {
		expect(fsErrorMessage(new Error('x'))).toBeNull();
		expect(fsErrorMessage('EACCES')).toBeNull();
	});
});
