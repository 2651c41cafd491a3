import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordLog } from './record-log.js';

interface Rec {
  readonly id: string;
  readonly n: number;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-store-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('RecordLog', () => {
  it('survives a restart with every record, updates replacing earlier versions', () => {
    const log = new RecordLog<Rec>({ dir, name: 'alerts' });
    log.append([
      { id: 'a', n: 1 },
      { id: 'b', n: 1 },
    ]);
    log.append([{ id: 'a', n: 2 }]);
    log.close();
    const reopened = new RecordLog<Rec>({ dir, name: 'alerts' });
    expect([...reopened.values()]).toEqual([
      { id: 'b', n: 1 },
      { id: 'a', n: 2 },
    ]);
  });

  it('is idempotent: the same record twice is written once', () => {
    const log = new RecordLog<Rec>({ dir, name: 'alerts' });
    expect(log.append([{ id: 'a', n: 1 }])).toHaveLength(1);
    expect(log.append([{ id: 'a', n: 1 }])).toHaveLength(0);
    expect(log.stats().records).toBe(1);
  });

  it('skips a line cut short by a crash and keeps the rest', () => {
    const log = new RecordLog<Rec>({ dir, name: 'alerts' });
    log.append([{ id: 'a', n: 1 }]);
    log.close();
    appendFileSync(join(dir, 'alerts-00000001.ndjson'), '{"id":"b","n":');
    const reopened = new RecordLog<Rec>({ dir, name: 'alerts' });
    expect(reopened.stats()).toMatchObject({ records: 1, corruptLines: 1 });
    reopened.append([{ id: 'c', n: 1 }]);
    expect(reopened.get('c')).toEqual({ id: 'c', n: 1 });
  });

  it('rolls segments and deletes the oldest beyond the retention', () => {
    const log = new RecordLog<Rec>({ dir, name: 'events', segmentRecords: 10, maxRecords: 20 });
    for (let i = 0; i < 50; i++) log.append([{ id: `e${i}`, n: i }]);
    expect(readdirSync(dir).length).toBeLessThanOrEqual(3);
    expect(log.get('e0')).toBeUndefined();
    expect(log.get('e49')).toEqual({ id: 'e49', n: 49 });
    expect(log.size).toBeGreaterThanOrEqual(20);
  });
});
