/**
 * `vigil run` — the embedded default: no Kafka, Elasticsearch or Redis. Follows files (`tail -F`,
 * rotation-safe) and/or listens for syslog on UDP/TCP, runs the rules on event time, keeps alerts in
 * a durable local store (`--data`, default `.vigil/`) that survives restart, and prints them.
 * `--demo` plays the bundled sample logs, prints what fired, and exits.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '@vigil/core';
import { followFile, startSyslogServer, type SyslogServer } from '@vigil/inputs';
import { EXIT, type CliIo } from '../io/cli-io.js';
import { loadRulePack } from '../rule-pack/load-rule-pack.js';
import { repoRoot } from '../rule-pack/repo-paths.js';
import { EmbeddedRuntime, type RawLine } from '../run/embedded-runtime.js';
import { formatAlert } from '../run/format-alert.js';
import { parserOptionsFrom } from './parser-flags.js';

export const RUN_USAGE =
  'usage: vigil run [--demo] [--follow FILE]... [--from-start] [--syslog-udp PORT] [--syslog-tcp PORT] [--rules PATH]... [--data DIR] [--json] [--year YYYY] [--timezone TZ]\n';

const DEMO_FILES = ['auth.log', 'network.log', 'cloudtrail.jsonl'] as const;

export async function runRunCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: false,
      options: {
        demo: { type: 'boolean' },
        follow: { type: 'string', multiple: true },
        'from-start': { type: 'boolean' },
        'syslog-udp': { type: 'string' },
        'syslog-tcp': { type: 'string' },
        'syslog-host': { type: 'string' },
        rules: { type: 'string', multiple: true },
        lists: { type: 'string', multiple: true },
        data: { type: 'string' },
        json: { type: 'boolean' },
        year: { type: 'string' },
        timezone: { type: 'string' },
      },
    });
  } catch (error) {
    io.stderr.write(`vigil run: ${(error as Error).message}\n${RUN_USAGE}`);
    return EXIT.usage;
  }
  const { values } = args;
  const follow = values.follow ?? [];
  const udpPort = portOf(values['syslog-udp']);
  const tcpPort = portOf(values['syslog-tcp']);
  if (udpPort === null || tcpPort === null) {
    io.stderr.write(`vigil run: syslog ports are numbers from 0 to 65535\n${RUN_USAGE}`);
    return EXIT.usage;
  }
  if (values.demo !== true && follow.length === 0 && udpPort === undefined && tcpPort === undefined) {
    io.stderr.write(
      `vigil run: nothing to read: give --demo, --follow FILE or --syslog-udp/--syslog-tcp PORT\n${RUN_USAGE}`,
    );
    return EXIT.usage;
  }
  const parser = parserOptionsFrom(values);
  if (!parser.ok) {
    io.stderr.write(`vigil run: ${parser.error}\n`);
    return EXIT.usage;
  }

  const pack = await loadRulePack(values.rules ?? [], io.cwd, values.lists);
  for (const line of pack.report) io.stderr.write(`${line}\n`);
  if (pack.result.errors.length > 0) {
    io.stderr.write(`vigil run: ${pack.result.errors.length} rule error(s) above; the other rules run\n`);
  }
  const dataDir = resolve(io.cwd, values.data ?? (values.demo === true ? '.vigil/demo' : '.vigil'));
  const json = values.json === true;
  const runtime = new EmbeddedRuntime({
    ruleSet: pack.result.ruleSet,
    dataDir,
    parser: parser.options,
    logger: createLogger({
      name: 'vigil-run',
      level: io.env['VIGIL_LOG_LEVEL'] ?? 'warn',
      destination: { write: (s: string) => io.stderr.write(s) },
    }),
    onAlert: (alert) => io.stdout.write(json ? `${JSON.stringify(alert)}\n` : `${formatAlert(alert)}\n`),
    onDeadLetter: (dead) =>
      io.stderr.write(`dead letter (${dead.code}): ${dead.reason}: ${dead.original.slice(0, 200)}\n`),
  });
  // Everything for people goes to stderr; stdout carries only alerts (NDJSON with --json).
  io.stderr.write(
    `vigil: ${pack.result.ruleSet.rules.length} rules loaded; alerts stored in ${join(dataDir, 'alerts')}\n`,
  );

  try {
    if (values.demo === true) {
      playDemo(runtime);
      io.stderr.write(summary(runtime));
      return EXIT.ok;
    }
    await runLive(
      runtime,
      io,
      follow,
      values['from-start'] === true,
      udpPort,
      tcpPort,
      values['syslog-host'],
    );
    io.stderr.write(summary(runtime));
    return EXIT.ok;
  } finally {
    runtime.close();
  }
}

function portOf(value: string | undefined): number | undefined | null {
  if (value === undefined) return undefined;
  const port = Number(value);
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : null;
}

/** The demo logs are one hour of event time, read whole and merged by time. */
function playDemo(runtime: EmbeddedRuntime): void {
  const dir = join(repoRoot(), 'packages/cli/demo');
  runtime.ingestHistory(
    DEMO_FILES.map((name) =>
      readFileSync(join(dir, name), 'utf8')
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => ({ line, source: name })),
    ),
  );
  runtime.flush();
}

async function runLive(
  runtime: EmbeddedRuntime,
  io: CliIo,
  files: readonly string[],
  fromStart: boolean,
  udpPort: number | undefined,
  tcpPort: number | undefined,
  host: string | undefined,
): Promise<void> {
  const signal = io.signal;
  // Lines are gathered for a few ms and ingested together: one fsync per batch, not per line.
  let batch: RawLine[] = [];
  const flushBatch = (): void => {
    if (batch.length === 0) return;
    const lines = batch;
    batch = [];
    runtime.ingest(lines);
  };
  const timer = setInterval(() => {
    flushBatch();
    runtime.tick(Date.now());
  }, 200);
  let syslog: SyslogServer | undefined;
  try {
    if (udpPort !== undefined || tcpPort !== undefined) {
      syslog = await startSyslogServer({
        ...(host === undefined ? {} : { host }),
        ...(udpPort === undefined ? {} : { udpPort }),
        ...(tcpPort === undefined ? {} : { tcpPort }),
        onMessage: (m) =>
          batch.push({ line: m.line, source: `${m.transport}:${m.remoteAddress}`, receivedAt: m.receivedAt }),
      });
      io.stderr.write(
        `vigil: syslog on ${host ?? '127.0.0.1'} udp ${syslog.udpPort ?? '-'} tcp ${syslog.tcpPort ?? '-'}\n`,
      );
    }
    const followers = files.map(async (path) => {
      const absolute = resolve(io.cwd, path);
      for await (const { line } of followFile(absolute, {
        fromStart,
        ...(signal === undefined ? {} : { signal }),
      })) {
        batch.push({ line, source: absolute });
        if (batch.length >= 10_000) flushBatch();
      }
    });
    if (files.length > 0) io.stderr.write(`vigil: following ${files.join(', ')}\n`);
    await Promise.all([...followers, waitForAbort(signal)]);
  } finally {
    clearInterval(timer);
    await syslog?.close();
    flushBatch();
  }
}

function waitForAbort(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal === undefined) return;
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function summary(runtime: EmbeddedRuntime): string {
  const c = runtime.counters;
  return `vigil: ${c.lines} lines → ${c.events} events, ${c.deadLetters} dead letters, ${c.late} late; ${c.alerts} alerts (${c.newAlerts} new in the store)\n`;
}
