/** Parses an async stream of lines with one stateful parser, yielding each line's outcome. */
import { createLineParser } from '../line/create-line-parser.js';
import type { ParseContext, ParseOutcome, ParserOptions } from '../model/parse-outcome.js';

export interface NumberedOutcome {
  /** 1-based line number within the stream. */
  readonly line: number;
  /** The line as read (before truncation). */
  readonly text: string;
  readonly outcome: ParseOutcome;
}

export async function* parseStream(
  lines: AsyncIterable<string> | Iterable<string>,
  options: ParserOptions = {},
  context: ParseContext = {},
): AsyncGenerator<NumberedOutcome> {
  const parser = createLineParser(options);
  let n = 0;
  for await (const text of lines) {
    n++;
    yield { line: n, text, outcome: parser.parse(text, context) };
  }
}
