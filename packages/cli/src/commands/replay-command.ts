/**
 * `vigil replay --rules PATH... [--lists PATH...] [--year YYYY] [--timezone TZ] [--lateness DURATION] [--learn-from TIME] FILE...|-`
 * Parses the files (formats detected per line), merges them by event time, runs the rules and prints
 * one alert per line (NDJSON) on stdout. Dead letters, late events, rule problems and progress go to
 * stderr. The same input always gives byte-identical output.
 */
import { parseArgs } from 'node:util';
import { createEngine, type EngineOutput } from '@vigil/rule-engine';
import { EXIT, type CliIo } from '../io/cli-io.js';
import { parseDuration } from '../io/parse-duration.js';
import { mergeByTime } from '../replay/merge-by-time.js';
import { readLogFile, type ReadCounters } from '../replay/read-log-files.js';
import { loadRulePack } from '@vigil/sigma';
import { parserOptionsFrom } from './parser-flags.js';

export const REPLAY_USAGE =
  'usage: vigil replay [--rules PATH]... [--lists PATH]... [--year YYYY] [--timezone TZ] [--lateness 5s] [--learn-from ISO-TIME] [--allow-rule-errors] FILE...|-\n';

export async function runReplayCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        rules: { type: 'string', multiple: true },
        lists: { type: 'string', multiple: true },
        year: { type: 'string' },
        timezone: { type: 'string' },
        lateness: { type: 'string' },
        'learn-from': { type: 'string' },
        'allow-rule-errors': { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
      },
    });
  } catch (error) {
    io.stderr.write(`vigil replay: ${(error as Error).message}\n${REPLAY_USAGE}`);
    return EXIT.usage;
  }
  const { values, positionals } = args;
  if (positionals.length === 0) {
    io.stderr.write(`vigil replay: no input files (use - for stdin)\n${REPLAY_USAGE}`);
    return EXIT.usage;
  }
  const parser = parserOptionsFrom(values);
  if (!parser.ok) {
    io.stderr.write(`vigil replay: ${parser.error}\n${REPLAY_USAGE}`);
    return EXIT.usage;
  }
  const lateness = values.lateness === undefined ? 5_000 : parseDuration(values.lateness);
  if (lateness === undefined) {
    io.stderr.write(
      `vigil replay: --lateness takes a duration such as 5s or 2m, got ${values.lateness ?? ''}\n`,
    );
    return EXIT.usage;
  }

  // new_terms learning from a given event time, as the correlator's VIGIL_CORRELATOR_NEW_TERMS_LEARN_FROM.
  const learnFrom = values['learn-from'] === undefined ? undefined : Date.parse(values['learn-from']);
  if (learnFrom !== undefined && Number.isNaN(learnFrom)) {
    io.stderr.write(
      `vigil replay: --learn-from takes an ISO 8601 time such as 2026-11-27T00:00:00Z, got ${values['learn-from'] ?? ''}\n`,
    );
    return EXIT.usage;
  }

  const pack = await loadRulePack(values.rules ?? [], io.cwd, values.lists);
  for (const line of pack.report) io.stderr.write(`${line}\n`);
  if (pack.result.errors.length > 0 && values['allow-rule-errors'] !== true) {
    io.stderr.write(
      `vigil replay: ${pack.result.errors.length} rule error(s); fix them or pass --allow-rule-errors\n`,
    );
    return EXIT.problems;
  }

  const engine = createEngine(pack.result.ruleSet, {
    allowedLatenessMs: lateness,
    ...(learnFrom === undefined ? {} : { newTermsLearningFromMs: learnFrom }),
  });
  for (const problem of engine.problems) io.stderr.write(`rule ${problem.ruleId}: ${problem.message}\n`);

  const counters: ReadCounters = { lines: 0, events: 0, deadLetters: 0 };
  let alerts = 0;
  let late = 0;
  const emit = (outputs: readonly EngineOutput[]): void => {
    for (const output of outputs) {
      if (output.kind === 'alert') {
        alerts++;
        io.stdout.write(`${JSON.stringify(output.alert)}\n`);
      } else if (output.kind === 'late') {
        late++;
        io.stderr.write(
          `late: ${output.event.event.id} ${output.event['@timestamp']} (${output.lateness_ms} ms behind ${output.watermark})\n`,
        );
      } else if (output.kind === 'rule_error') {
        io.stderr.write(`rule error: ${output.ruleId}: ${output.message}\n`);
      } else if (output.kind === 'invalid') {
        io.stderr.write(`invalid event: ${output.reason}\n`);
      }
    }
  };

  const streams = positionals.map((file) =>
    readLogFile(file, io.stdin, parser.options, counters, (dead) => {
      io.stderr.write(`${JSON.stringify({ dead_letter: dead })}\n`);
    }),
  );
  const started = Date.now();
  let lastProgress = started;
  for await (const event of mergeByTime(streams)) {
    emit(engine.push(event));
    if (values.quiet !== true && counters.lines % 65_536 === 0 && Date.now() - lastProgress > 2_000) {
      lastProgress = Date.now();
      const rate = Math.round(counters.lines / ((lastProgress - started) / 1000));
      io.stderr.write(`progress: ${counters.lines} lines, ${alerts} alerts, ${rate} lines/s\n`);
    }
  }
  emit(engine.flush());
  if (values.quiet !== true) {
    const seconds = (Date.now() - started) / 1000;
    io.stderr.write(
      `replayed ${counters.lines} lines → ${counters.events} events, ${counters.deadLetters} dead letters, ${late} late, ${alerts} alerts in ${seconds.toFixed(1)} s\n`,
    );
  }
  return EXIT.ok;
}
