/** What a correlation needs to know about a rule it refers to. */
export interface CorrelationReference {
  readonly id: string;
  readonly name?: string;
  readonly kind: 'detection' | 'correlation';
  /** Maps Sigma field names to event fields for that rule's events (its logsource's mapping). */
  readonly resolveField: (field: string) => readonly string[];
}
