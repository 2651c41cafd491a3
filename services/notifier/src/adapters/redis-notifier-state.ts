import type { Redis } from '@vigil/redis';
import {
  silenceSchema,
  type EscalationState,
  type IncidentContext,
  type Labels,
  type NotificationGroup,
  type Silence,
} from '@vigil/routing';
import type { DueTimer, NotifierState, OutboxItem, TimerKind } from '../ports/notifier-state.js';

/** Everything the notifier keeps expires after this long untouched, so Redis never fills up with old incidents. */
const TTL_SECONDS = 30 * 86_400;
/** How long a completed notification id is remembered (enqueueing it again is refused meanwhile). */
const DONE_TTL_SECONDS = 7 * 86_400;
const ENTITY_KEEP = 10;
const MAX_DUE_SCAN = 1000;

// Atomic "add unless pending or done": KEYS outbox hash, due zset, done marker.
const ENQUEUE = `
if redis.call('EXISTS', KEYS[3]) == 1 or redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
return 1`;

function parse(text: string | null): unknown {
  return text === null ? undefined : JSON.parse(text);
}

/**
 * NotifierState in Redis (through @vigil/redis's connection, whose key prefix namespaces it).
 * Keys under `notifier:`; timers and the outbox are sorted sets scored by due time. The outbox
 * enqueue is one Lua script, so a decision is recorded once even if two paths race.
 */
export class RedisNotifierState implements NotifierState {
  constructor(
    private readonly redis: Redis,
    /** The hash the API keeps silences in (id → Silence JSON). */
    private readonly silencesKey = 'silences',
  ) {}

  private k(...parts: string[]): string {
    return `notifier:${parts.join(':')}`;
  }

  private async setJson(key: string, value: unknown): Promise<void> {
    await this.redis.set(key, JSON.stringify(value), 'EX', TTL_SECONDS);
  }

  async entityIncidents(field: string, value: string): Promise<string[]> {
    return this.redis.lrange(this.k('entity', `${field}=${value}`), 0, ENTITY_KEEP - 1);
  }
  async addEntityIncident(field: string, value: string, incidentId: string): Promise<void> {
    const key = this.k('entity', `${field}=${value}`);
    await this.redis
      .multi()
      .lrem(key, 0, incidentId)
      .lpush(key, incidentId)
      .ltrim(key, 0, ENTITY_KEEP - 1)
      .expire(key, TTL_SECONDS)
      .exec();
  }

  async getContext(id: string): Promise<IncidentContext | undefined> {
    return parse(await this.redis.get(this.k('ctx', id))) as IncidentContext | undefined;
  }
  setContext(id: string, context: IncidentContext): Promise<void> {
    return this.setJson(this.k('ctx', id), context);
  }

  async getGroup(key: string): Promise<NotificationGroup | undefined> {
    return parse(await this.redis.get(this.k('group', key))) as NotificationGroup | undefined;
  }
  putGroup(group: NotificationGroup): Promise<void> {
    return this.setJson(this.k('group', group.key), group);
  }
  async deleteGroup(key: string): Promise<void> {
    await this.redis.del(this.k('group', key));
  }
  groupsOf(id: string): Promise<string[]> {
    return this.redis.smembers(this.k('groups-of', id));
  }
  async addGroupMembership(id: string, key: string): Promise<void> {
    await this.redis
      .multi()
      .sadd(this.k('groups-of', id), key)
      .expire(this.k('groups-of', id), TTL_SECONDS)
      .exec();
  }

  async getEscalation(id: string): Promise<EscalationState | undefined> {
    return parse(await this.redis.get(this.k('esc', id))) as EscalationState | undefined;
  }
  putEscalation(state: EscalationState): Promise<void> {
    return this.setJson(this.k('esc', state.incidentId), state);
  }

  pagedReceivers(id: string): Promise<string[]> {
    return this.redis.smembers(this.k('paged', id));
  }
  async addPagedReceiver(id: string, receiver: string): Promise<void> {
    await this.redis
      .multi()
      .sadd(this.k('paged', id), receiver)
      .expire(this.k('paged', id), TTL_SECONDS)
      .exec();
  }

