import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { defineRoute, type Route } from '../http/route-def.js';
import { safeJson } from '../http/safe-json.js';
import { securityHeaders } from '../http/security-headers.js';
import type { LiveEvent, LiveHub } from '../live/live-hub.js';

/** A client this far behind is cut off; it reconnects with Last-Event-ID and resumes from the ring. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
const HEARTBEAT_MS = 15_000;

export interface LiveRoutes {
  readonly routes: Route[];
  /** Ends every open stream (on shutdown). */
  closeAll(): void;
}

function lastEventIdOf(header: unknown, query: number | undefined): number | undefined {
  if (typeof header === 'string' && /^\d{1,20}$/.test(header)) return Number(header);
  return query;
}

export function liveRoutes(hub: LiveHub, options: { hsts: boolean; heartbeatMs?: number }): LiveRoutes {
  const open = new Set<ServerResponse>();
  const route = defineRoute({
    method: 'GET',
    path: '/api/v1/live',
    summary:
      'Server-Sent Events: `alert` and `incident` events as they happen. Reconnect with Last-Event-ID to resume; a `gap` event means some were missed (refetch).',
    tag: 'live',
    access: 'live:read',
    stream: true,
    query: z.strictObject({
      lastEventId: z.coerce
        .number()
        .int()
        .nonnegative()
        .optional()
        .describe('For clients that cannot send the Last-Event-ID header'),
    }),
    handler: ({ request, reply, query }) => {
      const last = lastEventIdOf(request.headers['last-event-id'], query.lastEventId);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        ...securityHeaders(options.hsts),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      open.add(raw);
      const send = (event: LiveEvent): void => {
        if (raw.writableLength > MAX_BUFFERED_BYTES) {
          raw.end();
          return;
        }
        raw.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${safeJson(event.data)}\n\n`);
      };
      raw.write(`retry: 3000\n: connected\n\n`);
      if (last !== undefined) {
        const resume = hub.resume(last);
        if (resume.gap) {
          const gapId = (resume.replay[0]?.id ?? hub.lastId() + 1) - 1;
          raw.write(`id: ${gapId}\nevent: gap\ndata: ${safeJson({ after: last })}\n\n`);
        }
        for (const event of resume.replay) send(event);
      }
      const unsubscribe = hub.subscribe(send);
      const heartbeat = setInterval(() => raw.write(': ping\n\n'), options.heartbeatMs ?? HEARTBEAT_MS);
      raw.on('close', () => {
        unsubscribe();
        clearInterval(heartbeat);
        open.delete(raw);
      });
      return Promise.resolve();
    },
  });
  return {
    routes: [route],
    closeAll: () => {
      for (const raw of open) raw.end();
      open.clear();
    },
  };
}
