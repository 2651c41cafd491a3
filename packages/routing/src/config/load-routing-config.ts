import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { compileRouting, type Router } from '../router/router.js';
import { checkReferences, type PathIssue } from './check-references.js';
import { routingConfigSchema, type RoutingConfig } from './routing-config.schema.js';

/** One problem in a routing file: where (file, dotted path, line:column) and what. */
export interface ConfigIssue {
  readonly file: string;
  readonly path: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

export type LoadRoutingResult =
  | { readonly ok: true; readonly config: RoutingConfig; readonly router: Router }
  | { readonly ok: false; readonly issues: readonly ConfigIssue[] };

export interface LoadRoutingOptions {
  readonly file?: string;
  /** Values for `${NAME}` references (secrets stay out of the file); default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Validates each `receivers[].channels[]` entry (the channels package's schema). */
  readonly channelSchema?: z.ZodType;
}

/** `receivers[0].channels[1].routing_key`, the way people read paths. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part)}`;
  return out === '' ? '(root)' : out;
}

/** Formats issues one per line: `file:line:col path: message`. */
export function formatIssues(issues: readonly ConfigIssue[]): string {
  return issues
    .map(
      (i) => `${i.file}${i.line === undefined ? '' : `:${i.line}:${i.column ?? 1}`} ${i.path}: ${i.message}`,
    )
    .join('\n');
}

const ENV_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

function interpolate(
  value: unknown,
  env: LoadRoutingOptions['env'],
  path: (string | number)[],
  issues: PathIssue[],
): unknown {
  if (typeof value === 'string') {
    return value.replace(ENV_REF, (_whole, name: string) => {
      const got = env?.[name];
      if (got === undefined || got === '') {
        issues.push({ path, message: `environment variable ${name} is not set` });
        return '';
      }
      return got;
    });
  }
  if (Array.isArray(value))
    return value.map((item: unknown, i) => interpolate(item, env, [...path, i], issues));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, interpolate(item, env, [...path, key], issues)]),
    );
  }
  return value;
}

function locate(doc: Document, lines: LineCounter, file: string, issue: PathIssue): ConfigIssue {
  // The deepest node that exists: a missing key is reported at its parent.
  for (let depth = issue.path.length; depth >= 0; depth--) {
    const node: unknown = doc.getIn(issue.path.slice(0, depth), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range !== undefined) {
      const pos = lines.linePos(range[0]);
      return { file, path: formatPath(issue.path), line: pos.line, column: pos.col, message: issue.message };
    }
  }
  return { file, path: formatPath(issue.path), message: issue.message };
}

/**
 * Parses and validates a routing YAML text: YAML syntax, the zod schema, `${ENV}` references,
 * cross-references and each channel's own schema, reporting every problem with file, path and line.
 * Pure apart from reading `env`; reloading is calling it again and swapping the router if ok.
 */
export function loadRoutingConfig(text: string, options: LoadRoutingOptions = {}): LoadRoutingResult {
  const file = options.file ?? '<routing>';
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => {
        const pos = lines.linePos(error.pos[0]);
        return { file, path: '(yaml)', line: pos.line, column: pos.col, message: error.message };
      }),
    };
  }
  const issues: PathIssue[] = [];
  const raw = interpolate(doc.toJS(), options.env ?? process.env, [], issues);
  const parsed = routingConfigSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      issues.push({ path: issue.path as (string | number)[], message: issue.message });
  } else {
    issues.push(...checkReferences(parsed.data));
    if (options.channelSchema !== undefined) {
      parsed.data.receivers.forEach((receiver, i) => {
        receiver.channels.forEach((channel, j) => {
          const result = options.channelSchema?.safeParse(channel);
          if (result !== undefined && !result.success) {
            for (const issue of result.error.issues) {
              issues.push({
                path: ['receivers', i, 'channels', j, ...(issue.path as (string | number)[])],
                message: issue.message,
              });
            }
          }
        });
      });
    }
  }
  if (issues.length > 0 || !parsed.success)
    return { ok: false, issues: issues.map((i) => locate(doc, lines, file, i)) };
  const compiled = compileRouting(parsed.data);
  if (!compiled.ok) return { ok: false, issues: compiled.errors.map((i) => locate(doc, lines, file, i)) };
  return { ok: true, config: parsed.data, router: compiled.router };
}

/** Reads and loads a routing file (the notifier calls this again on SIGHUP to reload). */
export async function loadRoutingFile(
  path: string,
  options: Omit<LoadRoutingOptions, 'file'> = {},
): Promise<LoadRoutingResult> {
  const text = await readFile(path, 'utf8');
  return loadRoutingConfig(text, { ...options, file: path });
}
