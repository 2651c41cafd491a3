import type { Client } from '@elastic/elasticsearch';
import { ElasticConflictError } from '../error/elastic-error.js';
import { toElasticError } from '../error/to-elastic-error.js';

/** A document with the sequence number and primary term it was read at (optimistic concurrency). */
export interface Versioned<T> {
  readonly value: T;
  readonly seqNo: number;
  readonly primaryTerm: number;
}

export type WriteResult =
  | { readonly ok: true; readonly seqNo: number; readonly primaryTerm: number }
  /** Someone else wrote first: re-read and decide again. */
  | { readonly ok: false; readonly reason: 'conflict' };

export interface VersionedStoreOptions<T> {
  /** Validates what is read back (e.g. `incidentSchema.parse`); by default the source is trusted. */
  readonly parse?: (source: unknown) => T;
  /** `wait_for` makes a write visible to searches before it resolves; `get` sees it at once anyway. */
  readonly refresh?: boolean | 'wait_for';
}

function isConflict(error: unknown): boolean {
  return (error as { statusCode?: unknown } | null)?.statusCode === 409;
}

/**
 * Documents updated in place by several writers (incidents: the correlator attaches alerts while an
 * analyst acknowledges), with optimistic concurrency: a write names the `seqNo`/`primaryTerm` it read
 * and fails as `conflict` (data, not an exception) when the document changed since.
 * Unavailability throws a retriable ElasticUnavailableError.
 */
export class VersionedStore<T extends { readonly id: string }> {
  constructor(
    private readonly client: Client,
    readonly index: string,
    private readonly options: VersionedStoreOptions<T> = {},
  ) {}

  async get(id: string): Promise<Versioned<T> | undefined> {
    try {
      const response = await this.client.get({ index: this.index, id }, { ignore: [404] });
      if (!response.found || response._seq_no === undefined || response._primary_term === undefined)
        return undefined;
      const value =
        this.options.parse === undefined ? (response._source as T) : this.options.parse(response._source);
      return { value, seqNo: response._seq_no, primaryTerm: response._primary_term };
    } catch (error) {
      throw toElasticError(error, `reading ${this.index}/${id}`);
    }
  }

  /** Writes a new document; `conflict` when one with this id exists. */
  create(value: T): Promise<WriteResult> {
    return this.write(value, { op_type: 'create' });
  }

  /** Overwrites the document read at `expected`; `conflict` when it changed (or vanished) since. */
  replace(
    value: T,
    expected: { readonly seqNo: number; readonly primaryTerm: number },
  ): Promise<WriteResult> {
    return this.write(value, { if_seq_no: expected.seqNo, if_primary_term: expected.primaryTerm });
  }

  /**
   * Read-modify-write until it sticks: `change` gets the current document (undefined when there is
   * none) and returns the new one, or undefined to leave it alone. Conflicts re-read and call
   * `change` again, up to `maxAttempts` times.
   */
  async modify(
    id: string,
    change: (current: T | undefined) => T | undefined,
    maxAttempts = 10,
  ): Promise<Versioned<T> | undefined> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.get(id);
      const next = change(current?.value);
      if (next === undefined) return current;
      if (next.id !== id) throw new RangeError(`modify(${id}) returned a document with id ${next.id}`);
      const result = current === undefined ? await this.create(next) : await this.replace(next, current);
      if (result.ok) return { value: next, seqNo: result.seqNo, primaryTerm: result.primaryTerm };
      if (attempt >= maxAttempts) {
        throw new ElasticConflictError(
          `${this.index}/${id} kept changing: ${maxAttempts} conflicting writes`,
          {
            code: 'ES_CONFLICT',
            retriable: true,
            status: 409,
          },
        );
      }
    }
  }

  private async write(
    value: T,
    condition: { op_type: 'create' } | { if_seq_no: number; if_primary_term: number },
  ): Promise<WriteResult> {
    try {
      const response = await this.client.index({
        index: this.index,
        id: value.id,
        document: value,
        ...condition,
        ...(this.options.refresh === undefined ? {} : { refresh: this.options.refresh }),
      });
      return { ok: true, seqNo: response._seq_no ?? -1, primaryTerm: response._primary_term ?? -1 };
    } catch (error) {
      if (isConflict(error)) return { ok: false, reason: 'conflict' };
      throw toElasticError(error, `writing ${this.index}/${value.id}`);
    }
  }
}
