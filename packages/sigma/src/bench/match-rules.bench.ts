/**
 * Rule loading and matching speed: `node --import tsx packages/sigma/src/bench/match-rules.bench.ts`.
 * Loads the SigmaHQ rules Vigil supports plus the repository's rule pack, then runs every
 * detection rule of an event's dataset over a mix of sshd, nginx and iptables events, and compares
 * RE2 with V8's backtracking RegExp on a catastrophic pattern. Prints one JSON line.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { CompiledRule } from '@vigil/rule-engine';
import type { VigilEvent } from '@vigil/schema';
import { RE2JS } from 're2js';
import { loadRules } from '../loader/load-rules.js';
import { fixturesDir, repoRoot } from '../test-support/fixtures-dir.js';
import { makeEvent } from '../test-support/rule-fixtures.js';

function time<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

async function timeAsync<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

function events(count: number): VigilEvent[] {
  const list: VigilEvent[] = [];
  for (let i = 0; i < count; i++) {
    const ip = `198.51.${(i >> 8) & 255}.${i & 255}`;
    switch (i % 3) {
      case 0: {
        const message = `Failed password for invalid user u${i % 97} from ${ip} port ${1024 + (i % 60000)} ssh2`;
        list.push(
          makeEvent({
            message,
            event: {
              id: `e${i}`,
              dataset: 'system.auth',
              outcome: 'failure',
              original: `Mar  1 10:00:00 web1 sshd[${i}]: ${message}`,
            },
            source: { ip },
            user: { name: `u${i % 97}` },
          } as never),
        );
        break;
      }
      case 1: {
        const uri =
          i % 50 === 0 ? '/index.php?id=1%20UNION%20SELECT%20password' : `/static/app.${i % 7}.js?v=${i}`;
        const original = `${ip} - - [01/Mar/2025:10:00:00 +0000] "GET ${uri} HTTP/1.1" 200 512 "-" "Mozilla/5.0"`;
        list.push(
          makeEvent({
            message: original,
            event: { id: `e${i}`, dataset: 'nginx.access', category: ['web'], original },
            source: { ip },
            url: { original: uri, query: uri.split('?')[1] ?? '' },
            http: { request: { method: 'GET' }, response: { status_code: 200 } },
            user_agent: { original: 'Mozilla/5.0' },
          }),
        );
        break;
      }
      default: {
        const original = `kernel: [UFW BLOCK] IN=eth0 OUT= SRC=${ip} DST=10.0.0.5 PROTO=TCP SPT=40000 DPT=${[22, 80, 3306, 5432][i % 4] ?? 22}`;
        list.push(
          makeEvent({
            message: original,
            event: { id: `e${i}`, dataset: 'iptables.log', category: ['network'], action: 'drop', original },
            source: { ip },
            destination: { ip: '10.0.0.5', port: [22, 80, 3306, 5432][i % 4] ?? 22 },
          }),
        );
      }
    }
  }
  return list;
}

const sigmaLoad = await timeAsync(() => loadRules([fixturesDir('sigma')]));
const packDir = path.join(repoRoot(), 'rules');
// The pack's `*.tests.yml` files are test cases and `lists/`, `mappings/` data, not rules.
const packFiles = (await readdir(packDir, { recursive: true }))
  .filter(
    (file) => file.endsWith('.yml') && !file.endsWith('.tests.yml') && !/^(lists|mappings)\//.test(file),
  )
  .map((file) => path.join(packDir, file));
const packLoad = await timeAsync(() => loadRules(packFiles, { lists: [path.join(packDir, 'lists')] }));
const detections = [...sigmaLoad.value.ruleSet.rules, ...packLoad.value.ruleSet.rules].filter(
  (rule): rule is Extract<CompiledRule, { match: unknown }> => 'match' in rule,
);
// The engine routes an event only to the rules of its dataset.
const byDataset = new Map<string, typeof detections>();
const sample = events(30_000);
for (const event of sample) {
  const dataset = event.event.dataset;
  if (!byDataset.has(dataset))
    byDataset.set(
      dataset,
      detections.filter((rule) => rule.datasets.length === 0 || rule.datasets.includes(dataset)),
    );
}
let matched = 0;
let evaluations = 0;
const run = () => {
  for (const event of sample) {
    for (const rule of byDataset.get(event.event.dataset) ?? []) {
      evaluations++;
      if (rule.match(event)) matched++;
    }
  }
};
run(); // warm-up: JIT and the lowercase cache
matched = 0;
evaluations = 0;
const matching = time(run);

const catastrophic = 'x'.repeat(23);
const v8 = time(() => /(x+x+)+y/.test(catastrophic));
const re2 = RE2JS.compile('(x+x+)+y');
const re2Short = time(() => re2.test(catastrophic));
const re2Long = time(() => re2.test('x'.repeat(100_000)));
// No required literal to skip the scan: RE2 must run its automaton over the whole line.
const anchored = RE2JS.compile('(a+)+$');
const re2Anchored = time(() => anchored.test(`${'a'.repeat(100_000)}!`));

console.log(
  JSON.stringify({
    bench: 'sigma.match-rules',
    sigmahq: {
      files: sigmaLoad.value.stats.files,
      rules: sigmaLoad.value.ruleSet.rules.length,
      loadMs: Math.round(sigmaLoad.ms),
    },
    pack: {
      rules: packLoad.value.ruleSet.rules.length,
      errors: packLoad.value.errors.length,
      loadMs: Math.round(packLoad.ms),
    },
    matching: {
      detectionRules: detections.length,
      events: sample.length,
      evaluations,
      matched,
      ms: Math.round(matching.ms),
      eventsPerSecond: Math.round(sample.length / (matching.ms / 1000)),
      nsPerEvaluation: Math.round((matching.ms * 1e6) / evaluations),
    },
    redos: {
      pattern: '(x+x+)+y',
      v8Ms23Chars: Math.round(v8.ms),
      re2Ms23Chars: Number(re2Short.ms.toFixed(3)),
      re2Ms100kChars: Number(re2Long.ms.toFixed(1)),
      re2AnchoredMs100kChars: Number(re2Anchored.ms.toFixed(1)),
    },
  }),
);
