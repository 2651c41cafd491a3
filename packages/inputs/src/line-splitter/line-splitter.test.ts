import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-splitter.js';

describe('LineSplitter', () => {
  it('joins partial lines across chunks and handles CRLF', () => {
    const s = new LineSplitter();
    expect(s.push(Buffer.from('one\r\ntw'))).toEqual(['one']);
    expect(s.push(Buffer.from('o\nthree'))).toEqual(['two']);
    expect(s.end()).toEqual(['three']);
  });

  it('never splits a multi-byte character across chunks', () => {
    const s = new LineSplitter();
    const bytes = Buffer.from('ümlaut\n');
    expect(s.push(bytes.subarray(0, 1))).toEqual([]);
    expect(s.push(bytes.subarray(1))).toEqual(['ümlaut']);
  });

  it('cuts an over-long line at the limit, skips its rest, and goes on', () => {
    const s = new LineSplitter(10);
    expect(s.push(Buffer.from('x'.repeat(25)))).toEqual(['x'.repeat(10)]);
    expect(s.push(Buffer.from('yyy\nnext\n'))).toEqual(['next']);
  });
});
