import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createLineParser, type ParserOptions } from '@vigil/parsers';
import type { VigilEvent } from '@vigil/schema';

export interface DeadLetterLine {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly reason: string;
  readonly original: string;
}

export interface ReadCounters {
  lines: number;
  events: number;
  deadLetters: number;
}

/**
 * One file (or `-` for stdin) → its events, with one stateful parser per file (Zeek headers and
 * year rollover stay within their file). Dead letters go to `onDeadLetter`, never lost.
 */
export async function* readLogFile(
  file: string,
  stdin: Readable,
  options: ParserOptions,
  counters: ReadCounters,
  onDeadLetter: (dead: DeadLetterLine) => void,
): AsyncGenerator<VigilEvent> {
  const input = file === '-' ? stdin : createReadStream(file);
  const lines = createInterface({ input, crlfDelay: Infinity });
  // The parser directly (what parseStream does), not through one more async generator per line.
  const parser = createLineParser(options);
  const context = { source: file };
  let line = 0;
  for await (const text of lines) {
    line++;
    counters.lines++;
    const outcome = parser.parse(text, context);
    if (outcome.ok) {
      counters.events += outcome.events.length;
      for (const event of outcome.events) yield event;
    } else {
      counters.deadLetters++;
      onDeadLetter({ file, line, code: outcome.code, reason: outcome.reason, original: text });
    }
  }
}
