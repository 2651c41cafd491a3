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
});
