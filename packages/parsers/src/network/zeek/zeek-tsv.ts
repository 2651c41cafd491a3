/**
 * Zeek's ASCII (TSV) log writer: a stream is configured by its header lines
 * (`#separator \x09`, `#set_separator ,`, `#empty_field (empty)`, `#unset_field -`, `#path conn`,
 * `#fields ts uid id.orig_h ...`, `#types time string addr ...`) and each data line is
 * `1324071333.792887\tCHhAvVGS1DHFjwGM9\t192.168.1.79\t51880\t...`. Values are converted by type
 * into the same record shape Zeek's JSON writer produces, so one mapper serves both.
 */
export type ZeekValue = string | number | boolean | string[] | number[];
export type ZeekRecord = Record<string, ZeekValue>;

export class ZeekTsvState {
  separator = '\t';
  setSeparator = ',';
  emptyField = '(empty)';
  unsetField = '-';
  path = '';
  fields: string[] = [];
  types: string[] = [];

  get ready(): boolean {
    return this.fields.length > 0;
  }

  /** Applies a `#...` header line. Returns false when it is not a Zeek header. */
  header(line: string): boolean {
    if (line.startsWith('#separator ')) {
      this.separator = unescapeZeek(line.slice(11));
      return true;
    }
    const sep = this.separator;
    const key = /^#([a-z_]+)/.exec(line)?.[1] ?? '';
    const at = 1 + key.length;
    const value = line.startsWith(sep, at) ? line.slice(at + sep.length) : line.slice(at + 1);
    switch (key) {
      case 'set_separator':
        this.setSeparator = value;
        return true;
      case 'empty_field':
        this.emptyField = value;
        return true;
      case 'unset_field':
        this.unsetField = value;
        return true;
      case 'path':
        this.path = value;
        return true;
      case 'fields':
        this.fields = value.split(sep);
        this.types = [];
        return true;
      case 'types':
        this.types = value.split(sep);
        return true;
      case 'open':
      case 'close':
        return true;
      default:
        return false;
    }
  }

  /** Converts a data line to a record; undefined when the column count does not match the header. */
  record(line: string): ZeekRecord | undefined {
    const values = line.split(this.separator);
    if (values.length !== this.fields.length) return undefined;
    const rec: ZeekRecord = {};
    for (let i = 0; i < values.length; i++) {
      const raw = values[i] as string;
      if (raw === this.unsetField) continue;
      const type = this.types[i] ?? 'string';
      rec[this.fields[i] as string] = this.convert(raw, type);
    }
    return rec;
  }

  private convert(raw: string, type: string): ZeekValue {
    if (type.startsWith('set[') || type.startsWith('vector[')) {
      if (raw === this.emptyField) return [];
      const items = raw.split(this.setSeparator);
      const inner = type.slice(type.indexOf('[') + 1, -1);
      return isNumericType(inner) ? items.map(Number) : items;
    }
    if (raw === this.emptyField) return '';
    if (isNumericType(type)) {
      const n = Number(raw);
      return Number.isNaN(n) ? raw : n;
    }
    if (type === 'bool') return raw === 'T';
    return type === 'string' ? unescapeZeek(raw) : raw;
  }
}

function isNumericType(type: string): boolean {
  return (
    type === 'time' ||
    type === 'interval' ||
    type === 'count' ||
    type === 'int' ||
    type === 'port' ||
    type === 'double'
  );
}

/** Zeek escapes non-printables and the separator as `\xNN`. */
export function unescapeZeek(s: string): string {
  if (!s.includes('\\x')) return s;
  return s.replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
