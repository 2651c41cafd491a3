import { VigilError } from '@vigil/core';

/** Redis cannot be reached, or did not answer in time: retriable, and the command may not have run. */
export class RedisUnavailableError extends VigilError {}

/** Redis answered with an error (`WRONGTYPE`, `OOM`...); retriable only for transient states. */
export class RedisCommandError extends VigilError {}
