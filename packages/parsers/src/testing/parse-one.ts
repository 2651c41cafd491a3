/** Test helper: parse one line with a fresh parser and return its events (throws on a dead letter). */
import type { VigilEvent } from '@vigil/schema';
import { createLineParser } from '../line/create-line-parser.js';
import type { ParseContext, ParserOptions } from '../model/parse-outcome.js';

export const TEST_NOW = Date.parse('2024-06-15T12:00:00Z');

export function parseAll(
  line: string,
  options: ParserOptions = {},
  context: ParseContext = {},
): VigilEvent[] {
  const outcome = createLineParser({ now: TEST_NOW, ...options }).parse(line, context);
  if (!outcome.ok) throw new Error(`dead letter ${outcome.code}: ${outcome.reason}`);
  return outcome.events;
}

export function parseOne(line: string, options: ParserOptions = {}, context: ParseContext = {}): VigilEvent {
  const events = parseAll(line, options, context);
  if (events.length !== 1) throw new Error(`expected one event, got ${events.length}`);
  return events[0] as VigilEvent;
}

/** A vendor namespace of an event (loose ECS objects), for assertions. */
export function field(ev: VigilEvent, dotted: string): unknown {
  let cur: unknown = ev;
  for (const k of dotted.split('.'))
    cur = cur === null || typeof cur !== 'object' ? undefined : (cur as Record<string, unknown>)[k];
  return cur;
}