  async schedule(kind: TimerKind, id: string, dueMs: number): Promise<void> {
    await this.redis.zadd(this.k('timers'), dueMs, `${kind}|${id}`);
  }
  async unschedule(kind: TimerKind, id: string): Promise<void> {
    await this.redis.zrem(this.k('timers'), `${kind}|${id}`);
  }
  async dueTimers(nowMs: number, limit: number): Promise<DueTimer[]> {
    const flat = await this.redis.zrangebyscore(
      this.k('timers'),
      '-inf',
      nowMs,
      'WITHSCORES',
      'LIMIT',
      0,
      limit,
    );
    const out: DueTimer[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const member = flat[i] ?? '';
      const split = member.indexOf('|');
      out.push({
        kind: member.slice(0, split) as TimerKind,
        id: member.slice(split + 1),
        dueMs: Number(flat[i + 1]),
      });
    }
    return out;
  }

  async enqueue(item: OutboxItem): Promise<boolean> {
    const added = await this.redis.eval(
      ENQUEUE,
      3,
      this.k('outbox'),
      this.k('outbox-due'),
      this.k('done', item.id),
      item.id,
      JSON.stringify(item),
      item.nextAttemptMs,
    );
    return added === 1;
  }
  async pendingOutbox(nowMs: number, limit: number): Promise<OutboxItem[]> {
    const ids = await this.redis.zrangebyscore(this.k('outbox-due'), '-inf', nowMs, 'LIMIT', 0, MAX_DUE_SCAN);
    if (ids.length === 0) return [];
    const items = (await this.redis.hmget(this.k('outbox'), ...ids))
      .map((text) => parse(text) as OutboxItem | undefined)
      .filter((i) => i !== undefined);
    return items.sort((a, b) => a.createdMs - b.createdMs || a.id.localeCompare(b.id)).slice(0, limit);
  }
  async markDelivered(itemId: string, channel: string, messageIds: readonly string[]): Promise<void> {
    if (messageIds.length === 0) return;
    const key = this.k('delivered', itemId, channel);
    await this.redis
      .multi()
      .sadd(key, ...messageIds)
      .expire(key, DONE_TTL_SECONDS)
      .exec();
  }
  async deliveredMessages(itemId: string, channel: string): Promise<Set<string>> {
    return new Set(await this.redis.smembers(this.k('delivered', itemId, channel)));
  }
  async reschedule(item: OutboxItem): Promise<void> {
    if ((await this.redis.hexists(this.k('outbox'), item.id)) === 0) return;
    await this.redis
      .multi()
      .hset(this.k('outbox'), item.id, JSON.stringify(item))
      .zadd(this.k('outbox-due'), item.nextAttemptMs, item.id)
      .exec();
  }
  async complete(itemId: string): Promise<void> {
    await this.redis
      .multi()
      .set(this.k('done', itemId), '1', 'EX', DONE_TTL_SECONDS)
      .hdel(this.k('outbox'), itemId)
      .zrem(this.k('outbox-due'), itemId)
      .exec();
  }

  async setActiveLabels(id: string, labels: Labels | undefined): Promise<void> {
    if (labels === undefined) await this.redis.hdel(this.k('labels'), id);
    else await this.redis.hset(this.k('labels'), id, JSON.stringify(labels));
  }
  async activeLabels(): Promise<Labels[]> {
    return (await this.redis.hvals(this.k('labels'))).map((text) => JSON.parse(text) as Labels);
  }

  /** Silences the API wrote; a record that does not parse is skipped (it cannot mute anything). */
  async silences(): Promise<Silence[]> {
    const out: Silence[] = [];
    for (const text of await this.redis.hvals(this.silencesKey)) {
      try {
        const parsed = silenceSchema.safeParse(JSON.parse(text));
        if (parsed.success) out.push(parsed.data);
      } catch {
        // not JSON: ignored like any invalid record
      }
    }
    return out;
  }
}
