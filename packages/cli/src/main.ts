import { runParseCommand } from '@vigil/parsers';
import { runReplayCommand } from './commands/replay-command.js';
import { runRulesCommand } from './commands/rules-command.js';
import { runRunCommand } from './commands/run-command.js';
import { EXIT, processIo, type CliIo } from './io/cli-io.js';

const USAGE = `vigil — streaming SIEM correlation

usage:
  vigil run [--demo] [--follow FILE]... [--syslog-udp PORT] [--syslog-tcp PORT] [--rules PATH]... [--data DIR]
      the embedded default: no Kafka, Elasticsearch or Redis; follows files and/or listens for syslog,
      runs the rules, keeps alerts in a local store that survives restart, and prints them
  vigil replay [--rules PATH]... [--year YYYY] [--timezone TZ] FILE...|-
      parse files and run the rules on event time; one alert per line (NDJSON) on stdout
  vigil parse [--year YYYY] [--timezone TZ] FILE...|-
      one normalized ECS event per line (NDJSON) on stdout, dead letters with their reason on stderr
  vigil rules lint [PATH]...     check rules; every problem with file and line
  vigil rules test [PATH]        run every rule's *.tests.yml cases
`;

export async function main(
  argv: readonly string[],
  io: CliIo = processIo(abortOnSignals()),
): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'run':
      return runRunCommand(rest, io);
    case 'replay':
      return runReplayCommand(rest, io);
    case 'parse':
      return runParseCommand(rest, io);
    case 'rules':
      return runRulesCommand(rest, io);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout.write(USAGE);
      return command === undefined ? EXIT.usage : EXIT.ok;
    default:
      io.stderr.write(`vigil: unknown command ${command}\n\n${USAGE}`);
      return EXIT.usage;
  }
}

function abortOnSignals(): AbortSignal {
  const controller = new AbortController();
  const stop = (): void => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return controller.signal;
}
