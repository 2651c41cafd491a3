import { sha256Id } from '@vigil/core';
import type { Entity } from './entity-of.js';

/**
 * The incident id, and the paging dedup key: deterministic in the entity and the opening alert,
 * so replaying the same alerts opens the same incidents and pages the same keys.
 */
export function incidentId(entity: Entity, openingAlertId: string): string {
  return sha256Id(entity.field, entity.value, openingAlertId);
}
