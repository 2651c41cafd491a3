import { VigilError } from './vigil-error.js';

/** Bad configuration: never retriable, the message names what to fix. */
export class ConfigError extends VigilError {
  constructor(message: string, cause?: unknown) {
    super(message, { code: 'CONFIG_INVALID', retriable: false, cause });
  }
}
