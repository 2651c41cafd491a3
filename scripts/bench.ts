/**
 * `npm run bench`: runs every `*.bench.ts` under packages/ and services/, one at a time (benchmarks
 * on a 2-core machine must not compete with each other), each in its own Node process with
 * `--expose-gc` so memory figures are taken after a full collection, and the 64 MB young generation
 * the `vigil` command and the service image run with. `*.int.bench.ts` need the
 * local stack (npm run stack:up); they run when it answers and are listed as not run otherwise.
 *
 *   npm run bench                 # all
 *   npm run bench -- parsers      # only files whose path contains "parsers"
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const filters = process.argv.slice(2);

function findBenches(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) findBenches(path, out);
    else if (name.endsWith('.bench.ts')) out.push(path);
  }
  return out;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(1_000);
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
    socket.once('timeout', () => {
      socket.destroy();
      done(false);
    });
  });
}

const files = ['packages', 'services']
  .flatMap((d) => findBenches(join(root, d)))
  .map((f) => relative(root, f))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

const stackUp =
  (await portOpen(Number(process.env['VIGIL_KAFKA_PORT'] ?? 9092))) &&
  (await portOpen(Number(process.env['VIGIL_ES_PORT'] ?? 9200))) &&
  (await portOpen(Number(process.env['VIGIL_REDIS_PORT'] ?? 6379)));

const failed: string[] = [];
const notRun: string[] = [];
for (const file of files) {
  if (file.endsWith('.int.bench.ts') && !stackUp) {
    notRun.push(file);
    continue;
  }
  process.stdout.write(`\n### ${file}\n`);
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=8192', '--max-semi-space-size=64', '--import', 'tsx', file],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) failed.push(file);
}

process.stdout.write(
  `\nbenchmarks: ${files.length - notRun.length - failed.length} ran, ${failed.length} failed\n`,
);
if (notRun.length > 0) process.stdout.write(`not run (stack down; npm run stack:up): ${notRun.join(', ')}\n`);
if (failed.length > 0) {
  process.stdout.write(`failed: ${failed.join(', ')}\n`);
  process.exitCode = 1;
}
