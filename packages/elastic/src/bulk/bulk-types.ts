export type BulkOp = 'create' | 'index';

export interface BulkDocument<T = unknown> {
  readonly index: string;
  /** With an id, `create` makes writes idempotent: a second write of the id is a duplicate. */
  readonly id?: string;
  /** `create` by default; `index` overwrites a document with the same id. */
  readonly op?: BulkOp;
  readonly document: T;
}

/** A document Elasticsearch refused for good (e.g. a mapping conflict): the caller dead-letters it. */
export interface BulkRejection<T = unknown> {
  readonly doc: BulkDocument<T>;
  /** `type: reason` from Elasticsearch, e.g. `document_parsing_exception: failed to parse field [source.ip] of type [ip] ...`. */
  readonly reason: string;
  /** The HTTP status of the item, 0 when it never reached Elasticsearch (could not be serialized). */
  readonly status: number;
  readonly type?: string;
}

export interface BulkReport<T = unknown> {
  readonly indexed: number;
  /** `create` of an id that exists: already there, which is success for idempotent writes. */
  readonly duplicates: number;
  readonly rejected: readonly BulkRejection<T>[];
}

/** What happened to one document. */
export type DocOutcome =
  | { readonly kind: 'indexed' }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'rejected'; readonly reason: string; readonly status: number; readonly type?: string };
