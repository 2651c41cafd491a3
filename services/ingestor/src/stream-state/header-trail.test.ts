import { describe, expect, it } from 'vitest';
import { HeaderTrail } from './header-trail.js';

describe('HeaderTrail', () => {
  it('keeps the header block since the last data line, and says when it changed', () => {
    const trail = new HeaderTrail();
    expect(trail.changed).toBe(false);
    trail.header('#separator \\x09');
    trail.header('#fields\ta\tb');
    expect(trail.changed).toBe(true);
    expect(trail.take()).toEqual(['#separator \\x09', '#fields\ta\tb']);
    expect(trail.changed).toBe(false);

    trail.data();
    trail.data();
    expect(trail.changed).toBe(false);
    // A new file's header replaces the old block.
    trail.header('#separator \\x09');
    trail.header('#fields\tc');
    expect(trail.take()).toEqual(['#separator \\x09', '#fields\tc']);
  });

  it('continues from restored lines: a header after them starts a new block', () => {
    const trail = new HeaderTrail();
    trail.restore(['#fields\told']);
    expect(trail.changed).toBe(false);
    trail.header('#fields\tnew');
    expect(trail.take()).toEqual(['#fields\tnew']);
  });

  it('bounds what it keeps', () => {
    const trail = new HeaderTrail();
    for (let i = 0; i < 100; i++) trail.header(`#x ${String(i)}`);
    const kept = trail.take();
    expect(kept).toHaveLength(32);
    expect(kept.at(-1)).toBe('#x 99');
  });
});
