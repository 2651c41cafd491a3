import type { VigilEvent } from '@vigil/schema';

/**
 * The Kafka key of an event on `vigil.events`: the entity most rules group on — `source.ip`
 * (brute force, scans, web abuse), else `user.name` (sudo, account changes, cloud console), else
 * `host.hostname`; null (round robin) when there is none. The correlator repartitions by each rule's
 * own group-by anyway, so this key only spreads the load and keeps one entity's events in order.
 */
export function eventKey(event: VigilEvent): string | null {
  const ip = event.source?.ip;
  if (ip !== undefined && ip !== '') return ip;
  const user = event.user?.name;
  if (user !== undefined && user !== '') return user;
  const host = event.host?.hostname;
  if (host !== undefined && host !== '') return host;
  return null;
}
