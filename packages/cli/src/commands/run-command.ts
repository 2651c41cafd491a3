/**
 * `vigil run` — the embedded default: no Kafka, Elasticsearch or Redis. Follows files (`tail -F`,
 * rotation-safe) and/or listens for syslog on UDP/TCP, runs the rules on event time, keeps alerts in
 * a durable local store (`--data`, default `.vigil/`) that survives restart, and prints them.
 * Rule files are watched and reloaded without a restart. `--demo` plays the bundled sample logs,
 * prints what fired, and exits — or, with `--api PORT`, keeps serving the SOC console and the API on
 * the same store (127.0.0.1 unless `--api-host`).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { EmbeddedApi } from '@vigil/api/embedded';
import { createLogger } from '@vigil/core';
import type { RuleSet } from '@vigil/rule-engine';
import { followFile, startSyslogServer, type SyslogServer } from '@vigil/inputs';
import { formatRuleIssue, loadRulePack, resolveRulePack, watchRules, type RuleWatcher } from '@vigil/sigma';
import { EXIT, type CliIo } from '../io/cli-io.js';
import { repoRoot } from '../rule-pack/repo-paths.js';
import { EmbeddedRuntime } from '../run/embedded-runtime.js';
import { formatAlert } from '../run/format-alert.js';
import { IncidentLog } from '../run/incident-log.js';
import { LineBatch } from '../run/line-batch.js';
import { parserOptionsFrom } from './parser-flags.js';

export const RUN_USAGE =
  'usage: vigil run [--demo] [--follow FILE]... [--from-start] [--syslog-udp PORT] [--syslog-tcp PORT] [--api PORT [--api-host HOST]] [--rules PATH]... [--no-watch] [--data DIR] [--json] [--year YYYY] [--timezone TZ]\n';

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
        api: { type: 'string' },
        'api-host': { type: 'string' },
        rules: { type: 'string', multiple: true },
        'no-watch': { type: 'boolean' },
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
  const apiPort = portOf(values.api);
  if (udpPort === null || tcpPort === null || apiPort === null) {
    io.stderr.write(`vigil run: ports are numbers from 0 to 65535\n${RUN_USAGE}`);
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
  const logger = createLogger({
    name: 'vigil-run',
    level: io.env['VIGIL_LOG_LEVEL'] ?? 'warn',
    destination: { write: (s: string) => io.stderr.write(s) },
  });
  // Set once the API is up: the pipeline feeds its store.
  let api: EmbeddedApi | undefined;
  const runtime = new EmbeddedRuntime({
    ruleSet: pack.result.ruleSet,
    dataDir,
    parser: parser.options,
    logger,
    onEvents: (events) => api?.store.addEvents(events),
    onAlert: (alert) => {
      api?.store.addAlert(alert);
      io.stdout.write(json ? `${JSON.stringify(alert)}\n` : `${formatAlert(alert)}\n`);
    },
    onDeadLetter: (dead) =>
      io.stderr.write(`dead letter (${dead.code}): ${dead.reason}: ${dead.original.slice(0, 200)}\n`),
  });
  const batch = new LineBatch(runtime);
  // Everything for people goes to stderr; stdout carries only alerts (NDJSON with --json).
  io.stderr.write(
    `vigil: ${pack.result.ruleSet.rules.length} rules loaded; alerts stored in ${join(dataDir, 'alerts')}\n`,
  );

  const incidents = apiPort === undefined ? undefined : new IncidentLog(dataDir);
  let watcher: RuleWatcher | undefined;
  try {
    if (apiPort !== undefined && incidents !== undefined) {
      api = await startApi(runtime, incidents, batch, {
        dataDir,
        port: apiPort,
        host: values['api-host'] ?? '127.0.0.1',
        rules: values.rules ?? [],
        lists: values.lists,
        io,
        scryptLogN: scryptCostOf(io.env['VIGIL_API_SCRYPT_LOG_N']),
      });
      io.stderr.write(`vigil: SOC console and API on ${api.url}\n`);
    }
    if (values['no-watch'] !== true && values.demo !== true) {
      watcher = watchPack(
        runtime,
        io,
        { rules: values.rules ?? [], lists: values.lists, inForce: pack.result.ruleSet },
        () => api?.reloadRules(),
      );
    }
    if (values.demo === true) {
      playDemo(runtime);
      io.stderr.write(summary(runtime));
      if (api === undefined) return EXIT.ok;
      io.stderr.write('vigil: serving until interrupted (Ctrl-C)\n');
    }
    await runLive(runtime, batch, io, {
      files: values.demo === true ? [] : follow,
      fromStart: values['from-start'] === true,
      udpPort,
      tcpPort,
      host: values['syslog-host'],
    });
    if (values.demo !== true) io.stderr.write(summary(runtime));
    return EXIT.ok;
  } finally {
    watcher?.close();
    await api?.close();
    incidents?.close();
    runtime.close();
  }
}

/** The embedded API on the runtime's own store: what earlier runs kept is searchable at once. */
async function startApi(
  runtime: EmbeddedRuntime,
  incidents: IncidentLog,
  batch: LineBatch,
  options: {
    dataDir: string;
    port: number;
    host: string;
    rules: readonly string[];
    lists: readonly string[] | undefined;
    io: CliIo;
    scryptLogN: number | undefined;
  },
): Promise<EmbeddedApi> {
  // Loaded only here: `vigil run` without --api never loads the HTTP stack.
  const { startEmbeddedApi, describeRules } = await import('@vigil/api/embedded');
  return startEmbeddedApi({
    dataDir: options.dataDir,
    host: options.host,
    port: options.port,
    loadRules: async () =>
      describeRules((await loadRulePack(options.rules, options.io.cwd, options.lists)).result),
    snapshot: {
      events: runtime.events.values(),
      alerts: runtime.alerts.values(),
      incidents: incidents.incidents(),
    },
    onIncident: (incident) => incidents.save(incident),
    // The audit trail goes through Vigil's own rules, as `vigil.raw.admin` does on Kafka.
    onAuditLine: (line) => batch.push({ line, source: 'vigil-audit' }),
    say: (message) => options.io.stderr.write(`${message}\n`),
    ...(options.scryptLogN === undefined ? {} : { scryptLogN: options.scryptLogN }),
  });
}

