import { Observable, type OperatorFunction } from 'rxjs';
import type { Alert } from '@vigil/schema';
import {
  DEFAULT_OPERATOR_OPTIONS,
  type OperatorInput,
  type OperatorOptions,
  type RuleOperator,
} from '../model/match.js';
import { suppressed, suppressionOf } from './suppressed.js';

/**
 * Lifts a synchronous rule operator into RxJS. The factory runs per subscription, so each
 * subscriber gets its own state (in the factory's closure). Completion and errors pass through.
 */
export function toRxOperator(
  factory: (options: OperatorOptions) => RuleOperator,
  overrides: Partial<OperatorOptions> = {},
): OperatorFunction<OperatorInput, Alert> {
  const options = { ...DEFAULT_OPERATOR_OPTIONS, ...overrides };
  return (source) =>
    new Observable<Alert>((subscriber) => {
      const base = factory(options);
      const operator = suppressionOf(base.rule) === undefined ? base : suppressed(base, options);
      const emit = (alert: Alert): void => subscriber.next(alert);
      return source.subscribe({
        next(input) {
          if (input.kind === 'tick') operator.advance(input.ts, emit);
          else {
            // Timers due before this match fire first; expiry scans are rate-limited inside.
            operator.advance(input.ts, emit);
            operator.onMatch(input, emit);
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
    });
}
