import type { Alert, VigilEvent } from '@vigil/schema';
import type { KeyStats } from '../state/keyed-state.js';

/** Counters of one rule's operator. */
export interface OperatorStats extends KeyStats {
  readonly ruleId: string;
  readonly type: string;
  matches: number;
  alerts: number;
  /** Alerts withheld by the rule's `suppress` window. */
  suppressed: number;
}

export interface EngineStats {
  /** Global watermark (ms since epoch; -Infinity before any event is released as null). */
  readonly watermark: number | null;
  readonly sources: number;
  /** Events waiting in the reorder buffer for the watermark to pass them. */
  readonly buffered: number;
  readonly events: number;
  readonly late: number;
  readonly invalid: number;
  readonly ruleErrors: number;
  readonly alerts: number;
  /** Times the reorder buffer hit its cap and released its oldest events early. */
  readonly bufferOverflows: number;
  readonly operators: readonly OperatorStats[];
}

/** Everything the engine emits is data: nothing it sees ends the stream with an error. */
export type EngineOutput =
  | { readonly kind: 'alert'; readonly alert: Alert }
  | {
      readonly kind: 'late';
      readonly event: VigilEvent;
      /** How far behind the watermark the event was. */
      readonly lateness_ms: number;
      readonly watermark: string;
    }
  | { readonly kind: 'invalid'; readonly reason: string; readonly event: unknown }
  | {
      readonly kind: 'rule_error';
      readonly ruleId: string;
      readonly message: string;
      readonly eventId?: string;
    }
  | { readonly kind: 'stats'; readonly stats: EngineStats };
