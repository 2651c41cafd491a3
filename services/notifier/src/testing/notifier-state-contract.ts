import { describe, expect, it } from 'vitest';
import type { NotifierState, OutboxItem } from '../ports/notifier-state.js';

const item = (id: string, createdMs = 1, nextAttemptMs = 1): OutboxItem => ({
  id,
  receiver: 'team',
  reason: 'initial',
  incidentIds: ['a'],
  createdMs,
  attempts: 0,
  nextAttemptMs,
});

/**
 * The behaviour every NotifierState must have, as a reusable suite: run it on the in-memory
 * implementation here and on the Redis one in its integration test.
 */
export function describeNotifierState(name: string, create: () => Promise<NotifierState>): void {
  describe(`NotifierState contract: ${name}`, () => {
    it('enqueues an outbox id once, and never again after completion', async () => {
      const state = await create();
      expect(await state.enqueue(item('n1'))).toBe(true);
      expect(await state.enqueue(item('n1'))).toBe(false);
      expect((await state.pendingOutbox(10, 10)).map((i) => i.id)).toEqual(['n1']);
      await state.complete('n1');
      expect(await state.enqueue(item('n1'))).toBe(false);
      expect(await state.pendingOutbox(10, 10)).toEqual([]);
    });

    it('returns due outbox items oldest first (then by id) and honours reschedule', async () => {
      const state = await create();
      await state.enqueue(item('late', 2, 100));
      await state.enqueue(item('b', 2));
      await state.enqueue(item('a', 1));
      expect((await state.pendingOutbox(10, 10)).map((i) => i.id)).toEqual(['a', 'b']);
      await state.reschedule({ ...item('a', 1), attempts: 1, nextAttemptMs: 50 });
      expect((await state.pendingOutbox(10, 10)).map((i) => i.id)).toEqual(['b']);
      expect((await state.pendingOutbox(100, 10)).map((i) => [i.id, i.attempts])).toEqual([
        ['a', 1],
        ['b', 0],
        ['late', 0],
      ]);
    });

    it('remembers delivered messages per item and channel', async () => {
      const state = await create();
      await state.markDelivered('n1', 'pd/0', ['m1']);
      await state.markDelivered('n1', 'pd/0', ['m2']);
      expect([...(await state.deliveredMessages('n1', 'pd/0'))].sort()).toEqual(['m1', 'm2']);
      expect(await state.deliveredMessages('n1', 'slack/0')).toEqual(new Set());
    });

    it('keeps timers by kind and id, due in time order', async () => {
      const state = await create();
      await state.schedule('group', 'g1', 30);
      await state.schedule('escalation', 'g1', 10);
      await state.schedule('group', 'g2', 20);
      await state.schedule('group', 'g1', 40);
      expect((await state.dueTimers(35, 10)).map((t) => `${t.kind}:${t.id}`)).toEqual([
        'escalation:g1',
        'group:g2',
      ]);
      await state.unschedule('escalation', 'g1');
      expect((await state.dueTimers(100, 1)).map((t) => `${t.kind}:${t.id}@${t.dueMs}`)).toEqual([
        'group:g2@20',
      ]);
    });

    it('indexes the latest incidents per entity, newest first, at most 10', async () => {
      const state = await create();
      for (let i = 0; i < 12; i++) await state.addEntityIncident('source.ip', '1.2.3.4', `i${i}`);
      await state.addEntityIncident('source.ip', '1.2.3.4', 'i5');
      const ids = await state.entityIncidents('source.ip', '1.2.3.4');
      expect(ids).toHaveLength(10);
      expect(ids.slice(0, 3)).toEqual(['i5', 'i11', 'i10']);
      expect(await state.entityIncidents('user.name', '1.2.3.4')).toEqual([]);
    });

    it('tracks group memberships, paged receivers and live labels', async () => {
      const state = await create();
      await state.addGroupMembership('a', 'k1');
      await state.addGroupMembership('a', 'k1');
      await state.addGroupMembership('a', 'k2');
      expect((await state.groupsOf('a')).sort()).toEqual(['k1', 'k2']);
      await state.addPagedReceiver('a', 'alice');
      expect(await state.pagedReceivers('a')).toEqual(['alice']);
      await state.setActiveLabels('a', { level: ['high'] });
      await state.setActiveLabels('b', { level: ['low'] });
      await state.setActiveLabels('b', undefined);
      expect(await state.activeLabels()).toEqual([{ level: ['high'] }]);
    });
  });
}
