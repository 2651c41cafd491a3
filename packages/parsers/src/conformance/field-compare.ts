/** Field-level comparison of our events with another project's expected documents. */
import { isDeepStrictEqual } from 'node:util';

export function getPath(doc: unknown, dotted: string): unknown {
  let cur: unknown = doc;
  for (const key of dotted.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Arrays compare as sets (ECS category/type order carries no meaning). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    const sa = a.map((x) => JSON.stringify(x)).sort();
    const sb = b.map((x) => JSON.stringify(x)).sort();
    return sa.every((x, i) => x === sb[i]);
  }
  return isDeepStrictEqual(a, b);
}

export interface Exclusion {
  readonly id: string;
  readonly reason: string;
  readonly applies: (field: string, expected: unknown, actual: unknown, expectedDoc: unknown) => boolean;
}

export interface FieldTally {
  agree: number;
  disagree: number;
  excluded: number;
  added: number;
  mismatches: string[];
}

export class AgreementTable {
  readonly fields = new Map<string, FieldTally>();
  readonly usedExclusions = new Map<string, number>();

  constructor(private readonly exclusions: readonly Exclusion[]) {}

  /** Records the comparison of one field of one document. */
  compare(label: string, field: string, expected: unknown, actual: unknown, expectedDoc: unknown): void {
    let t = this.fields.get(field);
    if (t === undefined) {
      t = { agree: 0, disagree: 0, excluded: 0, added: 0, mismatches: [] };
      this.fields.set(field, t);
    }
    if (expected === undefined) {
      if (actual !== undefined) t.added++;
      return;
    }
    if (sameValue(expected, actual)) {
      t.agree++;
      return;
    }
    const ex = this.exclusions.find((e) => e.applies(field, expected, actual, expectedDoc));
    if (ex !== undefined) {
      t.excluded++;
      this.usedExclusions.set(ex.id, (this.usedExclusions.get(ex.id) ?? 0) + 1);
      return;
    }
    t.disagree++;
    t.mismatches.push(
      `${label} ${field}: expected ${JSON.stringify(expected)} got ${JSON.stringify(actual)}`,
    );
  }

  /** Agreement ratio over compared (non-excluded) values. */
  ratio(field: string): number {
    const t = this.fields.get(field);
    if (t === undefined || t.agree + t.disagree === 0) return 1;
    return t.agree / (t.agree + t.disagree);
  }

  markdown(title: string): string {
    const rows = [...this.fields.entries()]
      .filter(([, t]) => t.agree + t.disagree + t.excluded + t.added > 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([f, t]) => {
        const pct =
          t.agree + t.disagree === 0 ? '  n/a' : `${((100 * t.agree) / (t.agree + t.disagree)).toFixed(1)}%`;
        return `| ${f} | ${t.agree} | ${t.disagree} | ${t.excluded} | ${t.added} | ${pct} |`;
      });
    return [
      `### ${title}`,
      '| field | agree | differ | excluded | added | agreement |',
      '|---|---|---|---|---|---|',
      ...rows,
    ].join('\n');
  }
}
