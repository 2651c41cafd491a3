import type { estypes } from '@elastic/elasticsearch';
import {
  boolean,
  date,
  flattened,
  integer,
  keyword,
  long,
  object,
  text,
  textKeyword,
} from './ecs-field-types.js';

/** The fields of `alertSchema` (packages/schema). */
export const alertProperties: Record<string, estypes.MappingProperty> = {
  id: keyword,
  '@timestamp': date,
  kind: keyword,
  rule: object({
    id: keyword,
    title: textKeyword,
    level: keyword,
    type: keyword,
    version: keyword,
    description: text,
    tags: keyword,
    rules: keyword,
  }),
  severity: integer,
  // Group-by keys are field names with dots and values of mixed types: flattened keeps them as keywords.
  group: flattened,
  window: object({ start: date, end: date }),
  count: long,
  distinct: object({ field: keyword, values: keyword }),
  evidence: object({ event_ids: keyword, truncated: boolean }),
  datasets: keyword,
  summary: flattened,
};
