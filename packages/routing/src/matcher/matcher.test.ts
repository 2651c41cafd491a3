import { describe, expect, it } from 'vitest';
import { parseMatcher, type Matcher } from './matcher.js';

function matcher(text: string): Matcher {
  const result = parseMatcher(text);
  if (!result.ok) throw new Error(result.error);
  return result.matcher;
}

const labels = {
  level: ['high'],
  tag: ['attack.t1110', 'attack.credential_access'],
  dataset: ['system.auth'],
};

describe('parseMatcher', () => {
  it('supports the four operators, quoted and bare', () => {
    expect(matcher('level="high"').test(labels)).toBe(true);
    expect(matcher('level=high').test(labels)).toBe(true);
    expect(matcher('level!="high"').test(labels)).toBe(false);
    expect(matcher('dataset=~"system\\\\..*"').test(labels)).toBe(true);
    expect(matcher('dataset!~"zeek.*"').test(labels)).toBe(true);
  });

  it('anchors regexes at both ends', () => {
    expect(matcher('level=~"hig"').test(labels)).toBe(false);
    expect(matcher('level=~"h.*"').test(labels)).toBe(true);
  });

  it('treats multi-valued labels as any (positive) or none (negative)', () => {
    expect(matcher('tag="attack.t1110"').test(labels)).toBe(true);
    expect(matcher('tag!="attack.t1110"').test(labels)).toBe(false);
    expect(matcher('tag!~"attack\\\\.t1548.*"').test(labels)).toBe(true);
  });

  it('reads a missing label as empty, as Alertmanager does', () => {
    expect(matcher('host_group=""').test(labels)).toBe(true);
    expect(matcher('host_group!=""').test(labels)).toBe(false);
  });

  it('reports bad syntax, unknown labels and bad regexes', () => {
    expect(parseMatcher('level')).toMatchObject({
      ok: false,
      error: expect.stringContaining('not a matcher'),
    });
    expect(parseMatcher('lvl="x"')).toMatchObject({
      ok: false,
      error: 'unknown label "lvl" in matcher "lvl="x""',
    });
    expect(parseMatcher('level=~"(a"')).toMatchObject({
      ok: false,
      error: expect.stringContaining('bad regex'),
    });
    expect(parseMatcher('level="unterminated')).toMatchObject({
      ok: false,
      error: expect.stringContaining('bad quoted'),
    });
  });

  it('rejects backreferences RE2 cannot run in linear time, and stays fast on evil patterns', () => {
    expect(parseMatcher('entity=~"(a)\\\\1"').ok).toBe(false);
    const evil = matcher('entity=~"(a+)+$"');
    expect(evil.test({ entity: [`${'a'.repeat(5000)}!`] })).toBe(false);
  });
});
