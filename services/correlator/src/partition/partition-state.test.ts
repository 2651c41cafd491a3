import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack } from '@vigil/cli';
import type { VigilEvent } from '@vigil/schema';
import { computeFamilies } from '../families/compute-families.js';
import type { RuleFamily } from '../families/rule-family.js';
import type { RepartitionRecord } from '../routing/repartition-record.js';
import { parseLines, REPO_ROOT } from '../testing/fixture-logs.js';
import { emptyOutput, PartitionState, type PartitionOutput } from './partition-state.js';

let families: readonly RuleFamily[];

beforeAll(async () => {
  families = computeFamilies((await loadRulePack([], REPO_ROOT)).result.ruleSet).families;
});

/** Twelve failed logins from one source within a minute: the brute-force rule fires at the tenth. */
const failures: VigilEvent[] = parseLines(
  Array.from(
    { length: 12 },
    (_, i) =>
      `2026-11-27T08:00:${String(i * 4).padStart(2, '0')}.000000+00:00 bastion sshd[${4000 + i}]: Failed password for root from 198.51.100.7 port ${40000 + i} ssh2`,
  ),
);

const copy = (event: VigilEvent, upstreamOffset: number, family = 'source.ip'): RepartitionRecord => ({
  kind: 'event',
  family,
  upstream: 0,
  upstreamOffset: BigInt(upstreamOffset),
  value: Buffer.from(JSON.stringify(event)),
});
const marker = (ts: number | null, idle = false): RepartitionRecord => ({
  kind: 'watermark',
  marker: { marker: 'watermark', partitions: 1, upstreams: [{ partition: 0, ts, idle }] },
});

/** Applies records at consecutive offsets from `from`. */
function feed(state: PartitionState, records: readonly RepartitionRecord[], from = 0): PartitionOutput {
  const out = emptyOutput();
  records.forEach((record, i) => state.apply(BigInt(from + i), record, null, out));
  return out;
}

describe('PartitionState', () => {
  it('releases events to the rules only as far as the markers allow', () => {
    const state = new PartitionState(families, { latenessMs: 5_000 }, { offset: 0n });
    const out = feed(
      state,
      failures.map((event, i) => copy(event, i)),
    );
    expect(out.events).toBe(12);
    expect(out.alerts).toEqual([]);
    expect(state.stats().buffered).toBeGreaterThan(0);
    const released = feed(state, [marker(Date.parse(failures[11]!['@timestamp']), true)], 12);
    expect(released.alerts.map((alert) => alert.rule.title)).toContain('SSH brute force from one source');
    expect(state.watermark).toBe(Date.parse(failures[11]!['@timestamp']) + 1);
  });

  it('drops copies re-sent by stage 1 (same family, upstream partition and offset) and ignores old offsets', () => {
    const state = new PartitionState(families, { latenessMs: 5_000 }, { offset: 10n });
    const out = feed(
      state,
      [copy(failures[0]!, 0), copy(failures[1]!, 1), copy(failures[0]!, 0), copy(failures[1]!, 1)],
      10,
    );
    expect(out.events).toBe(2);
    expect(out.duplicates).toBe(2);
    // The same upstream offset for another family is no duplicate.
    expect(feed(state, [copy(failures[0]!, 0, 'user.name')], 14).events).toBe(1);
    // Offsets before the state's are already in it.
    expect(feed(state, [copy(failures[5]!, 5)], 3).events).toBe(0);
    expect(state.applied).toBe(15n);
  });

  it('reports late copies, unknown families and undecodable records as data', () => {
    const state = new PartitionState(families, { latenessMs: 0 }, { offset: 0n });
    feed(state, [marker(Date.parse(failures[6]!['@timestamp']))]);
    const out = emptyOutput();
    state.apply(1n, copy(failures[0]!, 0), null, out);
    state.apply(2n, copy(failures[1]!, 1, 'no-such-family'), null, out);
    state.apply(3n, 'event copy without upstream offset', Buffer.from('x'), out);
    expect(out.late).toMatchObject([
      { family: 'source.ip', event: { event: { id: failures[0]!.event.id } } },
    ]);
    expect(out.unknownFamily).toBe(1);
    expect(out.invalid).toEqual([
      { offset: 3n, reason: 'event copy without upstream offset', value: Buffer.from('x') },
    ]);
  });

  it('keeps the state of unchanged rules across a reload', () => {
    const state = new PartitionState(families, { latenessMs: 5_000 }, { offset: 0n });
    feed(
      state,
      failures.slice(0, 6).map((event, i) => copy(event, i)),
    );
    state.reload(families.map((family) => ({ ...family })));
    const out = feed(
      state,
      [...failures.slice(6).map((event, i) => copy(event, 6 + i)), marker(Date.now(), true)],
      6,
    );
    expect(out.alerts.map((alert) => alert.rule.title)).toContain('SSH brute force from one source');
  });

  it('continues from a snapshot exactly as if never stopped', () => {
    const records = [
      ...failures.map((event, i) => copy(event, i)),
      marker(Date.parse(failures[11]!['@timestamp']), true),
    ];
    const straight = feed(new PartitionState(families, { latenessMs: 5_000 }, { offset: 0n }), records);
    const first = new PartitionState(families, { latenessMs: 5_000 }, { offset: 0n });
    const before = feed(first, records.slice(0, 7));
    const resumed = new PartitionState(
      families,
      { latenessMs: 5_000 },
      { offset: first.applied, snapshot: JSON.parse(JSON.stringify(first.snapshot())) },
    );
    const after = feed(resumed, records.slice(7), 7);
    expect([...before.alerts, ...after.alerts]).toEqual(straight.alerts);
    expect(straight.alerts.length).toBeGreaterThan(0);
  });
});
