import { describe, expect, it } from 'vitest';
import { generateMixedLog } from './generate-mixed-log.js';

describe('generateMixedLog', () => {
  it('is deterministic for a seed and yields exactly the requested lines in time order', () => {
    const a = [...generateMixedLog({ seed: 7, lines: 5_000, attackShare: 0.2 })];
    const b = [...generateMixedLog({ seed: 7, lines: 5_000, attackShare: 0.2 })];
    expect(a).toEqual(b);
    expect(a).toHaveLength(5_000);
    for (let i = 1; i < a.length; i++) expect(a[i]!.ms).toBeGreaterThanOrEqual(a[i - 1]!.ms);
  });

  it('weaves attack scenarios into background traffic on every stream', () => {
    const lines = [...generateMixedLog({ seed: 3, lines: 20_000, attackShare: 0.3 })];
    const streams = new Set(lines.map((l) => l.stream));
    expect(streams).toEqual(new Set(['host', 'network', 'admin']));
    expect(lines.some((l) => l.line.includes('Failed password for'))).toBe(true);
    expect(lines.some((l) => l.line.includes('Invalid user'))).toBe(true);
    expect(lines.some((l) => l.line.includes('" 429 '))).toBe(true);
    expect(lines.some((l) => l.line.includes('"MFAUsed":"No"'))).toBe(true);
  });

  it('writes the same web requests as JSON with milliseconds when asked, leaving every other line as is', () => {
    const combined = [...generateMixedLog({ seed: 9, lines: 5_000, attackShare: 0.3 })];
    const json = [...generateMixedLog({ seed: 9, lines: 5_000, attackShare: 0.3, webFormat: 'json' })];
    expect(json.map((l) => l.ms)).toEqual(combined.map((l) => l.ms));
    let web = 0;
    json.forEach((line, i) => {
      const before = combined[i]!;
      if (!before.line.includes('HTTP/1.1" ')) {
        expect(line.line).toBe(before.line);
        return;
      }
      web++;
      const record = JSON.parse(line.line) as Record<string, unknown>;
      expect(record['@timestamp']).toBe(new Date(line.ms).toISOString());
      expect(before.line).toContain(`"${String(record['request'])}" ${String(record['status'])} `);
      expect(before.line.startsWith(`${String(record['remote_addr'])} `)).toBe(true);
    });
    expect(web).toBeGreaterThan(500);
  });
});
