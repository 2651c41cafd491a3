import { describe, expect, it } from 'vitest';
import { parseYamlFile } from './yaml-document.js';

describe('parseYamlFile', () => {
  it('locates keys and values of every document of a multi-document file', () => {
    const { documents, syntaxIssues } = parseYamlFile(
      'f.yml',
      'a: 1\n---\ntitle: x\ndetection:\n  sel:\n    - k: v\n    - k: w\n',
    );
    expect(syntaxIssues).toEqual([]);
    const second = documents[1];
    expect(second?.start).toEqual({ line: 3, column: 1 });
    expect(second?.position(['detection', 'sel', 1, 'k'])).toEqual({ line: 7, column: 7 });
    expect(second?.position(['detection', 'sel', 1, 'k'], 'value')).toEqual({ line: 7, column: 10 });
    // Missing keys point at the deepest existing ancestor.
    expect(second?.position(['detection', 'missing'])).toEqual({ line: 4, column: 1 });
  });

  it('reports syntax errors and duplicate keys with their line, keeping the other documents', () => {
    const { documents, syntaxIssues } = parseYamlFile('f.yml', 'a: 1\na: 2\n---\nb: [1\n---\nc: 3\n');
    // The unclosed flow sequence is noticed where the parser gives up: the next line.
    expect(syntaxIssues.map((issue) => issue.position.line)).toEqual([2, 5]);
    expect(documents.map((document) => document.value)).toEqual([{ c: 3 }]);
  });

  it('refuses alias bombs', () => {
    const bomb =
      'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    const { documents, syntaxIssues } = parseYamlFile('bomb.yml', bomb);
    expect(documents).toEqual([]);
    expect(syntaxIssues[0]?.message).toMatch(/alias/i);
  });

  it('keeps YAML 1.2 dates and yes/no as strings', () => {
    const { documents } = parseYamlFile('f.yml', 'date: 2023-06-16\nflag: yes\n');
    expect(documents[0]?.value).toEqual({ date: '2023-06-16', flag: 'yes' });
  });
});
