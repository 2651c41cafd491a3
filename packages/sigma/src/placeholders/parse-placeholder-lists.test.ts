import { describe, expect, it } from 'vitest';
import { parsePlaceholderLists } from './parse-placeholder-lists.js';

describe('parsePlaceholderLists', () => {
  it('reads list names to values from several files', () => {
    const { lists, errors } = parsePlaceholderLists([
      {
        file: 'networks.yml',
        text: 'allowed_networks:\n  - 10.0.0.0/8\n  - fd00::/8\napp_ports: [80, 443]\n',
      },
      { file: 'users.yml', text: 'admins: root\n' },
    ]);
    expect(errors).toEqual([]);
    expect(Object.fromEntries(lists)).toEqual({
      allowed_networks: ['10.0.0.0/8', 'fd00::/8'],
      app_ports: ['80', '443'],
      admins: ['root'],
    });
  });

  it('reports duplicates, bad names and bad values with their line', () => {
    const { errors } = parsePlaceholderLists([
      { file: 'a.yml', text: 'admins: [root]\n' },
      { file: 'b.yml', text: 'admins: [bob]\nbad name: [x]\nnested:\n  - {a: 1}\n' },
    ]);
    expect(errors.map((error) => `${error.file}:${error.line} ${error.message}`)).toEqual([
      "b.yml:1 list 'admins' is already defined in a.yml:1",
      "b.yml:2 list name 'bad name' may only use letters, digits, '_', '.', '-'",
      "b.yml:4 list 'nested' may only hold strings and numbers",
    ]);
  });
});