/** Reloads the rules on any change under the rule folders; a load with errors keeps the rules in force. */
function watchPack(
  runtime: EmbeddedRuntime,
  io: CliIo,
  pack: {
    readonly rules: readonly string[];
    readonly lists: readonly string[] | undefined;
    readonly inForce: RuleSet;
  },
  onApplied: () => unknown,
): RuleWatcher {
  const where = resolveRulePack(pack.rules, io.cwd, pack.lists);
  return watchRules(
    where.rulePaths,
    (reload) => {
      if (!reload.applied) {
        for (const issue of reload.result.errors) io.stderr.write(`${formatRuleIssue(issue)}\n`);
        io.stderr.write(
          `vigil: rule reload refused (${reload.result.errors.length} error(s) above); ${reload.ruleSet.rules.length} rules stay in force\n`,
        );
        return;
      }
      const refused = runtime.reloadRules(reload.ruleSet);
      io.stderr.write(
        `vigil: rules reloaded: ${reload.ruleSet.rules.length - refused.length} rules in force\n`,
      );
      onApplied();
    },
    {
      lists: where.listPaths,
      inForce: pack.inForce,
      onWatchError: (error) => io.stderr.write(`vigil: rule watch failed: ${error.message}\n`),
    },
  );
}

function scryptCostOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 10 && n <= 20 ? n : undefined;
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

interface LiveInputs {
  readonly files: readonly string[];
  readonly fromStart: boolean;
  readonly udpPort: number | undefined;
  readonly tcpPort: number | undefined;
  readonly host: string | undefined;
}

async function runLive(
  runtime: EmbeddedRuntime,
  batch: LineBatch,
  io: CliIo,
  inputs: LiveInputs,
): Promise<void> {
  const signal = io.signal;
  const timer = setInterval(() => {
    batch.flush();
    runtime.tick(Date.now());
  }, 200);
  let syslog: SyslogServer | undefined;
  try {
    const { udpPort, tcpPort, host } = inputs;
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
    const followers = inputs.files.map(async (path) => {
      const absolute = resolve(io.cwd, path);
      for await (const { line } of followFile(absolute, {
        fromStart: inputs.fromStart,
        ...(signal === undefined ? {} : { signal }),
      })) {
        batch.push({ line, source: absolute });
      }
    });
    if (inputs.files.length > 0) io.stderr.write(`vigil: following ${inputs.files.join(', ')}\n`);
    await Promise.all([...followers, waitForAbort(signal)]);
  } finally {
    clearInterval(timer);
    await syslog?.close();
    batch.flush();
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
