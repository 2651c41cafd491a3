import { pino, type Logger, type LoggerOptions } from 'pino';

/**
 * Paths pino censors wherever they appear (one level deep under any key as well). Secrets must never
 * reach a log line: tokens, passwords, keys, auth headers, cookies, webhook URLs with embedded keys.
 */
export const REDACT_PATHS: readonly string[] = [
  'password',
  'passwd',
  'secret',
  'token',
  'apiKey',
  'api_key',
  'routingKey',
  'routing_key',
  'authorization',
  'cookie',
  'totp',
  'webhookUrl',
  'sasl.password',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'req.headers.authorization',
  'req.headers.cookie',
  '*.password',
  '*.passwd',
  '*.secret',
  '*.token',
  '*.apiKey',
  '*.api_key',
  '*.routingKey',
  '*.routing_key',
  '*.authorization',
  '*.cookie',
  '*.totp',
  '*.webhookUrl',
];

export interface CreateLoggerOptions {
  readonly name: string;
  readonly level?: string;
  /** Extra paths to censor beside the defaults. */
  readonly redact?: readonly string[];
  readonly destination?: pino.DestinationStream;
}

export function createLogger(options: CreateLoggerOptions): Logger {
  const config: LoggerOptions = {
    name: options.name,
    level: options.level ?? process.env['VIGIL_LOG_LEVEL'] ?? 'info',
    redact: { paths: [...REDACT_PATHS, ...(options.redact ?? [])], censor: '[redacted]' },
    base: { service: options.name },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return options.destination === undefined ? pino(config) : pino(config, options.destination);
}

export type { Logger } from 'pino';
