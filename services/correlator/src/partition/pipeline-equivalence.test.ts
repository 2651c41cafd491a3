import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack } from '@vigil/cli';
import type { RuleSet } from '@vigil/rule-engine';
import type { VigilEvent } from '@vigil/schema';
import { replayAlertIds } from '../test-support/replay-alert-ids.js';
import { simulatePipeline } from '../test-support/simulate-pipeline.js';
import { demoLog, mixedLog, parseLines, REPO_ROOT } from '../testing/fixture-logs.js';

let ruleSet: RuleSet;
let demo: VigilEvent[];
let mixed: VigilEvent[];

beforeAll(async () => {
  ruleSet = (await loadRulePack([], REPO_ROOT)).result.ruleSet;
  demo = parseLines(demoLog().map((l) => l.line));
  mixed = parseLines(mixedLog(2_000).map((l) => l.line));
});

describe('the two correlator stages (no Kafka)', () => {
  it('give the alerts of one engine over the demo log, with absence firing at the end of input', () => {
    const expected = replayAlertIds(ruleSet, demo);
    const result = simulatePipeline(ruleSet, demo, {
      seed: 1,
      upstreamPartitions: 6,
      repartitionPartitions: 6,
      latenessMs: 5_000,
      resendChance: 0,
      crashChance: 0,
    });
    expect(expected).toHaveLength(10);
    expect([...result.alertIds].sort()).toEqual(expected);
    expect(result.emitted).toBe(expected.length);
    expect(result.late).toBe(0);
  });

  it('give the same alert ids for any interleaving, re-sent copies and crashes with replay', () => {
    const expected = replayAlertIds(ruleSet, mixed);
    expect(expected.length).toBeGreaterThan(30);
    let restores = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 8 }),
        (seed, upstreamPartitions, repartitionPartitions) => {
          const result = simulatePipeline(ruleSet, mixed, {
            seed,
            upstreamPartitions,
            repartitionPartitions,
            latenessMs: 5_000,
            resendChance: 0.2,
            crashChance: 0.002,
          });
          expect([...result.alertIds].sort()).toEqual(expected);
          expect(result.late).toBe(0);
          expect(result.duplicatesDropped).toBeGreaterThan(0);
          restores += result.restores;
        },
      ),
      { numRuns: 4 },
    );
    expect(restores).toBeGreaterThan(0);
  }, 60_000);
});
