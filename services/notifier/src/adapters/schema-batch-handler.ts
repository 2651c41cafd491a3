import type { BatchHandler } from '@vigil/kafka';
import type { z } from 'zod';

/** Where a skipped message was, and why its JSON did not fit (the first issues). */
export interface SkippedMessage {
  readonly partition: number;
  readonly offset: string;
  readonly issues: readonly z.core.$ZodIssue[];
}

/**
 * Hands each message of a batch that is JSON of `schema` to `handle`, in order; the batch is
 * committed only when this resolves (at least once). A message that does not fit is reported and
 * skipped: it cannot get better by retrying.
 */
export function schemaBatchHandler<T>(
  schema: z.ZodType<T>,
  handle: (value: T) => Promise<unknown>,
  onSkipped: (skipped: SkippedMessage) => void,
): BatchHandler {
  return async (batch, context) => {
    for (const message of batch.messages) {
      if (context.signal.aborted) return;
      let json: unknown;
      try {
        json = JSON.parse(message.value?.toString('utf8') ?? '');
      } catch {
        json = undefined;
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        onSkipped({
          partition: batch.partition,
          offset: message.offset,
          issues: parsed.error.issues.slice(0, 3),
        });
        continue;
      }
      await handle(parsed.data);
    }
  };
}
