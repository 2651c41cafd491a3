import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze-text.js';

describe('analyzeText', () => {
  // Expected tokens are what Elasticsearch's `standard` analyzer returns for the same text (_analyze).
  it('splits like the standard analyzer', () => {
    expect(
      analyzeText(
        "pam_unix(sshd:auth): Failed password for root from 10.0.0.1 port 22 ssh2 user@example.com v1.2 a1.b 1,000 x's 10:00:00",
      ),
    ).toEqual([
      'pam_unix',
      'sshd:auth',
      'failed',
      'password',
      'for',
      'root',
      'from',
      '10.0.0.1',
      'port',
      '22',
      'ssh2',
      'user',
      'example.com',
      'v1.2',
      'a1',
      'b',
      '1,000',
      "x's",
      '10',
      '00',
      '00',
    ]);
  });

  it('handles empty and symbol-only text', () => {
    expect(analyzeText('')).toEqual([]);
    expect(analyzeText('--- !!! ...')).toEqual([]);
    expect(analyzeText('Ünïcödé WÖRDS')).toEqual(['ünïcödé', 'wörds']);
  });

  it('gives the same tokens on its ASCII fast path as on the general path', () => {
    const ascii = fc.string({
      unit: fc.constantFrom('a', 'B', '1', '_', '.', ':', ',', ';', "'", ' ', '-', '/', '='),
      maxLength: 60,
    });
    fc.assert(
      fc.property(ascii, (text) => {
        // A trailing non-ASCII word sends the whole text down the general path.
        expect(analyzeText(`${text} é`)).toEqual([...analyzeText(text), 'é']);
      }),
      { numRuns: 3000, seed: 7 },
    );
    expect(analyzeText('x'.repeat(300))).toEqual(['x'.repeat(255), 'x'.repeat(45)]);
    expect(analyzeText(`${'x'.repeat(300)} é`)).toEqual(['x'.repeat(255), 'x'.repeat(45), 'é']);
  });
});
