import { StringDecoder } from 'node:string_decoder';

/**
 * Splits a byte stream into lines (LF or CRLF), keeping a partial last line until more bytes come.
 * Lines longer than `maxLineBytes` are cut there and the rest up to the next newline is skipped,
 * so a hostile writer cannot make us buffer without bound; the cut line is still delivered.
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';
  private skipping = false;

  constructor(private readonly maxLineChars = 65_536) {}

  push(chunk: Buffer): string[] {
    const text = this.partial + this.decoder.write(chunk);
    const lines: string[] = [];
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl === -1) break;
      if (!this.skipping) lines.push(stripCr(text.slice(start, nl)));
      this.skipping = false;
      start = nl + 1;
    }
    this.partial = text.slice(start);
    if (this.partial.length > this.maxLineChars) {
      if (!this.skipping) lines.push(this.partial.slice(0, this.maxLineChars));
      this.partial = '';
      this.skipping = true;
    }
    return lines;
  }

  /** The last line when the stream ends without a newline. */
  end(): string[] {
    const rest = this.partial + this.decoder.end();
    this.partial = '';
    return rest.length > 0 && !this.skipping ? [stripCr(rest)] : [];
  }
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
