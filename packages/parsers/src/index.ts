export { createLineParser, type LineParser } from './line/create-line-parser.js';
export { MAX_REPEAT } from './line/syslog-line.js';
export {
  DEFAULT_MAX_LINE_BYTES,
  type DatasetHint,
  type ParseContext,
  type ParseFailureCode,
  type ParseOutcome,
  type ParserOptions,
} from './model/parse-outcome.js';
export { parseStream, type NumberedOutcome } from './stream/parse-stream.js';
export { runParseCommand, parseArgs, PARSE_USAGE, type CommandIo } from './stream/run-parse-command.js';
export { validateEvent, type EventCheck } from './validate/validate-event.js';
export { DATASETS, type Dataset } from './model/datasets.js';
