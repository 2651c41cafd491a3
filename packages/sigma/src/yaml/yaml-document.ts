import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';

export type YamlPath = readonly (string | number)[];

export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** One YAML document of a rule file: its plain value plus a way back from a path to a line. */
export interface YamlDocument {
  readonly file: string;
  /** 0-based position of the document in a multi-document file. */
  readonly index: number;
  readonly value: unknown;
  /** Where the document starts. */
  readonly start: SourcePosition;
  /**
   * Where the node at `path` is; for a map entry, `key` points at the key (default) and `value` at
   * the value. Falls back to the deepest existing ancestor, so a missing key points at its parent.
   */
  position(path: YamlPath, target?: 'key' | 'value'): SourcePosition;
}

export interface YamlSyntaxIssue {
  readonly message: string;
  readonly position: SourcePosition;
}

export interface ParsedYamlFile {
  readonly documents: readonly YamlDocument[];
  readonly syntaxIssues: readonly YamlSyntaxIssue[];
}

// Anchors/aliases could blow a small file up into a huge value (billion laughs); rules never need many.
const MAX_ALIAS_COUNT = 100;

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}

function startOf(node: unknown): number | undefined {
  if (node !== null && typeof node === 'object' && 'range' in node) {
    const range = (node as Node).range;
    return range?.[0];
  }
  return undefined;
}

/** Parses every document of a YAML text, keeping line information; syntax errors are returned, not thrown. */
export function parseYamlFile(file: string, text: string): ParsedYamlFile {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number | undefined): SourcePosition => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { line: pos.line, column: pos.col };
  };
  const syntaxIssues: YamlSyntaxIssue[] = [];
  const documents: YamlDocument[] = [];
  // parseAllDocuments returns an EmptyStream (an array) when the text has no document at all.
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((doc, index) => {
    for (const error of doc.errors) {
      syntaxIssues.push({
        message: error.message.split('\n')[0] ?? error.message,
        position: at(error.pos[0]),
      });
    }
    if (doc.errors.length > 0) return;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      syntaxIssues.push({ message: (error as Error).message, position: at(startOf(doc.contents)) });
      return;
    }
    if (value === null || value === undefined) return;
    const position = (path: YamlPath, target: 'key' | 'value' = 'key'): SourcePosition => {
      let node: unknown = doc.contents;
      let best = startOf(node);
      for (const segment of path) {
        if (isMap(node)) {
          const pair = node.items.find((item) => isPair(item) && keyText(item.key) === String(segment));
          if (!pair) break;
          const keyStart = startOf(pair.key);
          const valueStart = startOf(pair.value);
          best = target === 'value' ? (valueStart ?? keyStart ?? best) : (keyStart ?? best);
          node = pair.value;
        } else if (isSeq(node) && typeof segment === 'number') {
          const item: unknown = node.items[segment];
          if (item === undefined) break;
          best = startOf(item) ?? best;
          node = item;
        } else {
          break;
        }
      }
      return at(best);
    };
    documents.push({ file, index, value, start: at(startOf(doc.contents)), position });
  });
  return { documents, syntaxIssues };
}
